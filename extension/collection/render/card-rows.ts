/**
 * Reading the rows that rendering and cardsInfo need, many cards at a time:
 * `where id in (…)` in batches of at most 999 ids (SQLite's parameter limit).
 */
import type { Collection } from '../collection.ts';
import type { CardRow } from '../schema/rows.ts';
import type { SqlValue } from 'sql.js';

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

const BATCH = 999;

const CARD_COLUMNS = 'id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, "left", odid, flags';

function inBatches(ids: readonly number[], run: (batch: number[], marks: string) => void): void {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    run(batch, batch.map(() => '?').join(','));
  }
}

const num = (v: SqlValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** Anki reads `due` as an i32 and takes 0 when the stored value is not one. */
function dueOf(v: SqlValue | undefined): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff ? v : 0;
}

/** The rows of those cards that exist, by id. */
export function cardRowsById(col: Collection, ids: readonly number[]): Map<number, CardInfoRow> {
  const out = new Map<number, CardInfoRow>();
  inBatches(ids, (batch, marks) => {
    for (const r of col.db.rows(`select ${CARD_COLUMNS} from cards where id in (${marks})`, batch)) {
      const row: CardInfoRow = {
        id: num(r[0]),
        nid: num(r[1]),
        did: num(r[2]),
        ord: num(r[3]),
        mod: num(r[4]),
        type: num(r[5]),
        queue: num(r[6]),
        due: dueOf(r[7]),
        ivl: num(r[8]),
        factor: num(r[9]),
        reps: num(r[10]),
        lapses: num(r[11]),
        left: num(r[12]),
        odid: num(r[13]),
        flags: num(r[14]),
      };
      out.set(row.id, row);
    }
  });
  return out;
}

/** The rows of those notes that exist, by id. */
export function noteRowsById(col: Collection, ids: readonly number[]): Map<number, NoteRenderRow> {
  const out = new Map<number, NoteRenderRow>();
  inBatches(ids, (batch, marks) => {
    for (const r of col.db.rows(`select id, cast(mid as text), tags, flds from notes where id in (${marks})`, batch)) {
      out.set(num(r[0]), { id: num(r[0]), mid: String(r[1]), tags: String(r[2] ?? ''), flds: String(r[3] ?? '') });
    }
  });
  return out;
}
