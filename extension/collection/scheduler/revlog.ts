/**
 * Review log rows (revlog/mod.rs): one per answer, per manual reschedule
 * and per reset. `id` is the time in epoch ms (bumped past a taken id),
 * `ivl`/`lastIvl` are days or negative seconds, `factor` is the ease ×1000
 * (or FSRS difficulty shifted to 100–1100), `time` the ms taken, `type`
 * the kind (learning, review, relearning, filtered, manual, rescheduled).
 */
import type { Collection } from '../collection.ts';
import { nextRowId } from '../ids.ts';
import type { RevlogRow } from '../schema/rows.ts';

export type RevlogEntry = RevlogRow;


export type NewRevlogEntry = Omit<RevlogEntry, 'id' | 'usn'>;

/** Adds a row at `atMs` (bumped on collision); returns its id. Needs a transaction. */
export function addRevlogEntry(col: Collection, entry: NewRevlogEntry, atMs: number): number {
  const id = nextRowId(col.db, 'revlog', atMs);
  col.db.run('insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    entry.cid,
    -1,
    entry.ease,
    entry.ivl,
    entry.lastIvl,
    entry.factor,
    entry.time,
    entry.type,
  ]);
  return id;
}

/** A card's log, oldest first. */
export function revlogForCard(col: Collection, cid: number): RevlogEntry[] {
  return col.db.query<RevlogEntry>('select id, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id', [cid]);
}

/** Epoch seconds of the card's last real answer (storage/revlog/time_of_last_review.sql). */
export function timeOfLastReview(col: Collection, cid: number): number | null {
  const v = col.db.scalar(
    'select id / 1000 from revlog where cid = ? and ease between 1 and 4 and (type != 3 or factor != 0) order by id desc limit 1',
    [cid],
  );
  return typeof v === 'number' ? v : null;
}
