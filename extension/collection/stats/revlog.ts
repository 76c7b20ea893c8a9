/**
 * Review log rows as AnkiConnect reads and writes them: a deck's reviews
 * after an id, the latest review of a deck, the reviews of given cards, and
 * raw rows inserted as a client sends them. A row is the nine revlog
 * columns in table order (anki-formats.md §1).
 */
import type { Collection } from '../collection.ts';
import type { SqlParam } from '../db.ts';

/** The revlog columns, in table order (the order of a review tuple). */
export const REVLOG_COLUMNS = ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'] as const;
export type RevlogColumn = (typeof REVLOG_COLUMNS)[number];

/** One revlog row as a tuple, in REVLOG_COLUMNS order. */
export type RevlogTuple = [number, number, number, number, number, number, number, number, number];

/** A review without its card id, as getReviewsOfCards gives it. */
export type ReviewEntry = Omit<Record<RevlogColumn, number>, 'cid'>;

const I32: readonly [number, number] = [-2_147_483_648, 2_147_483_647];
const U32: readonly [number, number] = [0, 4_294_967_295];
const I64: readonly [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

/**
 * The values Anki can read back in each column (rslib RevlogEntry: i64 ids,
 * i32 usn and intervals, u8 button and kind, u32 ease factor and time).
 * Rows outside these ranges would make Anki's statistics and sync fail.
 */
export const REVLOG_COLUMN_RANGES: Readonly<Record<RevlogColumn, readonly [number, number]>> = {
  id: I64,
  cid: I64,
  usn: I32,
  ease: [0, 255],
  ivl: I32,
  lastIvl: I32,
  factor: U32,
  time: U32,
  type: [0, 255],
};

const SELECT_ROW = 'select id, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog';
/** SQLite's default limit on bound variables in one statement is far above this. */
const BATCH = 999;
/** Rows per insert statement (9 values each): few journal entries, short statements. */
const INSERT_BATCH = 100;

/** Reviews of the cards now in deck `did` (not cards of filtered decks it feeds) with id > startId, oldest first. */
export function deckReviews(col: Collection, did: number, startId: SqlParam): RevlogTuple[] {
  return col.db.rows(`${SELECT_ROW} where id > ? and cid in (select id from cards where did = ?) order by id`, [
    startId,
    did,
  ]) as RevlogTuple[];
}

/** The id of the latest review of a card in deck `did`, or null when there is none. */
export function latestDeckReviewId(col: Collection, did: number): number | null {
  const id = col.db.scalar('select max(id) from revlog where cid in (select id from cards where did = ?)', [did]);
  return typeof id === 'number' ? id : null;
}

/** The reviews of each card that has any, oldest first, keyed by card id. */
export function reviewsOfCards(col: Collection, cids: readonly number[]): Map<number, ReviewEntry[]> {
  const out = new Map<number, ReviewEntry[]>();
  const unique = [...new Set(cids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const sql = `${SELECT_ROW} where cid in (${batch.map(() => '?').join(',')}) order by id`;
    for (const [id, cid, usn, ease, ivl, lastIvl, factor, time, type] of col.db.rows(sql, batch) as RevlogTuple[]) {
      let list = out.get(cid);
      if (!list) out.set(cid, (list = []));
      list.push({ id, usn, ease, ivl, lastIvl, factor, time, type });
    }
  }
  return out;
}

/** Which of `ids` are already review ids, plus any that `ids` holds twice. */
export function conflictingRevlogIds(col: Collection, ids: readonly number[]): number[] {
  const seen = new Set<number>();
  const conflicts = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) conflicts.add(id);
    seen.add(id);
  }
  const unique = [...seen];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const taken = col.db.column<number>(`select id from revlog where id in (${batch.map(() => '?').join(',')})`, batch);
    for (const id of taken) conflicts.add(id);
  }
  return [...conflicts].sort((a, b) => a - b);
}

/**
 * Inserts review rows exactly as given (ids must be free: see
 * conflictingRevlogIds; a taken id makes the whole insert fail and roll
 * back), and marks the collection modified so the rows reach the next sync.
 */
export function insertRevlogRows(col: Collection, rows: readonly RevlogTuple[]): void {
  if (!rows.length) return;
  col.transact(() => {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      col.db.run(`insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values ${values}`, batch.flat());
    }
    col.col.touch(col.nowMs());
  });
}
