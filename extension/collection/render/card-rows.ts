/**
 * Reading the rows that rendering and cardsInfo need, many cards at a time:
 * `where id in (…)` in batches of at most 999 ids (SQLite's parameter limit).
 * Cards are read once, as the scheduler reads them (cardsById), and their
 * reported columns taken from that (cardInfoRow).
 */
import { inIdBatches } from '../id-batches.ts';
import { cardsById, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import type { CardRow } from '../schema/rows.ts';

/** A `cards` row, with the columns cardsInfo reports and rendering uses. */
export type CardInfoRow = Pick<CardRow, 'id' | 'nid' | 'did' | 'ord' | 'mod' | 'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'odid' | 'flags'>;

/** The `notes` columns rendering and cardsInfo use. */
export interface NoteRenderRow {
  id: number;
  /** As text, so that an id beyond 2^53 stays exact for the `col.models` lookup. */
  mid: string;
  tags: string;
  flds: string;
}


const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** Anki reads `due` as an i32 and takes 0 when the stored value is not one. */
function dueOf(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff ? v : 0;
}

/** The columns cardsInfo reports, from a card as cardsById reads it (each a number, `due` an i32). */
export function cardInfoRow(card: Card): CardInfoRow {
  return {
    id: num(card.id),
    nid: num(card.nid),
    did: num(card.did),
    ord: num(card.ord),
    mod: num(card.mod),
    type: num(card.type),
    queue: num(card.queue),
    due: dueOf(card.due),
    ivl: num(card.ivl),
    factor: num(card.factor),
    reps: num(card.reps),
    lapses: num(card.lapses),
    left: num(card.left),
    odid: num(card.odid),
    flags: num(card.flags),
  };
}

/** The rows of those cards that exist, by id. */
export function cardRowsById(col: Collection, ids: readonly number[]): Map<number, CardInfoRow> {
  const out = new Map<number, CardInfoRow>();
  for (const [id, card] of cardsById(col, ids)) out.set(id, cardInfoRow(card));
  return out;
}

/** The rows of those notes that exist, by id. */
export function noteRowsById(col: Collection, ids: readonly number[]): Map<number, NoteRenderRow> {
  const out = new Map<number, NoteRenderRow>();
  inIdBatches(ids, (batch, marks) => {
    for (const r of col.db.rows(`select id, cast(mid as text), tags, flds from notes where id in (${marks})`, batch)) {
      out.set(num(r[0]), { id: num(r[0]), mid: String(r[1]), tags: String(r[2] ?? ''), flds: String(r[3] ?? '') });
    }
  });
  return out;
}
