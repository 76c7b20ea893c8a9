/**
 * The scheduler's states as pure values: for each starting state and each
 * button, the next state with the default preset (steps 1m 10m, relearn
 * 10m, graduating 1d / 4d, ease 2.5, hard 1.2, easy bonus 1.3) and no fuzz,
 * so every value is the formula's (anki-formats.md §6).
 */
import { describe, expect, it } from 'vitest';
import { schedConfig } from '../../../../extension/collection/scheduler/config.ts';
import { stateContext, type StateContext } from '../../../../extension/collection/scheduler/context.ts';
import { f32 } from '../../../../extension/collection/scheduler/f32.ts';
import { constrainedFuzzBounds } from '../../../../extension/collection/scheduler/fuzz.ts';
import { nextStates } from '../../../../extension/collection/scheduler/states/next-states.ts';
import { leechThresholdMet } from '../../../../extension/collection/scheduler/states/review.ts';
import * as steps from '../../../../extension/collection/scheduler/states/steps.ts';
import type { CardState, LearnState, RelearnState, ReviewState } from '../../../../extension/collection/scheduler/states/types.ts';
import { newDeckConfigJson } from '../../../../extension/collection/decks/defaults.ts';
import type { DeckConfigJson } from '../../../../extension/collection/decks/types.ts';

function ctxWith(edit: (c: DeckConfigJson) => void = () => {}, fuzzFactor: number | null = null): StateContext {
  const preset = newDeckConfigJson(1, 'Default', 0, 0);
  edit(preset);
  return stateContext(schedConfig(preset), { fuzzFactor });
}

const learning = (remainingSteps: number, scheduledSecs = 60): LearnState => ({
  kind: 'learning',
  remainingSteps,
  scheduledSecs,
  elapsedSecs: 0,
  memory: null,
});

const review = (scheduledDays: number, elapsedDays = scheduledDays, easeFactor = 2.5, lapses = 0): ReviewState => ({
  kind: 'review',
  scheduledDays,
  elapsedDays,
  easeFactor: f32(easeFactor),
  lapses,
  leeched: false,
  memory: null,
});

/** A compact view of a state: learning as [remaining, secs], review as [days, ease×1000, lapses]. */
function brief(state: CardState): unknown {
  switch (state.kind) {
    case 'learning':
      return ['learn', state.remainingSteps, state.scheduledSecs];
    case 'review':
      return ['review', state.scheduledDays, Math.round(state.easeFactor * 1000), state.lapses, ...(state.leeched ? ['leech'] : [])];
    case 'relearning':
      return ['relearn', state.learning.remainingSteps, state.learning.scheduledSecs, brief(state.review)];
    default:
      return [state.kind];
  }
}

function buttons(state: CardState, ctx: StateContext): unknown[] {
  const s = nextStates(state, ctx);
  return [brief(s.again), brief(s.hard), brief(s.good), brief(s.easy)];
}

describe('learning steps', () => {
  it.each([
    ['new card', { kind: 'new', position: 5 } as CardState],
    ['first step', learning(2)],
  ])('%s: Again 1m, Hard halfway to 10m, Good 10m, Easy graduates at 4 days', (_name, state) => {
    expect(buttons(state, ctxWith())).toEqual([
      ['learn', 2, 60],
      ['learn', 2, 330],
      ['learn', 1, 600],
      ['review', 4, 2500, 0],
    ]);
  });

  it('last step: Hard repeats it, Good graduates at 1 day', () => {
    expect(buttons(learning(1, 600), ctxWith())).toEqual([
      ['learn', 2, 60],
      ['learn', 1, 600],
      ['review', 1, 2500, 0],
      ['review', 4, 2500, 0],
    ]);
  });

  it('counts only the last three digits of left (v2 packed "today" above them); Hard keeps it as it is', () => {
    const packed = buttons(learning(2001, 600), ctxWith());
    const plain = buttons(learning(1, 600), ctxWith());
    expect([packed[0], packed[2], packed[3]]).toEqual([plain[0], plain[2], plain[3]]);
    expect(packed[1]).toEqual(['learn', 2001, 600]);
  });

  it('uses the preset: steps 5m 20m 60m, graduating 3 days, easy 7, start ease 2.3', () => {
    const ctx = ctxWith((c) => {
      c.new.delays = [5, 20, 60];
      c.new.ints = [3, 7, 0];
      c.new.initialFactor = 2300;
    });
    expect(buttons(learning(2, 1200), ctx)).toEqual([
      ['learn', 3, 300],
      ['learn', 2, 1200],
      ['learn', 1, 3600],
      ['review', 7, 2300, 0],
    ]);
    expect(buttons(learning(1, 3600), ctx)[2]).toEqual(['review', 3, 2300, 0]);
  });

  it('without steps, Again, Hard and Good graduate at once', () => {
    const ctx = ctxWith((c) => (c.new.delays = []));
    expect(buttons({ kind: 'new', position: 1 }, ctx)).toEqual([
      ['review', 1, 2500, 0],
      ['review', 1, 2500, 0],
      ['review', 1, 2500, 0],
      ['review', 4, 2500, 0],
    ]);
  });

  it('keeps the current state as given', () => {
    const state: CardState = { kind: 'new', position: 7 };
    expect(nextStates(state, ctxWith()).current).toBe(state);
  });
});

