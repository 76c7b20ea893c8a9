/**
 * A card in review (scheduler/states/review.rs). Passing answers multiply
 * the interval (Hard by the hard multiplier, Good by the ease with half the
 * lateness, Easy by ease × easy bonus with all of it), each at least a day
 * more than the one before, then apply the interval modifier, fuzz and the
 * maximum; Hard lowers the ease by 0.15, Easy raises it by 0.15. Again
 * counts a lapse, lowers the ease by 0.2 (not below 1.3), shrinks the
 * interval by the lapse multiplier and enters relearning (or stays in
 * review without relearning steps). Reviews before the due date (filtered
 * decks) use the early-review formulas. Under FSRS the intervals are FSRS's.
 */
import { asU32, f32, roundHalfAway } from '../f32.ts';
import { fsrsShortTerm, minMaxReviewIntervals, type StateContext } from '../context.ts';
import type { FsrsNextStates } from '../fsrs.ts';
import { minimumReviewFuzzInterval, withReviewFuzz } from '../fuzz.ts';
import * as steps from './steps.ts';
import { daysLate, type CardState, type MemoryState, type RelearnState, type ReviewState, type SchedulingStates } from './types.ts';

export const INITIAL_EASE_FACTOR = f32(2.5);
export const MINIMUM_EASE_FACTOR = f32(1.3);
const AGAIN_DELTA = f32(-0.2);
const HARD_DELTA = f32(-0.15);
const EASY_DELTA = f32(0.15);

/** True at the leech threshold and every half threshold (rounded up) after it. */
export function leechThresholdMet(lapses: number, threshold: number): boolean {
  if (threshold <= 0) return false;
  const half = Math.max(Math.ceil(threshold / 2), 1);
  return lapses >= threshold && (lapses - threshold) % half === 0;
}

/** Interval modifier (SM-2 only), fuzz, and the [minimum, maximum] bounds. */
function constrainPassing(ctx: StateContext, interval: number, minimum: number, fuzz: boolean): number {
  const ivl = ctx.fsrs ? f32(interval) : f32(f32(interval) * ctx.intervalMultiplier);
  const [min, max] = minMaxReviewIntervals(ctx, minimum);
  if (fuzz) return withReviewFuzz(ctx.fuzzFactor, ivl, min, max);
  return Math.min(Math.max(asU32(roundHalfAway(ivl)), min), max);
}

function nonEarlyIntervals(state: ReviewState, ctx: StateContext): [number, number, number] {
  const current = f32(Math.max(state.scheduledDays, 1));
  const late = Math.max(daysLate(state), 0);
  const hardFactor = ctx.hardMultiplier;
  const hardMinimum = hardFactor <= 1 ? 0 : state.scheduledDays + 1;
  const hard = constrainPassing(ctx, f32(current * hardFactor), hardMinimum, true);
  const goodMinimum = hardFactor <= 1 ? state.scheduledDays + 1 : hard + 1;
  const good = constrainPassing(ctx, f32(f32(current + f32(late / 2)) * state.easeFactor), goodMinimum, true);
  const easyIvl = f32(f32(f32(current + late) * state.easeFactor) * ctx.easyMultiplier);
  const easy = constrainPassing(ctx, easyIvl, good + 1, true);
  return [hard, good, easy];
}

function earlyIntervals(state: ReviewState, ctx: StateContext): [number, number, number] {
  const scheduled = f32(Math.max(state.scheduledDays, 1));
  const elapsed = f32(state.elapsedDays);
  const halfUsual = f32(ctx.hardMultiplier / 2);
  const hard = constrainPassing(ctx, Math.max(f32(elapsed * ctx.hardMultiplier), f32(scheduled * halfUsual)), 0, false);
  const good = constrainPassing(ctx, Math.max(f32(elapsed * state.easeFactor), scheduled), 0, false);
  const reducedBonus = f32(ctx.easyMultiplier - f32(f32(ctx.easyMultiplier - 1) / 2));
  const easy = constrainPassing(ctx, f32(Math.max(f32(elapsed * state.easeFactor), scheduled) * reducedBonus), 0, false);
  return [hard, good, easy];
}

