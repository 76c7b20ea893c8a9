/**
 * revlog.ts's per-card reads for many cards at once: `where cid in (…)` in
 * batches (SQLite's 999-parameter limit), the same conditions and order,
 * so each card gets exactly what revlogForCard / timeOfLastReview give it.
 */
import { inIdBatches } from '../id-batches.ts';
import type { Collection } from '../collection.ts';
import type { RevlogEntry } from './revlog.ts';


/** revlogForCard of each card of `cids`: every id present, [] when it has no log. */
export function revlogsForCards(col: Collection, cids: readonly number[]): Map<number, RevlogEntry[]> {
  const out = new Map<number, RevlogEntry[]>(cids.map((cid) => [cid, []]));
  inIdBatches(cids, (batch, marks) => {
    const sql = `select id, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog where cid in (${marks}) order by cid, id`;
    for (const e of col.db.query<RevlogEntry>(sql, batch)) out.get(e.cid)?.push(e);
  });
  return out;
}

/** timeOfLastReview of each card of `cids`: every id present, null when it has no real answer. */
export function lastReviewTimes(col: Collection, cids: readonly number[]): Map<number, number | null> {
  const out = new Map<number, number | null>(cids.map((cid) => [cid, null]));
  inIdBatches(cids, (batch, marks) => {
    const sql = `select cid, id / 1000 from revlog where cid in (${marks}) and ease between 1 and 4 and (type != 3 or factor != 0) order by cid, id desc`;
    let previous: unknown;
    for (const [cid, secs] of col.db.rows(sql, batch)) {
      if (cid === previous) continue; // the first row of each card is its latest
      previous = cid;
      if (typeof secs === 'number' && out.has(cid as number)) out.set(cid as number, secs);
    }
  });
  return out;
}
