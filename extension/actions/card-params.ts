/**
 * Reading the card actions' parameters as AnkiConnect (Python, and Anki's
 * protobuf messages) reads them, so bad values fail with the same texts:
 * card ids must be integers, `x[i]` fails as Python's indexing does, and
 * card values are checked as the protobuf `Card` message checks them.
 */
import { cardExists, type CardColumnChanges } from '../collection/cards/update.ts';
import { blankCard, getCard, type Card } from '../collection/cards/row.ts';
import type { Collection } from '../collection/collection.ts';
import type { RatingValue } from '../collection/scheduler/states/types.ts';
import * as E from './errors.ts';
import { pyEquals, pyTypeName } from './python.ts';
import { pyIterate, pyTruthy } from './python-values.ts';

/** Python's `container[key]` for a JSON container. */
export function pyIndex(container: unknown, key: string | number): unknown {
  if (container !== null && typeof container === 'object' && !Array.isArray(container)) {
    const dict = container as Record<string, unknown>;
    if (typeof key === 'string' && Object.hasOwn(dict, key)) return dict[key];
    throw new Error(typeof key === 'string' ? E.keyError(key) : String(key));
  }
  if (Array.isArray(container) || typeof container === 'string') {
    if (typeof key === 'string') throw new Error(E.notSubscriptable(pyTypeName(container)));
    const i = key < 0 ? container.length + key : key;
    if (i < 0 || i >= container.length) throw new Error(Array.isArray(container) ? E.listIndexOutOfRange : E.stringIndexOutOfRange);
    return container[i];
  }
  throw new Error(E.notSubscriptable(pyTypeName(container)));
}

/** A card id as Anki's protobuf messages take it: an int (a bool counts as one). */
export function cardId(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new Error(E.notAnInteger(pyTypeName(value)));
}

/**
 * pylib's `col.get_card(id)`: undefined when there is no such card, and a
 * blank card (id 0, every value 0) for a falsy id (0, None, False…), since
 * `Card(col, id)` only loads when `id` is truthy.
 */
export function pylibCard(col: Collection, raw: unknown): Card | undefined {
  if (!pyTruthy(raw)) return blankCard();
  return getCard(col, cardId(raw));
}

/** Card ids pasted into SQL as `ids2str` does: ints, or strings of digits. */
export function cardIdsForSql(cards: unknown): number[] {
  return pyIterate(cards).map((c) => (typeof c === 'string' && /^\s*[+-]?\d+\s*$/.test(c) ? Number(c) : cardId(c)));
}

/** pylib's answerCard: 1–4 (compared as Python's `==`), else "invalid ease". */
export function ratingOf(ease: unknown): RatingValue {
  for (const r of [1, 2, 3, 4] as const) if (pyEquals(ease, r)) return r;
  throw new Error(E.invalidEase);
}

type IntKind = 'int64' | 'int32' | 'uint32';

const RANGES: Record<IntKind, [number, number]> = {
  int64: [-(2 ** 63), 2 ** 63 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** A value set on an integer field of a protobuf message (None leaves it 0). */
function protoInt(value: unknown, kind: IntKind): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'boolean' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error(E.notAnInteger(pyTypeName(value)));
  const [min, max] = RANGES[kind];
  if (n < min || n > max) throw new Error(E.valueOutOfRange(value));
  return n;
}

export function uint32Value(value: unknown): number {
  return protoInt(value, 'uint32');
}

/** pylib's Card attributes that reach the protobuf `Card`, in the order it builds the message. */
const CARD_FIELDS: readonly [attribute: string, column: keyof CardColumnChanges | 'id', kind: IntKind][] = [
  ['id', 'id', 'int64'],
  ['nid', 'nid', 'int64'],
  ['did', 'did', 'int64'],
  ['ord', 'ord', 'uint32'],
  ['type', 'type', 'uint32'],
  ['queue', 'queue', 'int32'],
  ['due', 'due', 'int32'],
  ['ivl', 'ivl', 'uint32'],
  ['factor', 'factor', 'uint32'],
  ['reps', 'reps', 'uint32'],
  ['lapses', 'lapses', 'uint32'],
  ['left', 'left', 'uint32'],
  ['odue', 'odue', 'int32'],
  ['odid', 'odid', 'int64'],
  ['flags', 'flags', 'uint32'],
];

/** Rust's narrowing of the message's values into a card (`as u16`, `as i8`, enum checks). */
function narrow(changes: CardColumnChanges): CardColumnChanges {
  const out = { ...changes };
  if (out.type !== undefined) {
    out.type &= 0xff;
    if (out.type > 3) throw new Error(E.invalidCardType);
  }
  if (out.queue !== undefined) {
    out.queue = (out.queue << 24) >> 24;
    if (out.queue < -3 || out.queue > 4) throw new Error(E.invalidCardQueue);
  }
  if (out.ord !== undefined) out.ord &= 0xffff;
  if (out.factor !== undefined) out.factor &= 0xffff;
  if (out.flags !== undefined) out.flags &= 0xff;
  return out;
}

/**
 * setSpecificValueOfCard's `setattr(card, key, value)` for each key, then
 * `update_card`: the columns to change, or an Error with the text Python
 * would give. `mod` and `usn` are accepted but the save sets them anyway;
 * other attributes are not saved.
 */
export function specificValues(col: Collection, card: Card, keys: readonly unknown[], values: readonly unknown[]): CardColumnChanges {
  const attrs = new Map<string, unknown>();
  keys.forEach((key, i) => {
    if (typeof key !== 'string') throw new Error(E.attributeNameNotString(pyTypeName(key)));
    attrs.set(key, values[i]);
  });
  const changes: CardColumnChanges = {};
  let newId = card.id;
  for (const [attribute, column, kind] of CARD_FIELDS) {
    if (!attrs.has(attribute)) continue;
    const value = protoInt(attrs.get(attribute), kind);
    if (column === 'id') newId = value;
    else changes[column] = value;
  }
  const narrowed = narrow(changes);
  if (newId !== card.id) {
    // Ours: Anki would save this card over the one with the new id.
    throw new Error(cardExists(col, newId) ? E.cardIdTaken(newId) : E.noSuchCard(newId));
  }
  return narrowed;
}
