/**
 * Answers per day over the last days, split by kind as Anki's legacy
 * "Review Count" graph splits them: learning, young and mature reviews (by
 * the interval before the answer), relearning and filtered (cram) answers.
 * Day 0 is today: the day that ends at the next rollover; a review exactly
 * at a rollover belongs to the day before it, as in Anki's grouping.
 * Answers logged after the next rollover (a clock that was ahead) count as
 * today's.
 */
import type { Collection } from '../collection.ts';
import { MATURE_IVL } from './counts.ts';
import { revlogFilter, type StatsScope } from './scope.ts';

const DAY_MS = 86_400_000;

export interface DayReviews {
  /** 0 today, 1 yesterday, … */
  daysAgo: number;
  learn: number;
  young: number;
  mature: number;
  relearn: number;
  filtered: number;
  /** Time spent on those answers, in seconds. */
  seconds: number;
}

/** The answer kinds in stacking order (bottom first), with their labels. */
export const REVIEW_KINDS = [
  ['learn', 'Learn'],
  ['young', 'Young'],
  ['mature', 'Mature'],
  ['relearn', 'Relearn'],
  ['filtered', 'Filtered'],
] as const satisfies readonly (readonly [keyof DayReviews, string])[];

// sql.js binds numbers beyond 32 bits as doubles: the cast keeps the division an integer one.
const BY_DAY_SQL = `select max(0, (cast(? as integer) - id) / ${DAY_MS}) as daysAgo,
  sum(type = 0) as learn,
  sum(type = 1 and lastIvl < ${MATURE_IVL}) as young,
  sum(type = 1 and lastIvl >= ${MATURE_IVL}) as mature,
  sum(type = 2) as relearn,
  sum(type = 3) as filtered,
  sum(case when type in (0, 1, 2, 3) then time else 0 end) as ms
from revlog where id > ? and `;

type DayRow = Omit<DayReviews, 'seconds'> & { ms: number };

/** One entry per day, oldest first, for the `days` days ending at `nextDayAt` (epoch seconds). */
export function reviewsByDay(col: Collection, scope: StatsScope, nextDayAt: number, days = 30): DayReviews[] {
  const out: DayReviews[] = [];
  for (let ago = days - 1; ago >= 0; ago--) {
    out.push({ daysAgo: ago, learn: 0, young: 0, mature: 0, relearn: 0, filtered: 0, seconds: 0 });
  }
  const cutoffMs = nextDayAt * 1000;
  const filter = revlogFilter(scope);
  const rows = col.db.query<DayRow>(`${BY_DAY_SQL}${filter.sql} group by daysAgo`, [cutoffMs, cutoffMs - days * DAY_MS, ...filter.args]);
  for (const r of rows) {
    const day = out[days - 1 - r.daysAgo];
    if (!day) continue;
    const { learn, young, mature, relearn, filtered } = r;
    Object.assign(day, { learn, young, mature, relearn, filtered, seconds: r.ms / 1000 });
  }
  return out;
}

/** Total answers of one day. */
export function dayTotal(day: DayReviews): number {
  return day.learn + day.young + day.mature + day.relearn + day.filtered;
}