describe('hard delay on the first step', () => {
  it.each([
    [[10], 1, 900],
    [[3 * 1440], 1, 4 * 86_400],
    [[1, 10], 2, 330],
    [[1, 10], 1, 600],
    [[1, 10, 100], 3, 330],
    [[1, 10, 100], 2, 600],
    [[1, 10, 100], 1, 6000],
    // over a day: rounded to whole days (1000m + 3000m = 2000m ≈ 1.39 days → 1 day)
    [[1000, 3000], 2, 86_400],
  ])('steps %j, %i left: hard %i s', (delays, remaining, hard) => {
    expect(steps.hardDelaySecs(delays.map(f32), remaining)).toBe(hard);
  });

  it('rounds a delay over a day to whole days, and leaves one under a day alone', () => {
    expect(steps.maybeRoundInDays(86_399)).toBe(86_399);
    expect(steps.maybeRoundInDays(1.5 * 86_400)).toBe(2 * 86_400);
  });
});

describe('review answers, on time', () => {
  // ease 2.5, interval 10: Hard 10×1.2 = 12, Good 10×2.5 = 25, Easy 10×2.5×1.3 = 32.5 → 33
  it('interval 10, ease 2.5', () => {
    expect(buttons(review(10), ctxWith())).toEqual([
      ['relearn', 1, 600, ['review', 1, 2300, 1]],
      ['review', 12, 2350, 0],
      ['review', 25, 2500, 0],
      ['review', 33, 2650, 0],
    ]);
  });

  it.each([
    // [ivl, ease, hard, good, easy]
    [1, 2.5, 2, 3, 4],
    [3, 2.5, 4, 8, 10],
    [100, 2.5, 120, 250, 325],
    [10, 1.3, 12, 13, 17],
    [20, 2.1, 24, 42, 55],
    // f32: 18 × 2.5 × 1.3 is 58.499996, not 58.5, so Easy is 58 (59 in double precision)
    [18, 2.5, 22, 45, 58],
  ])('interval %i, ease %f: hard %i, good %i, easy %i', (ivl, ease, hard, good, easy) => {
    const s = nextStates(review(ivl, ivl, ease), ctxWith());
    expect([s.hard, s.good, s.easy].map((x) => (x as ReviewState).scheduledDays)).toEqual([hard, good, easy]);
  });

  it('hard never lowers the ease below 1.3; easy raises it past any bound', () => {
    const s = nextStates(review(10, 10, 1.3), ctxWith());
    expect((s.hard as ReviewState).easeFactor).toBe(f32(1.3));
    expect(Math.round((s.easy as ReviewState).easeFactor * 1000)).toBe(1450);
    expect(Math.round(((s.again as RelearnState).review).easeFactor * 1000)).toBe(1300);
  });
});

