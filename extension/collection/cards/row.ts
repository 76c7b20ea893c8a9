/**
 * A card as the scheduler and card actions work on it: the `cards` row with
 * its `data` parsed (storage/card/mod.rs `row_to_card`), and writing it back
 * as Anki's `update_card` does (mod = now, usn = -1, `data` rewritten).
 */
import { inIdBatches } from '../id-batches.ts';
import type { Collection } from '../collection.ts';
import type { CardRow } from '../schema/rows.ts';
import type { SqlValue } from 'sql.js';
import { emptyCardData, parseCardData, serializeCardData, type CardData } from './data.ts';

/** A `cards` row with `data` parsed. */
export type Card = Omit<CardRow, 'data'> & { data: CardData };

/** Card types (`cards.type`). */
export const CardType = { New: 0, Learn: 1, Review: 2, Relearn: 3 } as const;

/** Card queues (`cards.queue`), anki-formats.md §6. */
export const CardQueue = {
  UserBuried: -3,
  SchedBuried: -2,
  Suspended: -1,
  New: 0,
  /** Intraday learning: `due` is epoch seconds. */
  Learn: 1,
  /** `due` is a day number. */
  Review: 2,
  /** Interday learning: `due` is a day number. */
  DayLearn: 3,
  /** Preview in a filtered deck: `due` is epoch seconds. */
  PreviewRepeat: 4,
} as const;

/** The row as read: `due`/`odue` may be anything in a damaged file, `data` not yet parsed. */
type RawCardRow = Omit<CardRow, 'due' | 'odue' | 'data'> & { due: unknown; odue: unknown; data: unknown };

/** The `cards` columns, in the table's order. */
const COLUMNS = 'id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, "left", odue, odid, flags, data';

/** A row of COLUMNS read as an array (much cheaper from sql.js than one object per row). */
function rawRow(v: SqlValue[]): RawCardRow {
  const [id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data] = v as number[];
  return { id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data } as RawCardRow;
}

/** Anki reads a `due`/`odue` that is not an integer as 0. */
function intOrZero(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : 0;
}

function toCard(row: RawCardRow): Card {
  return { ...row, due: intOrZero(row.due), odue: intOrZero(row.odue), data: parseCardData(row.data) };
}

export function getCard(col: Collection, id: number): Card | undefined {
  const row = col.db.get<RawCardRow>('select * from cards where id = ?', [id]);
  return row ? toCard(row) : undefined;
}

/** The cards of `ids` that exist, in the order of `ids` (each once). */
export function getCards(col: Collection, ids: readonly number[]): Card[] {
  const seen = new Set<number>();
  const out: Card[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const card = getCard(col, id);
    if (card) out.push(card);
  }
  return out;
}

/** The cards of `ids` that exist, by id, read `where id in (…)` in batches (SQLite's 999-parameter limit). */
export function cardsById(col: Collection, ids: readonly number[]): Map<number, Card> {
  const out = new Map<number, Card>();
  inIdBatches(ids, (batch, marks) => {
    for (const values of col.db.rows(`select ${COLUMNS} from cards where id in (${marks})`, batch)) {
      const card = toCard(rawRow(values));
      out.set(card.id, card);
    }
  });
  return out;
}

/** The other cards of a note whose queue is one of `queues`, in id order. */
export function siblingsInQueues(col: Collection, card: Card, queues: readonly number[]): Card[] {
  if (queues.length === 0) return [];
  const marks = queues.map(() => '?').join(', ');
  const rows = col.db.query<RawCardRow>(`select * from cards where nid = ? and id != ? and queue in (${marks}) order by id`, [
    card.nid,
    card.id,
    ...queues,
  ]);
  return rows.map(toCard);
}

/** Writes `card` back, marking it modified now (Anki's `update_card_inner`); needs a transaction. */
export function updateCard(col: Collection, card: Card): void {
  card.mod = col.nowSecs();
  card.usn = -1;
  col.db.run(
    `update cards set nid = ?, did = ?, ord = ?, mod = ?, usn = ?, type = ?, queue = ?, due = ?, ivl = ?,
      factor = ?, reps = ?, lapses = ?, left = ?, odue = ?, odid = ?, flags = ?, data = ? where id = ?`,
    [
      card.nid,
      card.did,
      card.ord,
      card.mod,
      card.usn,
      card.type,
      card.queue,
      card.due,
      card.ivl,
      card.factor,
      card.reps,
      card.lapses,
      card.left,
      card.odue,
      card.odid,
      card.flags,
      serializeCardData(card.data),
      card.id,
    ],
  );
}

/** A card with every column 0 (what pylib's `Card(col)` holds before it is saved). */
export function blankCard(): Card {
  return {
    id: 0, nid: 0, did: 0, ord: 0, mod: 0, usn: 0, type: 0, queue: 0, due: 0, ivl: 0,
    factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0, flags: 0, data: emptyCardData(),
  };
}

export function cloneCard(card: Card): Card {
  return { ...card, data: { ...card.data } };
}
