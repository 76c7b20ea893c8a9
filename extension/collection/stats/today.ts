/**
 * Today's studies for the statistics report: answers logged since the last
 * rollover, their time, how many were Again, the split by review kind, and
 * how mature cards fared (Anki's legacy "Today" section). Manual and
 * rescheduling entries (revlog types 4 and 5) are not studies.
 */
import type { Collection } from '../collection.ts';
import { revlogFilter, type StatsScope } from './scope.ts';

export interface TodayStats {
  /** Answers given today. */
  answers: number;
  /** Time spent answering, in seconds. */
  seconds: number;
  /** Answers that were Again (button 1). */
  again: number;
  learn: number;
  review: number;
  relearn: number;
  filtered: number;
  /** Answers on cards whose previous interval was ≥ 21 days, and how many of those were not Again. */
  matureAnswers: number;
  matureCorrect: number;
}

interface TodayRow {
  answers: number;
  ms: number | null;
  again: number | null;
  learn: number | null;
  review: number | null;
  relearn: number | null;
  filtered: number | null;
  mature: number | null;
  matureCorrect: number | null;
}

const TODAY_SQL = `select count() as answers, sum(time) as ms,
  sum(ease = 1) as again,
  sum(type = 0) as learn, sum(type = 1) as review, sum(type = 2) as relearn, sum(type = 3) as filtered,
  sum(lastIvl >= 21) as mature, sum(lastIvl >= 21 and ease != 1) as matureCorrect
from revlog where id > ? and type not in (4, 5) and `;

/** Today's studies in `scope`; `sinceMs` is the epoch ms of the last rollover. */
export function todayStats(col: Collection, scope: StatsScope, sinceMs: number): TodayStats {
  const filter = revlogFilter(scope);
  const row = col.db.get<TodayRow>(TODAY_SQL + filter.sql, [sinceMs, ...filter.args]);
  return {
    answers: row?.answers ?? 0,
    seconds: (row?.ms ?? 0) / 1000,
    again: row?.again ?? 0,
    learn: row?.learn ?? 0,
    review: row?.review ?? 0,
    relearn: row?.relearn ?? 0,
    filtered: row?.filtered ?? 0,
    matureAnswers: row?.mature ?? 0,
    matureCorrect: row?.matureCorrect ?? 0,
  };
}

/** Share of answers that were not Again, in percent (0 when nothing was answered). */
export function correctPercent(stats: TodayStats): number {
  return stats.answers ? ((stats.answers - stats.again) / stats.answers) * 100 : 0;
}
