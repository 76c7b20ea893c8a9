/** Note type ("model") template and styling actions. */
import type { Collection } from '../collection/collection.ts';
import { appendTemplate, draftOf, moveTemplate, removeTemplate, renameTemplate, type NotetypeDraft } from '../collection/notetypes/draft.ts';
import { notetypeNames } from '../collection/notetypes/list.ts';
import { notetypeByName } from '../collection/notetypes/lookup.ts';
import { updateNotetype } from '../collection/notetypes/save.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import { action, opt, req } from './define.ts';
import {
  inRequiresString,
  jsonInvalidType,
  keyError,
  modelNotFound,
  noAttributeGet,
  notAnInteger,
  notSubscriptable,
  replaceNeedsString,
  templateNotFound,
} from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyTruthy } from './python-values.ts';

function modelByName(col: Collection, name: unknown): NotetypeJson {
  const nt = typeof name === 'string' ? notetypeByName(col, name) : undefined;
  if (!nt) throw new Error(modelNotFound(name));
  return nt;
}

/** AnkiConnect's `getTemplate`: the template's index by its exact name. */
function templateIndex(nt: NotetypeJson, name: unknown): number {
  const index = nt.tmpls.findIndex((t) => t.name === name);
  if (index < 0) throw new Error(templateNotFound(nt.name, name));
  return index;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Python's `value[key]`. */
function pyItem(value: unknown, key: string): unknown {
  if (!isDict(value)) throw new Error(notSubscriptable(pyTypeName(value)));
  if (!Object.hasOwn(value, key)) throw new Error(keyError(key));
  return value[key];
}

/** Python's `value.get(key)`. */
function pyGet(value: unknown, key: string): unknown {
  if (!isDict(value)) throw new Error(noAttributeGet(pyTypeName(value)));
  return Object.hasOwn(value, key) ? value[key] : null;
}

/** A string going into Anki's note type JSON, which refuses anything else. */
function jsonString(value: unknown): string {
  if (typeof value !== 'string') throw new Error(jsonInvalidType(value, 'a string'));
  return value;
}

/** An index for Python's `list.insert` (bool counts as int). */
function insertIndex(index: unknown): number {
  if (typeof index === 'boolean') return Number(index);
  if (typeof index === 'bigint' || (typeof index === 'number' && Number.isInteger(index))) return Number(index);
  throw new Error(notAnInteger(pyTypeName(index)));
}

/** Python's `text.replace(find, repl)` (an empty `find` goes between every code point). */
function pyReplace(text: string, find: string, repl: string): string {
  if (find !== '') return text.replaceAll(find, () => repl);
  return text === '' ? repl : repl + [...text].join(repl) + repl;
}

interface FindReplace {
  findText: unknown;
  replaceText: unknown;
}

/** `text` with the replacement made, or null when `findText` is not in it (AnkiConnect's `in` test). */
function replaced(text: string, { findText, replaceText }: FindReplace): string | null {
  if (typeof findText !== 'string') throw new Error(inRequiresString(pyTypeName(findText)));
  if (!text.includes(findText)) return null;
  if (typeof replaceText !== 'string') throw new Error(replaceNeedsString(pyTypeName(replaceText)));
  return pyReplace(text, findText, replaceText);
}

/** findAndReplaceInModels on one note type's copy; true if the text was found anywhere. */
function replaceInDraft(d: NotetypeDraft, p: FindReplace & { front: unknown; back: unknown; css: unknown }): boolean {
  let found = false;
  const apply = (text: string, set: (s: string) => void) => {
    const out = replaced(text, p);
    if (out === null) return;
    found = true;
    set(out);
  };
  if (pyTruthy(p.css)) apply(d.nt.css, (s) => (d.nt.css = s));
  for (const { value: t } of d.templates) {
    if (pyTruthy(p.front)) apply(t.qfmt, (s) => (t.qfmt = s));
    if (pyTruthy(p.back)) apply(t.afmt, (s) => (t.afmt = s));
  }
  return found;
}

/** Edits a copy of the named model's template and saves it with everything the change implies. */
function editTemplate(col: Collection, modelName: unknown, templateName: unknown, edit: (d: NotetypeDraft, index: number) => void): null {
  const nt = modelByName(col, modelName);
  const index = templateIndex(nt, templateName);
  const d = draftOf(nt);
  edit(d, index);
  updateNotetype(col, d);
  return null;
}

export const modelTemplates = action({ modelName: req<string>() }, ({ col }, { modelName }) => {
  const out: Record<string, { Front: string; Back: string }> = {};
  for (const t of modelByName(col, modelName).tmpls) out[t.name] = { Front: t.qfmt, Back: t.afmt };
  return out;
});

export const modelStyling = action({ modelName: req<string>() }, ({ col }, { modelName }) => ({
  css: modelByName(col, modelName).css,
}));

export const updateModelTemplates = action({ model: req<{ name: string; templates: Record<string, unknown> }>() }, ({ col }, { model }) => {
  const d = draftOf(modelByName(col, pyItem(model, 'name')));
  const templates = pyItem(model, 'templates');
  for (const { value: t } of d.templates) {
    const given = pyGet(templates, t.name);
    if (!pyTruthy(given)) continue;
    const [qfmt, afmt] = [pyGet(given, 'Front'), pyGet(given, 'Back')];
    // upstream: an empty Front or Back leaves that side as it was.
    if (pyTruthy(qfmt)) t.qfmt = jsonString(qfmt);
    if (pyTruthy(afmt)) t.afmt = jsonString(afmt);
  }
  updateNotetype(col, d);
  return null;
});

export const updateModelStyling = action({ model: req<{ name: string; css: string }>() }, ({ col }, { model }) => {
  const d = draftOf(modelByName(col, pyItem(model, 'name')));
  const css = pyItem(model, 'css');
  // Anki reads a css that is not a string as empty.
  d.nt.css = typeof css === 'string' ? css : '';
  updateNotetype(col, d);
  return null;
});

export const findAndReplaceInModels = action(
  { modelName: req<string | null>(), findText: req<string>(), replaceText: req<string>(), front: opt(true), back: opt(true), css: opt(true) },
  ({ col }, p) => {
    const names = pyTruthy(p.modelName) ? [modelByName(col, p.modelName).name] : notetypeNames(col);
    let changed = 0;
    for (const name of names) {
      const d = draftOf(notetypeByName(col, name)!);
      if (replaceInDraft(d, p)) changed++;
      // upstream: every note type looked at is saved, changed or not, each on its own.
      updateNotetype(col, d);
    }
    return changed;
  },
);

export const modelTemplateRename = action(
  { modelName: req<string>(), oldTemplateName: req<string>(), newTemplateName: req<string>() },
  ({ col }, p) => editTemplate(col, p.modelName, p.oldTemplateName, (d, i) => renameTemplate(d, i, jsonString(p.newTemplateName))),
);

export const modelTemplateReposition = action(
  { modelName: req<string>(), templateName: req<string>(), index: req<number>() },
  ({ col }, p) => editTemplate(col, p.modelName, p.templateName, (d, i) => moveTemplate(d, i, insertIndex(p.index))),
);

export const modelTemplateAdd = action(
  { modelName: req<string>(), template: req<{ Name: string; Front: string; Back: string }>() },
  ({ col }, { modelName, template }) => {
    const d = draftOf(modelByName(col, modelName));
    const [name, qfmt, afmt] = [pyItem(template, 'Name'), pyItem(template, 'Front'), pyItem(template, 'Back')];
    const existing = d.templates.find((s) => s.value.name === name)?.value;
    // upstream: a template of that name is updated in place rather than added. (AnkiConnect
    // returns before saving it, leaving the change in pylib's cache only; here it is saved.)
    if (existing) Object.assign(existing, { qfmt: jsonString(qfmt), afmt: jsonString(afmt) });
    else appendTemplate(d, jsonString(name), jsonString(qfmt), jsonString(afmt));
    updateNotetype(col, d);
    return null;
  },
);

export const modelTemplateRemove = action({ modelName: req<string>(), templateName: req<string>() }, ({ col }, p) =>
  editTemplate(col, p.modelName, p.templateName, (d, i) => removeTemplate(d, i)),
);
