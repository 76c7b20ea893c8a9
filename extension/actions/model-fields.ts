/** Note type ("model") field actions: reading, renaming, moving, adding, removing and styling fields. */
import type { Collection } from '../collection/collection.ts';
import { appendField, draftOf, moveField, removeField, renameField, type NotetypeDraft } from '../collection/notetypes/draft.ts';
import { notetypeByName } from '../collection/notetypes/lookup.ts';
import { updateNotetype, type SaveOptions } from '../collection/notetypes/save.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import { action, opt, req } from './define.ts';
import {
  descriptionNotString,
  fieldNameNotString,
  fieldNotFound,
  fontNotString,
  fontSizeNotInteger,
  jsonInvalidType,
  jsonInvalidValue,
  modelNotFound,
  notAnInteger,
} from './errors.ts';
import { pyTypeName } from './python.ts';

function modelByName(col: Collection, name: unknown): NotetypeJson {
  const nt = typeof name === 'string' ? notetypeByName(col, name) : undefined;
  if (!nt) throw new Error(modelNotFound(name));
  return nt;
}

/** AnkiConnect's `getField`: the field's index by its exact (case-sensitive) name. */
function fieldIndex(nt: NotetypeJson, name: unknown): number {
  const index = typeof name === 'string' ? nt.flds.findIndex((f) => f.name === name) : -1;
  if (index < 0) throw new Error(fieldNotFound(nt.name, name));
  return index;
}

/** An index for Python's `list.insert` (bool counts as int). */
function insertIndex(index: unknown): number {
  if (typeof index === 'boolean') return Number(index);
  if (typeof index === 'bigint' || (typeof index === 'number' && Number.isInteger(index))) return Number(index);
  throw new Error(notAnInteger(pyTypeName(index)));
}

/** Edits a copy of the named model's field and saves it with everything the change implies. */
function editField(
  col: Collection,
  modelName: unknown,
  fieldName: unknown,
  edit: (d: NotetypeDraft, index: number, nt: NotetypeJson) => void,
  opts: SaveOptions = {},
): null {
  const nt = modelByName(col, modelName);
  const index = fieldIndex(nt, fieldName);
  const d = draftOf(nt);
  edit(d, index, nt);
  updateNotetype(col, d, opts);
  return null;
}

/** Field names that `{{…}}` tags on one side use (AnkiConnect's regex, after aqt's clayout). */
function fieldsOnSide(text: string, questionFields: readonly string[] | null): string[] {
  const out: string[] = [];
  for (const [tag] of text.matchAll(/\{\{[^#/}]+?\}\}/g)) {
    const name = tag.replace(/[{}]/g, '').split(':').pop()!;
    if (name === 'FrontSide' || (questionFields && questionFields.includes(name))) continue;
    out.push(name);
  }
  return out;
}

export const modelFieldNames = action({ modelName: req<string>() }, ({ col }, { modelName }) =>
  modelByName(col, modelName).flds.map((f) => f.name),
);

export const modelFieldDescriptions = action({ modelName: req<string>() }, ({ col }, { modelName }) => {
  const { flds } = modelByName(col, modelName);
  // upstream: a field without a description (old Anki) makes every description empty.
  return flds.every((f) => Object.hasOwn(f, 'description')) ? flds.map((f) => f.description) : flds.map(() => '');
});

export const modelFieldFonts = action({ modelName: req<string>() }, ({ col }, { modelName }) => {
  const out: Record<string, { font: string; size: number }> = {};
  for (const f of modelByName(col, modelName).flds) out[f.name] = { font: f.font, size: f.size };
  return out;
});

export const modelFieldsOnTemplates = action({ modelName: req<string>() }, ({ col }, { modelName }) => {
  const out: Record<string, [string[], string[]]> = {};
  for (const t of modelByName(col, modelName).tmpls) {
    const question = fieldsOnSide(t.qfmt, null);
    out[t.name] = [question, fieldsOnSide(t.afmt, question)];
  }
  return out;
});

export const modelFieldRename = action(
  { modelName: req<string>(), oldFieldName: req<string>(), newFieldName: req<string>() },
  ({ col }, p) =>
    editField(
      col,
      p.modelName,
      p.oldFieldName,
      (d, index) => {
        if (typeof p.newFieldName !== 'string') throw new Error(jsonInvalidType(p.newFieldName, 'a string'));
        renameField(d, index, p.newFieldName);
      },
      { makeCurrent: true },
    ),
);

export const modelFieldReposition = action(
  { modelName: req<string>(), fieldName: req<string>(), index: req<number>() },
  ({ col }, p) => editField(col, p.modelName, p.fieldName, (d, from) => moveField(d, from, insertIndex(p.index))),
);

export const modelFieldAdd = action(
  { modelName: req<string>(), fieldName: req<string>(), index: opt<number | null>(null) },
  ({ col }, p) => {
    const nt = modelByName(col, p.modelName);
    if (typeof p.fieldName !== 'string') throw new Error(fieldNameNotString(p.fieldName));
    const d = draftOf(nt);
    // upstream: only adds a field of that exact name if missing, but repositions it either way.
    let at = nt.flds.findIndex((f) => f.name === p.fieldName);
    const adding = at < 0;
    if (adding) appendField(d, p.fieldName);
    if (adding) at = d.fields.length - 1;
    if (p.index !== null && p.index !== undefined) moveField(d, at, insertIndex(p.index));
    updateNotetype(col, d, { makeCurrent: adding });
    return null;
  },
);

export const modelFieldRemove = action({ modelName: req<string>(), fieldName: req<string>() }, ({ col }, p) =>
  editField(col, p.modelName, p.fieldName, (d, index) => removeField(d, index)),
);

export const modelFieldSetFont = action(
  { modelName: req<string>(), fieldName: req<string>(), font: req<string>() },
  ({ col }, p) =>
    editField(col, p.modelName, p.fieldName, (d, index) => {
      if (typeof p.font !== 'string') throw new Error(fontNotString(p.font));
      d.fields[index]!.value.font = p.font;
    }),
);

export const modelFieldSetFontSize = action(
  { modelName: req<string>(), fieldName: req<string>(), fontSize: req<number>() },
  ({ col }, p) =>
    editField(col, p.modelName, p.fieldName, (d, index) => {
      d.fields[index]!.value.size = fontSize(p.fontSize);
    }),
);

/** A font size as AnkiConnect checks it (an int; Python's bool is one) and Anki stores it (u16). */
function fontSize(size: unknown): number {
  const isInt = typeof size === 'bigint' || (typeof size === 'number' && Number.isInteger(size));
  if (!isInt && typeof size !== 'boolean') throw new Error(fontSizeNotInteger(size));
  if (typeof size === 'boolean') throw new Error(jsonInvalidType(size, 'u16'));
  if (Number(size) < 0 || Number(size) > 0xffff) throw new Error(jsonInvalidValue(size, 'u16'));
  return Number(size);
}

export const modelFieldSetDescription = action(
  { modelName: req<string>(), fieldName: req<string>(), description: req<string>() },
  ({ col }, p) => {
    editField(col, p.modelName, p.fieldName, (d, index) => {
      if (typeof p.description !== 'string') throw new Error(descriptionNotString(p.description));
      d.fields[index]!.value.description = p.description;
    });
    // upstream: false only for fields without a description key, which Anki no longer writes.
    return true;
  },
);
