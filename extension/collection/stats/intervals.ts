/**
 * Distributions over review cards (queue 2) for the statistics report:
 * their intervals in days, and their ease (`factor / 10`, in percent; cards
 * with no ease, factor 0, are left out). Values are grouped into at most a
 * few dozen equal buckets whose width is a round number.
 */
import type { Collection } from '../collection.ts';
import { cardFilter, type StatsScope } from './scope.ts';

/** Cards whose value lies in [from, to] (both inclusive). */
export interface Bucket {
  from: number;
  to: number;
  count: number;
}

export interface Distribution {
  buckets: Bucket[];
  /** Cards counted. */
  count: number;
  /** Mean, lowest and highest value (0 when there are no cards). */
  average: number;
  min: number;
  max: number;
}

const INTERVAL_WIDTHS = [1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365, 730, 1825, 3650];
const EASE_WIDTHS = [5, 10, 20, 25, 50, 100, 250, 500, 1000];
const MAX_BUCKETS = 30;

/** Groups `[value, count]` pairs into buckets of a width from `widths` (or wider), aligned to multiples of it. */
export function bucketize(
  pairs: readonly (readonly [number, number])[],
  widths: readonly number[],
  maxBuckets = MAX_BUCKETS,
): Distribution {
  if (!pairs.length) return { buckets: [], count: 0, average: 0, min: 0, max: 0 };
  const min = pairs.reduce((m, [v]) => Math.min(m, v), Infinity);
  const max = pairs.reduce((m, [v]) => Math.max(m, v), -Infinity);
  const fits = (w: number) => Math.floor(max / w) - Math.floor(min / w) + 1 <= maxBuckets;
  let width = widths.find(fits) ?? widths[widths.length - 1]!;
  while (!fits(width)) width *= 2;
  const first = Math.floor(min / width);
  const buckets: Bucket[] = [];
  for (let k = first; k <= Math.floor(max / width); k++) {
    buckets.push({ from: Math.max(k * width, min), to: Math.min((k + 1) * width - 1, max), count: 0 });
  }
  let count = 0;
  let sum = 0;
  for (const [value, n] of pairs) {
    buckets[Math.floor(value / width) - first]!.count += n;
    count += n;
    sum += value * n;
  }
  return { buckets, count, average: sum / count, min, max };
}

/** Intervals (days) of review cards in scope. */
export function intervalDistribution(col: Collection, scope: StatsScope): Distribution {
  const filter = cardFilter(scope);
  const sql = `select ivl, count() from cards where queue = 2 and ${filter.sql} group by ivl`;
  const pairs = col.db.rows(sql, filter.args) as [number, number][];
  return bucketize(pairs, INTERVAL_WIDTHS);
}

/** Ease (whole percent) of review cards in scope that have one. */
export function easeDistribution(col: Collection, scope: StatsScope): Distribution {
  const filter = cardFilter(scope);
  const pairs = col.db.rows(
    `select factor / 10, count() from cards where queue = 2 and factor > 0 and ${filter.sql} group by 1`,
    filter.args,
  ) as [number, number][];
  return bucketize(pairs, EASE_WIDTHS);
}
