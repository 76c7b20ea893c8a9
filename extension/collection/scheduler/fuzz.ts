/**
 * Interval fuzz (scheduler/states/fuzz.rs): review intervals of 2.5 days
 * and more are spread over a range around them, so cards learnt together
 * drift apart. The fuzz factor (a number in [0, 1)) picks the day in the
 * range; Anki draws it from a ChaCha RNG seeded with card id + reps, we
 * from a small seeded PRNG of the same two numbers: the same answer
 * replayed gives the same interval, and tests inject the factor directly.
 */
import { asU32, f32, roundHalfAway } from './f32.ts';

interface FuzzRange {
  start: number;
  end: number;
  factor: number;
}

const FUZZ_RANGES: readonly FuzzRange[] = [
  { start: 2.5, end: 7.0, factor: f32(0.15) },
  { start: 7.0, end: 20.0, factor: f32(0.1) },
  { start: 20.0, end: 3.4028234663852886e38, factor: f32(0.05) },
];

/** Days of fuzz each way: 0 below 2.5 days, else 1 + 15% of days 2.5–7, 10% of 7–20, 5% beyond. */
export function fuzzDelta(interval: number): number {
  const ivl = f32(interval);
  if (ivl < 2.5) return 0;
  let delta = f32(1);
  for (const r of FUZZ_RANGES) delta = f32(delta + f32(r.factor * Math.max(0, f32(Math.min(ivl, r.end) - r.start))));
  return delta;
}

/** `[round(ivl − Δ), round(ivl + Δ)]`. */
export function fuzzBounds(interval: number): [number, number] {
  const ivl = f32(interval);
  const delta = fuzzDelta(ivl);
  return [asU32(roundHalfAway(f32(ivl - delta))), asU32(roundHalfAway(f32(ivl + delta)))];
}

/** The fuzz range kept within [minimum, maximum], at least two days wide where that is allowed. */
export function constrainedFuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
  const min = Math.min(minimum, maximum);
  const ivl = Math.min(Math.max(f32(interval), min), maximum);
  let [lower, upper] = fuzzBounds(ivl);
  lower = Math.min(Math.max(lower, min), maximum);
  upper = Math.min(Math.max(upper, min), maximum);
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
  return [lower, upper];
}

/** The interval for `fuzzFactor` (null: no fuzz, just rounded and clamped). */
export function withReviewFuzz(fuzzFactor: number | null, interval: number, minimum: number, maximum: number): number {
  if (fuzzFactor === null) return Math.min(Math.max(asU32(roundHalfAway(f32(interval))), minimum), maximum);
  const [lower, upper] = constrainedFuzzBounds(interval, minimum, maximum);
  return asU32(Math.floor(f32(lower + f32(f32(fuzzFactor) * (1 + upper - lower)))));
}

/** FSRS: the least interval a passing answer may get, from the interval the card had. */
export function minimumReviewFuzzInterval(interval: number, previous: number, maximum: number): number {
  const rounded = asU32(roundHalfAway(f32(interval)));
  const [, upper] = constrainedFuzzBounds(interval, 1, maximum);
  if (rounded > previous) return previous + 1;
  if (previous <= upper) return previous;
  return 0;
}

/** A learning delay plus up to 25% (at most 5 minutes), picked by `fuzzFactor`. */
export function learningDelayWithFuzz(fuzzFactor: number | null, secs: number): number {
  if (fuzzFactor === null) return secs;
  const extra = Math.floor(Math.min(f32(secs * 0.25), 300));
  return extra <= 0 ? secs : secs + Math.floor(fuzzFactor * extra);
}

const MASK64 = (1n << 64n) - 1n;

/** splitmix64: a well-mixed 64-bit value from a seed. */
function splitmix64(seed: bigint): bigint {
  let z = (seed + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** The fuzz factor in [0, 1) for a card at `reps` reviews (Anki seeds with id + reps too). */
export function fuzzFactorFor(cardId: number, reps: number): number {
  const seed = (BigInt(Math.trunc(cardId)) + BigInt(Math.trunc(reps))) & MASK64;
  return Number(splitmix64(seed) >> 40n) / 2 ** 24;
}