describe('review answers, late', () => {
  it('Good adds half the lateness, Easy all of it; Hard ignores it', () => {
    // interval 10, answered 4 days late: Good (10 + 2) × 2.5 = 30, Easy (10 + 4) × 2.5 × 1.3 = 45.5 → 46
    expect(buttons(review(10, 14), ctxWith()).slice(1)).toEqual([
      ['review', 12, 2350, 0],
      ['review', 30, 2500, 0],
      ['review', 46, 2650, 0],
    ]);
  });
});

describe('review answers, early (filtered decks)', () => {
  it('uses the early formulas when fewer days passed than scheduled', () => {
    // scheduled 10, elapsed 4: hard max(4×1.2, 10×0.6) = 6, good max(4×2.5, 10) = 10,
    // easy 10 × (1.3 − 0.3/2) = 11.5 → 12
    const s = nextStates(review(10, 4), ctxWith());
    expect((s.hard as ReviewState).scheduledDays).toBe(6);
    expect((s.good as ReviewState).scheduledDays).toBe(10);
    expect((s.easy as ReviewState).scheduledDays).toBe(12);
  });
});

describe('review settings', () => {
  it('hard multiplier ≤ 1 drops the "hard ≥ interval + 1" rule', () => {
    const s = nextStates(review(10), ctxWith((c) => (c.rev.hardFactor = 1)));
    expect((s.hard as ReviewState).scheduledDays).toBe(10);
    expect((s.good as ReviewState).scheduledDays).toBe(25);
  });

  it('interval modifier scales every passing interval, keeping each above the one before', () => {
    const s = nextStates(review(10), ctxWith((c) => (c.rev.ivlFct = 0.5)));
    expect([s.hard, s.good, s.easy].map((x) => (x as ReviewState).scheduledDays)).toEqual([11, 13, 16]);
  });

  it('maximum interval caps every interval', () => {
    const s = nextStates(review(100), ctxWith((c) => (c.rev.maxIvl = 180)));
    expect([s.hard, s.good, s.easy].map((x) => (x as ReviewState).scheduledDays)).toEqual([120, 180, 180]);
  });

  it('lapse multiplier and minimum interval set the interval after Again', () => {
    const ctx = ctxWith((c) => {
      c.lapse.mult = 0.5;
      c.lapse.minInt = 3;
    });
    expect(brief(nextStates(review(20), ctx).again)).toEqual(['relearn', 1, 600, ['review', 10, 2300, 1]]);
    expect(brief(nextStates(review(4), ctx).again)).toEqual(['relearn', 1, 600, ['review', 3, 2300, 1]]);
  });

  it('without relearning steps Again stays in review', () => {
    const ctx = ctxWith((c) => (c.lapse.delays = []));
    expect(brief(nextStates(review(10), ctx).again)).toEqual(['review', 1, 2300, 1]);
  });

  it('easy bonus is the preset ease4', () => {
    const s = nextStates(review(10), ctxWith((c) => (c.rev.ease4 = 2)));
    expect((s.easy as ReviewState).scheduledDays).toBe(50);
  });
});

describe('relearning', () => {
  const relearn = (remaining: number, secs: number): RelearnState => ({
    kind: 'relearning',
    learning: learning(remaining, secs),
    review: review(1, 1, 2.3, 1),
  });

  it('one step: Again restarts, Hard 1.5×, Good back to review, Easy interval + 1', () => {
    expect(buttons(relearn(1, 600), ctxWith())).toEqual([
      ['relearn', 1, 600, ['review', 1, 2300, 1]],
      ['relearn', 1, 900, ['review', 1, 2300, 1]],
      ['review', 1, 2300, 1],
      ['review', 2, 2300, 1],
    ]);
  });

  it('two steps: Good moves to the next step', () => {
    const ctx = ctxWith((c) => (c.lapse.delays = [10, 60]));
    expect(buttons(relearn(2, 600), ctx)).toEqual([
      ['relearn', 2, 600, ['review', 1, 2300, 1]],
      ['relearn', 2, 2100, ['review', 1, 2300, 1]],
      ['relearn', 1, 3600, ['review', 1, 2300, 1]],
      ['review', 2, 2300, 1],
    ]);
  });

  it('Again again does not count another lapse', () => {
    const again = nextStates(relearn(1, 600), ctxWith()).again as RelearnState;
    expect(again.review.lapses).toBe(1);
  });
});

