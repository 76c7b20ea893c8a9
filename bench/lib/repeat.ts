/** Repeating a measurement until enough samples or a time budget is spent. */
import { msSince } from './stats.ts';

export interface RepeatOptions {
  /** Samples taken at least (unless `max` is lower). */
  min: number;
  /** Samples taken at most. */
  max: number;
  /** After `min` samples, stop once the samples add up to this many ms. */
  budgetMs: number;
}

/** Times `fn` (sync or async) repeatedly; returns the samples in ms. */
export async function repeatTimed(fn: () => unknown, o: RepeatOptions): Promise<number[]> {
  const samples: number[] = [];
  let total = 0;
  while (samples.length < o.max && (samples.length < o.min || total < o.budgetMs)) {
    const start = process.hrtime.bigint();
    await fn();
    const ms = msSince(start);
    samples.push(ms);
    total += ms;
  }
  return samples;
}
