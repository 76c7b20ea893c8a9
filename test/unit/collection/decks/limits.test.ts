/** A deck's remaining daily limits (decks/limits.rs). */
import { describe, expect, it } from 'vitest';
import { defaultDeckConfigJson, newDeckJson } from '../../../../extension/collection/decks/defaults.ts';
import { capTo, remainingLimits, studiedToday, UNLIMITED } from '../../../../extension/collection/decks/limits.ts';

const DAY = 50;
const deck = (extra: Record<string, unknown> = {}) => ({ ...newDeckJson(5, 'D', 0, 0), ...extra });
const preset = (neu: number, rev: number) => {
  const c = defaultDeckConfigJson();
  c.new.perDay = neu;
  c.rev.perDay = rev;
  return c;
};

describe('studiedToday', () => {
  it('reads today’s counts only when the latest study day is today', () => {
    expect(studiedToday(deck({ newToday: [DAY, 3], revToday: [DAY, 4] }), DAY)).toEqual({ new: 3, review: 4 });
    expect(studiedToday(deck({ newToday: [DAY - 1, 3], revToday: [DAY, 4] }), DAY)).toEqual({ new: 0, review: 4 });
    expect(studiedToday(deck({ newToday: [DAY - 1, 3], revToday: [DAY - 1, 4] }), DAY)).toEqual({ new: 0, review: 0 });
    // a later day elsewhere (the clock went back) means nothing counts today
    expect(studiedToday(deck({ newToday: [DAY, 3], timeToday: [DAY + 1, 0] }), DAY)).toEqual({ new: 0, review: 0 });
  });
});

describe('remainingLimits', () => {
  it('subtracts today’s study, new cards counting against reviews too', () => {
    const d = deck({ newToday: [DAY, 5], revToday: [DAY, 30] });
    expect(remainingLimits(d, preset(20, 200), DAY, false)).toEqual({ review: 165, new: 15, capNewToReview: true });
    expect(remainingLimits(d, preset(20, 200), DAY, true)).toEqual({ review: 170, new: 15, capNewToReview: false });
  });

  it('caps new cards to the reviews left and never goes below zero', () => {
    const d = deck({ newToday: [DAY, 2], revToday: [DAY, 9] });
    expect(remainingLimits(d, preset(20, 10), DAY, false)).toEqual({ review: 0, new: 0, capNewToReview: true });
    expect(remainingLimits(deck(), preset(20, 10), DAY, false)).toEqual({ review: 10, new: 10, capNewToReview: true });
  });

  it('prefers today’s deck limit, then the deck limit, then the preset', () => {
    expect(remainingLimits(deck({ newLimit: 3, reviewLimit: 4 }), preset(20, 200), DAY, true)).toMatchObject({ new: 3, review: 4 });
    const today = deck({ newLimit: 3, newLimitToday: { limit: 8, today: DAY }, reviewLimitToday: { limit: 9, today: DAY - 1 } });
    expect(remainingLimits(today, preset(20, 200), DAY, true)).toMatchObject({ new: 8, review: 200 });
  });

  it('falls back to Anki’s defaults for per-day values out of range', () => {
    expect(remainingLimits(deck(), preset(10_000, -1), DAY, true)).toMatchObject({ new: 20, review: 200 });
  });

  it('leaves filtered decks and decks without a preset unlimited', () => {
    expect(remainingLimits(deck({ dyn: 1 }), preset(1, 1), DAY, false)).toEqual(UNLIMITED);
    expect(remainingLimits(deck(), undefined, DAY, false)).toEqual(UNLIMITED);
  });
});

describe('capTo', () => {
  it('takes the smaller of each limit', () => {
    expect(capTo({ review: 5, new: 9, capNewToReview: true }, { review: 7, new: 2, capNewToReview: false })).toEqual({
      review: 5,
      new: 2,
      capNewToReview: true,
    });
  });
});
