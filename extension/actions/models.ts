/**
 * Note type ("model") actions: listing, finding and creating note types.
 * Replies hold copies of the stored JSON, so a reply kept while later
 * actions run (`multi`) shows the note type as it was.
 */
import { createNotetype, type TemplateSpec } from '../collection/notetypes/create.ts';
import { notetypeNames, notetypesInOrder } from '../collection/notetypes/list.ts';
import { notetypeById, notetypeByName } from '../collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import type { Collection } from '../collection/collection.ts';
import type { Int64 } from '../collection/json.ts';
import { action, opt, req } from './define.ts';
import {
  argumentNotIterable,
  fieldNameNotString,
  hasNoLen,
  invalidIntLiteral,
  jsonInvalidType,
  keyError,
  modelNameExists,
  modelNotFound,
  noFieldsForModel,
  noTemplatesForModel,
  notSubscriptable,
} from './errors.ts';
import { pyRepr, pyTypeName } from './python.ts';
import { pyTruthy } from './python-values.ts';

/** pylib `models.get(id)`: a str id goes through int() first; anything unknown is "not found". */
function modelById(col: Collection, id: unknown): NotetypeJson {
  let key: unknown = id;
  if (typeof id === 'string') {
    if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(id)) throw new Error(invalidIntLiteral(pyRepr(id)));
    key = BigInt(id.trim().replaceAll('_', ''));
  }
  const usable = typeof key === 'bigint' || (typeof key === 'number' && Number.isInteger(key));
  const nt = usable ? notetypeById(col, String(key)) : undefined;
  if (!nt) throw new Error(modelNotFound(id));
  return nt;
}

function modelByName(col: Collection, name: unknown): NotetypeJson {
  const nt = typeof name === 'string' ? notetypeByName(col, name) : undefined;
  if (!nt) throw new Error(modelNotFound(name));
  return nt;
}

/** What Python's `len()`/iteration sees in a JSON value: a list, a string's characters, a dict's keys. */
function pySequence(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (value !== null && typeof value === 'object') return Object.keys(value);
  throw new Error(hasNoLen(pyTypeName(value)));
}

/** Python's `value[key]` on a JSON value. */
function pyItem(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(notSubscriptable(pyTypeName(value)));
  if (!Object.hasOwn(value, key)) throw new Error(keyError(key));
  return (value as Record<string, unknown>)[key];
}

/** A string going into Anki's note type JSON, which refuses anything else. */
function jsonString(value: unknown): string {
  if (typeof value !== 'string') throw new Error(jsonInvalidType(value, 'a string'));
  return value;
}

/** A `cardTemplates` entry: `{Name?, Front, Back}`, named "Card N" by default. */
function templateSpec(card: unknown, index: number): TemplateSpec {
  // upstream: `'Name' in card` needs a container.
  if (typeof card !== 'string' && (card === null || typeof card !== 'object')) throw new Error(argumentNotIterable(pyTypeName(card)));
  const named = card !== null && typeof card === 'object' && !Array.isArray(card) && Object.hasOwn(card, 'Name');
  const name = named ? pyItem(card, 'Name') : `Card ${index + 1}`;
  const qfmt = pyItem(card, 'Front');
  const afmt = pyItem(card, 'Back');
  return { name: jsonString(name), qfmt: jsonString(qfmt), afmt: jsonString(afmt) };
}

function fieldName(name: unknown): string {
  if (typeof name !== 'string') throw new Error(fieldNameNotString(name));
  return name;
}

/** `css=None` keeps the default; Anki reads any other value that is not a string as empty. */
function cssParam(css: unknown): string | null {
  if (css === null || css === undefined) return null;
  return typeof css === 'string' ? css : '';
}

export const modelNames = action({}, ({ col }) => notetypeNames(col));

export const modelNamesAndIds = action({}, ({ col }) => {
  const out: Record<string, Int64> = {};
  for (const nt of notetypesInOrder(col)) out[nt.name] = nt.id;
  return out;
});

export const modelNameFromId = action({ modelId: req<number>() }, ({ col }, { modelId }) => modelById(col, modelId).name);

export const findModelsById = action({ modelIds: req<number[]>() }, ({ col }, { modelIds }) =>
  pySequence(modelIds).map((id) => structuredClone(modelById(col, id))),
);

export const findModelsByName = action({ modelNames: req<string[]>() }, ({ col }, { modelNames: names }) =>
  pySequence(names).map((name) => structuredClone(modelByName(col, name))),
);

export const createModel = action(
  {
    modelName: req<string>(),
    inOrderFields: req<string[]>(),
    cardTemplates: req<{ Name?: string; Front: string; Back: string }[]>(),
    css: opt<string | null>(null),
    isCloze: opt(false),
  },
  ({ col }, p) => {
    const fields = pySequence(p.inOrderFields);
    if (!fields.length) throw new Error(noFieldsForModel);
    const cards = pySequence(p.cardTemplates);
    if (!cards.length) throw new Error(noTemplatesForModel);
    if (notetypeNames(col).includes(p.modelName)) throw new Error(modelNameExists);
    const fieldNames = fields.map(fieldName);
    const templates = cards.map(templateSpec);
    const name = jsonString(p.modelName);
    const nt = createNotetype(col, { name, fields: fieldNames, templates, css: cssParam(p.css), cloze: pyTruthy(p.isCloze) });
    return structuredClone(nt);
  },
);
