/**
 * A note type being edited. As in Anki, edits work on a copy, and every field
 * and template remembers the position it had in the stored note type (`from`;
 * null for a new one). Saving compares the copy with the stored note type to
 * move note data, renumber cards and rename template references
 * (schema-change.ts, prepare.ts).
 */
import { mustHaveOneTemplate } from './errors.ts';
import { newField, newTemplate } from './stock.ts';
import type { FieldJson, NotetypeJson, TemplateJson } from './types.ts';

export interface Slot<T> {
  /** Index in the stored note type, or null when added in this edit. */
  readonly from: number | null;
  readonly value: T;
}

export interface NotetypeDraft {
  /** A deep copy; its `flds` and `tmpls` are rebuilt from the slots on save. */
  readonly nt: NotetypeJson;
  readonly fields: Slot<FieldJson>[];
  readonly templates: Slot<TemplateJson>[];
}

/** A draft of a stored note type (every field and template keeps its place). */
export function draftOf(nt: NotetypeJson): NotetypeDraft {
  const copy = structuredClone(nt);
  return {
    nt: copy,
    fields: copy.flds.map((value, from) => ({ from, value })),
    templates: copy.tmpls.map((value, from) => ({ from, value })),
  };
}

/** A draft of a note type not yet stored (every field and template is new). */
export function newDraft(nt: NotetypeJson): NotetypeDraft {
  return {
    nt,
    fields: nt.flds.map((value) => ({ from: null, value })),
    templates: nt.tmpls.map((value) => ({ from: null, value })),
  };
}

/** The note type JSON with fields and templates in draft order, `ord`s renumbered. */
export function finishDraft(d: NotetypeDraft): NotetypeJson {
  d.nt.flds = d.fields.map((s, i) => Object.assign(s.value, { ord: i }));
  d.nt.tmpls = d.templates.map((s, i) => Object.assign(s.value, { ord: i }));
  return d.nt;
}

/** Where Python's `list.insert(index, x)` puts x in a list of `length` items. */
export function pyInsertPosition(index: number, length: number): number {
  if (index < 0) return Math.max(0, index + length);
  return Math.min(index, length);
}

/**
 * Anki's `reposition_field`/`reposition_template`: nothing when `to` already
 * equals the current index, else remove the item and insert it at `to` with
 * Python's insert rules (negative counts from the end; out of range clamps).
 */
function moveSlot<T>(slots: Slot<T>[], index: number, to: number): void {
  if (index === to) return;
  const [slot] = slots.splice(index, 1);
  slots.splice(pyInsertPosition(to, slots.length), 0, slot!);
}

export function renameField(d: NotetypeDraft, index: number, name: string): void {
  d.fields[index]!.value.name = name;
}

export function moveField(d: NotetypeDraft, index: number, to: number): void {
  moveSlot(d.fields, index, to);
}

/** Appends a new field (Anki's defaults: Arial 20, a fresh random id). */
export function appendField(d: NotetypeDraft, name: string): void {
  d.fields.push({ from: null, value: newField(name, d.fields.length) });
}

export function removeField(d: NotetypeDraft, index: number): void {
  d.fields.splice(index, 1);
}

export function renameTemplate(d: NotetypeDraft, index: number, name: string): void {
  d.templates[index]!.value.name = name;
}

export function moveTemplate(d: NotetypeDraft, index: number, to: number): void {
  moveSlot(d.templates, index, to);
}

export function appendTemplate(d: NotetypeDraft, name: string, qfmt: string, afmt: string): void {
  d.templates.push({ from: null, value: newTemplate(name, d.templates.length, qfmt, afmt) });
}

/** Anki's rule (pylib `remove_template`): a note type keeps at least one template. */
export function removeTemplate(d: NotetypeDraft, index: number): void {
  if (d.templates.length <= 1) throw new Error(mustHaveOneTemplate);
  d.templates.splice(index, 1);
}