function fsrsIntervals(state: ReviewState, ctx: StateContext, fsrs: FsrsNextStates): [number, number, number] {
  const max = ctx.maximumReviewInterval;
  const minimumFor = (interval: number) => minimumReviewFuzzInterval(interval, state.scheduledDays, max);
  const hard = constrainPassing(ctx, fsrs.hard.interval, Math.max(minimumFor(fsrs.hard.interval), 1), true);
  const good = constrainPassing(ctx, fsrs.good.interval, Math.max(minimumFor(fsrs.good.interval), hard + 1), true);
  const easy = constrainPassing(ctx, fsrs.easy.interval, Math.max(minimumFor(fsrs.easy.interval), good + 1), true);
  return [hard, good, easy];
}

function passingIntervals(state: ReviewState, ctx: StateContext): [number, number, number] {
  if (ctx.fsrs) return fsrsIntervals(state, ctx, ctx.fsrs);
  return daysLate(state) < 0 ? earlyIntervals(state, ctx) : nonEarlyIntervals(state, ctx);
}

/** The interval after a lapse (days, f32) and FSRS's memory for Again. */
export function failingReviewInterval(state: ReviewState, ctx: StateContext): [number, MemoryState | null] {
  if (ctx.fsrs) return [ctx.fsrs.again.interval, { ...ctx.fsrs.again.memory }];
  const [minimum, maximum] = minMaxReviewIntervals(ctx, ctx.minimumLapseInterval);
  const ivl = f32(f32(Math.max(state.scheduledDays, 1)) * ctx.lapseMultiplier);
  return [withReviewFuzz(ctx.fuzzFactor, ivl, minimum, maximum), null];
}

function answerAgain(state: ReviewState, ctx: StateContext): CardState {
  const lapses = state.lapses + 1;
  const [scheduledDays, memory] = failingReviewInterval(state, ctx);
  const review: ReviewState = {
    kind: 'review',
    scheduledDays: asU32(Math.max(roundHalfAway(scheduledDays), 1)),
    elapsedDays: 0,
    easeFactor: Math.max(f32(state.easeFactor + AGAIN_DELTA), MINIMUM_EASE_FACTOR),
    lapses,
    leeched: leechThresholdMet(lapses, ctx.leechThreshold),
    memory,
  };
  const remaining = steps.remainingForFailed(ctx.relearnSteps);
  const delay = steps.againDelaySecs(ctx.relearnSteps);
  if (delay !== null) {
    return relearning(remaining, delay, memory, review);
  }
  if (fsrsShortTerm(ctx, ctx.relearnSteps, scheduledDays)) {
    return relearning(remaining, asU32(f32(scheduledDays * 86_400)), memory, review);
  }
  return review;
}

function relearning(remaining: number, secs: number, memory: MemoryState | null, review: ReviewState): RelearnState {
  return {
    kind: 'relearning',
    learning: { kind: 'learning', remainingSteps: remaining, scheduledSecs: secs, elapsedSecs: 0, memory },
    review,
  };
}

function passed(state: ReviewState, ctx: StateContext, scheduledDays: number, easeDelta: number, button: 'hard' | 'good' | 'easy'): ReviewState {
  return {
    ...state,
    scheduledDays,
    elapsedDays: 0,
    easeFactor: button === 'hard' ? Math.max(f32(state.easeFactor + easeDelta), MINIMUM_EASE_FACTOR) : f32(state.easeFactor + easeDelta),
    memory: ctx.fsrs ? { ...ctx.fsrs[button].memory } : null,
  };
}

export function reviewNextStates(state: ReviewState, ctx: StateContext): SchedulingStates {
  const [hard, good, easy] = passingIntervals(state, ctx);
  return {
    current: state,
    again: answerAgain(state, ctx),
    hard: passed(state, ctx, hard, HARD_DELTA, 'hard'),
    good: passed(state, ctx, good, 0, 'good'),
    easy: passed(state, ctx, easy, EASY_DELTA, 'easy'),
  };
}
