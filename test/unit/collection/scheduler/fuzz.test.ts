/**
 * Interval fuzz: the ranges of fuzz.rs (Δ = 1 + 15% of days 2.5–7 + 10% of
 * 7–20 + 5% beyond, within the bounds), the pick by fuzz factor, the
 * learning-delay fuzz, and the seeded factor for a card.
 */
import { describe, expect, it } from 'vitest';
import {
  constrainedFuzzBounds,
  fuzzDelta,
  fuzzFactorFor,
  learningDelayWithFuzz,
  minimumReviewFuzzInterval,
  withReviewFuzz,
} from '../../../../extension/collection/scheduler/fuzz.ts';

describe('withReviewFuzz', () => {
  it('without a factor rounds and clamps', () => {
    expect(withReviewFuzz(null, 1.5, 1, 100)).toBe(2);
    expect(withReviewFuzz(null, 0.1, 1, 100)).toBe(1);
    expect(withReviewFuzz(null, 101, 1, 100)).toBe(100);
  });

  // [interval, minimum, maximum, at factor 0, at 0.5, at 0.99]
  it.each([
    [1.0, 1, 1000, 1, 1, 1],
    [2.49, 1, 1000, 2, 2, 2],
    [2.5, 1, 1000, 2, 3, 4],
    [7.0, 1, 1000, 5, 7, 9],
    [17.0, 1, 1000, 14, 17, 20],
    [37.0, 1, 1000, 33, 37, 41],
    [2.0, 2, 1000, 2, 2, 2],
    [2.0, 3, 1000, 3, 4, 4],
    [2.0, 3, 3, 3, 3, 3],
    [6.9, 3, 1000, 5, 7, 9],
    [7.1, 3, 1000, 5, 7, 9],
    [19.9, 3, 1000, 17, 20, 23],
    [20.0, 3, 1000, 17, 20, 23],
    [20.1, 3, 1000, 17, 20, 23],
    [100.0, 101, 1000, 101, 105, 108],
    [100.0, 1, 99, 92, 96, 99],
    [100.0, 97, 103, 97, 100, 103],
  ])('interval %f in [%i, %i]: %i / %i / %i', (ivl, min, max, lo, mid, hi) => {
    expect([withReviewFuzz(0, ivl, min, max), withReviewFuzz(0.5, ivl, min, max), withReviewFuzz(0.99, ivl, min, max)]).toEqual([lo, mid, hi]);
  });

  it('Δ grows by range', () => {
    expect(fuzzDelta(2.4)).toBe(0);
    expect(fuzzDelta(2.5)).toBe(1);
    expect(fuzzDelta(7)).toBeCloseTo(1 + 0.15 * 4.5, 5);
    expect(fuzzDelta(20)).toBeCloseTo(1 + 0.15 * 4.5 + 0.1 * 13, 5);
    expect(fuzzDelta(100)).toBeCloseTo(1 + 0.15 * 4.5 + 0.1 * 13 + 0.05 * 80, 4);
  });

  it('does not fail on a minimum above the maximum', () => {
    expect(constrainedFuzzBounds(1, 3, 2)).toEqual([2, 2]);
  });
});

describe('minimumReviewFuzzInterval (FSRS)', () => {
  it('keeps the previous interval only while it is inside the range', () => {
    expect(minimumReviewFuzzInterval(2.7269483, 4, 36500)).toBe(4);
    expect(minimumReviewFuzzInterval(2.7269483, 5, 36500)).toBe(0);
    expect(minimumReviewFuzzInterval(4.591988, 4, 36500)).toBe(5);
  });
});

describe('learning delay fuzz', () => {
  it('adds up to 25%, at most 5 minutes', () => {
    expect(learningDelayWithFuzz(null, 600)).toBe(600);
    expect(learningDelayWithFuzz(0, 600)).toBe(600);
    expect(learningDelayWithFuzz(0.999, 600)).toBe(749);
    expect(learningDelayWithFuzz(0.999, 86_400)).toBe(86_699);
    expect(learningDelayWithFuzz(0.5, 3)).toBe(3);
  });
});

describe('fuzzFactorFor', () => {
  it('is in [0, 1), the same for the same card and reps, different otherwise', () => {
    const a = fuzzFactorFor(1_700_000_000_000, 3);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(fuzzFactorFor(1_700_000_000_000, 3)).toBe(a);
    expect(fuzzFactorFor(1_700_000_000_000, 4)).not.toBe(a);
    const spread = Array.from({ length: 200 }, (_, i) => fuzzFactorFor(1_700_000_000_000 + i, 0));
    expect(Math.min(...spread)).toBeLessThan(0.1);
    expect(Math.max(...spread)).toBeGreaterThan(0.9);
  });
});
