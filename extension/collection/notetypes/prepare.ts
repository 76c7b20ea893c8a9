/**
 * Getting an edited note type ready to save, in Anki's order
 * (notetype/mod.rs `prepare_for_update`): at least one field and template,
 * clean unique names, the sort field following its field, template
 * references following renamed and removed fields, a fresh `req`, and the
 * template checks.
 */
import type { TemplateNode } from '../render/template-parse.ts';
import { checkTemplates, type ParsedSides } from './checks.ts';
import { finishDraft, type NotetypeDraft } from './draft.ts';
import { oneFieldRequired, oneTemplateRequired } from './errors.ts';
import { fixNames } from './names.ts';
import { requirements } from './requirements.ts';
import {
  hasClozeReplacement,
  hasFieldReplacement,
  renameAndRemoveFields,
  templateToString,
  tryParseTemplate,
  withReplacement,
  type FieldRenames,
} from './template-rewrite.ts';
import { NotetypeKind, type NotetypeJson } from './types.ts';

/** The sort field index after fields moved: where the old sort field went, else clamped. */
function repositionedSortIndex(d: NotetypeDraft): number {
  const sortf = d.nt.sortf;
  const moved = d.fields.findIndex((s) => s.from === sortf);
  return moved >= 0 ? moved : Math.min(Math.max(sortf, 0), d.fields.length - 1);
}

/** Old name → new name for renamed fields, old name → null for removed ones. */
function renamedAndRemoved(d: NotetypeDraft, original: NotetypeJson): Map<string, string | null> {
  const map = new Map<string, string | null>();
  const kept = new Set<number>();
  for (const { from, value } of d.fields) {
    if (from === null) continue;
    kept.add(from);
    const old = original.flds[from];
    if (old && old.name !== value.name) map.set(old.name, value.name);
  }
  original.flds.forEach((f, i) => kept.has(i) || map.set(f.name, null));
  return map;
}

type Side = readonly TemplateNode[] | null;

/** Rewrites one template text for the renames; a missing front or cloze replacement gets the first field. */
function rewriteSide(text: string, renames: FieldRenames, first: string, cloze: boolean, front: boolean): [string, Side] {
  const parsed = tryParseTemplate(text);
  if (!parsed) return [text, null];
  let nodes = renameAndRemoveFields(parsed, renames);
  if ((front && !hasFieldReplacement(nodes)) || (cloze && !hasClozeReplacement(nodes))) {
    nodes = withReplacement(nodes, first, cloze);
  }
  return [templateToString(nodes), nodes];
}

/** Applies the renames to every template (browser formats only where set). */
function rewriteTemplates(nt: NotetypeJson, renames: FieldRenames): void {
  const first = nt.flds[0]!.name;
  const cloze = nt.type === NotetypeKind.Cloze;
  for (const t of nt.tmpls) {
    t.qfmt = rewriteSide(t.qfmt, renames, first, cloze, true)[0];
    t.afmt = rewriteSide(t.afmt, renames, first, cloze, false)[0];
    if (t.bqfmt) t.bqfmt = rewriteSide(t.bqfmt, renames, first, cloze, true)[0];
    if (t.bafmt) t.bafmt = rewriteSide(t.bafmt, renames, first, cloze, false)[0];
  }
}

/**
 * Validates and completes the draft; returns the note type JSON to store
 * (`ord`s renumbered). `original` is the stored version, null for a new type.
 * Throws Anki's message when the note type cannot be saved.
 */
export function prepareForSave(d: NotetypeDraft, original: NotetypeJson | null): NotetypeJson {
  if (!d.fields.length) throw new Error(oneFieldRequired);
  if (!d.templates.length) throw new Error(oneTemplateRequired);
  fixNames(d);
  d.nt.sortf = repositionedSortIndex(d);
  const renames = original ? renamedAndRemoved(d, original) : new Map<string, string | null>();
  const nt = finishDraft(d);
  if (renames.size) rewriteTemplates(nt, renames);
  const parsed: ParsedSides[] = nt.tmpls.map((t) => [tryParseTemplate(t.qfmt), tryParseTemplate(t.afmt)]);
  nt.req = requirements(
    parsed.map(([q]) => q),
    nt.flds.map((f) => f.name),
  );
  checkTemplates(nt, parsed);
  return nt;
}
