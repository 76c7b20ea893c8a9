/** A card's review log as AnkiConnect's areDue and getIntervals read it. */
import type { Collection } from '../collection.ts';

/** Every `revlog.ivl` of the card, in log order (days, or negative seconds). */
export function revlogIntervals(col: Collection, cid: number | string): number[] {
  return col.db.column<number>('select ivl from revlog where cid = ? order by id', [cid]);
}

/** The last log row's time (epoch seconds, fractional) and interval, if the card has any. */
export function lastReview(col: Collection, cid: number | string): { secs: number; ivl: number } | undefined {
  return col.db.get<{ secs: number; ivl: number }>('select id / 1000.0 as secs, ivl from revlog where cid = ? order by id desc limit 1', [cid]);
}