describe('leeches', () => {
  it.each([
    [8, 8, true],
    [7, 8, false],
    [9, 8, false],
    [12, 8, true],
    [16, 8, true],
    [3, 3, true],
    [5, 3, true],
    [4, 3, false],
    [5, 0, false],
  ])('%i lapses, threshold %i: %s', (lapses, threshold, leech) => {
    expect(leechThresholdMet(lapses, threshold)).toBe(leech);
  });

  it('Again on a review marks the state leeched at the threshold', () => {
    const s = nextStates(review(10, 10, 2.5, 7), ctxWith());
    expect((s.again as RelearnState).review.leeched).toBe(true);
    expect(nextStates(review(10, 10, 2.5, 6), ctxWith()).again.kind === 'relearning').toBe(true);
    expect(((nextStates(review(10, 10, 2.5, 6), ctxWith()).again as RelearnState).review.leeched)).toBe(false);
  });
});

describe('fuzz in the states', () => {
  it.each([0, 0.5, 0.999])('fuzz factor %f keeps each interval in its range and above the one before', (factor) => {
    const s = nextStates(review(10), ctxWith(() => {}, factor));
    const hard = (s.hard as ReviewState).scheduledDays;
    const good = (s.good as ReviewState).scheduledDays;
    const easy = (s.easy as ReviewState).scheduledDays;
    expect(hard).toBeGreaterThanOrEqual(constrainedFuzzBounds(12, 11, 36500)[0]);
    expect(hard).toBeLessThanOrEqual(constrainedFuzzBounds(12, 11, 36500)[1]);
    const [gl, gh] = constrainedFuzzBounds(25, hard + 1, 36500);
    expect(good).toBeGreaterThanOrEqual(gl);
    expect(good).toBeLessThanOrEqual(gh);
    const [el, eh] = constrainedFuzzBounds(f32(32.5), good + 1, 36500);
    expect(easy).toBeGreaterThanOrEqual(el);
    expect(easy).toBeLessThanOrEqual(eh);
  });

  it('factor 0 gives the bottom of the range and 0.999 the top', () => {
    expect((nextStates(review(10), ctxWith(() => {}, 0)).good as ReviewState).scheduledDays).toBe(constrainedFuzzBounds(25, 13, 36500)[0]);
    expect((nextStates(review(10), ctxWith(() => {}, 0.999)).good as ReviewState).scheduledDays).toBe(constrainedFuzzBounds(25, 13, 36500)[1]);
  });

  it('graduating Easy (4 days) is fuzzed within 3–5', () => {
    const days = [0, 0.4, 0.999].map((f) => (nextStates(learning(1, 600), ctxWith(() => {}, f)).easy as ReviewState).scheduledDays);
    expect(days).toEqual([3, 4, 5]);
  });
});

describe('filtered decks', () => {
  it('a preview deck shows the card again after its delays, Easy returns it', () => {
    const ctx = { ...ctxWith(), inFilteredDeck: true, previewDelays: { again: 60, hard: 600, good: 0 } };
    const s = nextStates({ kind: 'preview', scheduledSecs: 60, finished: false }, ctx);
    expect([s.again, s.hard, s.good, s.easy]).toEqual([
      { kind: 'preview', scheduledSecs: 60, finished: false },
      { kind: 'preview', scheduledSecs: 600, finished: false },
      { kind: 'preview', scheduledSecs: 0, finished: true },
      { kind: 'preview', scheduledSecs: 0, finished: true },
    ]);
  });

  it('a rescheduling deck keeps non-review results wrapped, and releases reviews', () => {
    const ctx = { ...ctxWith(), inFilteredDeck: true };
    const s = nextStates({ kind: 'rescheduling', original: learning(1, 600) }, ctx);
    expect(s.again).toEqual({ kind: 'rescheduling', original: { ...learning(2, 60) } });
    expect(s.good.kind).toBe('review');
    const outside = nextStates({ kind: 'rescheduling', original: learning(1, 600) }, ctxWith());
    expect(outside.again.kind).toBe('learning');
  });
});
