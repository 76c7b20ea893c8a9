/**
 * A card in its learning steps (scheduler/states/learning.rs). Again goes
 * back to the first step, Hard repeats the current one, Good moves on or
 * graduates with the graduating interval, Easy graduates with the easy
 * interval. Without steps, Again/Hard/Good graduate at once. Under FSRS,
 * graduating intervals come from FSRS (and may stay sub-day without steps).
 */
import { asU32, f32, roundHalfAway } from '../f32.ts';
import { fsrsShortTerm, minMaxReviewIntervals, type StateContext } from '../context.ts';
import type { FsrsItemState } from '../fsrs.ts';
import { withReviewFuzz } from '../fuzz.ts';
import * as steps from './steps.ts';
import type { CardState, LearnState, MemoryState, ReviewState, SchedulingStates } from './types.ts';

type Button = 'again' | 'hard' | 'good' | 'easy';

export function graduatedReview(ctx: StateContext, scheduledDays: number, memory: MemoryState | null): ReviewState {
  return {
    kind: 'review',
    scheduledDays,
    elapsedDays: 0,
    easeFactor: ctx.initialEaseFactor,
    lapses: 0,
    leeched: false,
    memory,
  };
}

function memoryFor(ctx: StateContext, button: Button): MemoryState | null {
  return ctx.fsrs ? { ...ctx.fsrs[button].memory } : null;
}

/** Graduation (or an FSRS short-term step) when no learning step is left for this button. */
function leaveSteps(state: LearnState, ctx: StateContext, button: 'again' | 'hard' | 'good', remaining: number): CardState {
  const memory = memoryFor(ctx, button);
  const [minimum, maximum] = minMaxReviewIntervals(ctx, 1);
  const item: FsrsItemState | null = ctx.fsrs ? ctx.fsrs[button] : null;
  const interval = item ? item.interval : f32(ctx.graduatingIntervalGood);
  if (item && fsrsShortTerm(ctx, ctx.learnSteps, interval)) {
    return { ...state, remainingSteps: remaining, scheduledSecs: asU32(f32(interval * 86_400)), elapsedSecs: 0, memory };
  }
  const days = withReviewFuzz(ctx.fuzzFactor, Math.max(roundHalfAway(interval), 1), minimum, maximum);
  return graduatedReview(ctx, days, memory);
}

function answerAgain(state: LearnState, ctx: StateContext): CardState {
  const delay = steps.againDelaySecs(ctx.learnSteps);
  const remaining = steps.remainingForFailed(ctx.learnSteps);
  if (delay === null) return leaveSteps(state, ctx, 'again', remaining);
  return { kind: 'learning', remainingSteps: remaining, scheduledSecs: delay, elapsedSecs: 0, memory: memoryFor(ctx, 'again') };
}

function answerHard(state: LearnState, ctx: StateContext): CardState {
  const delay = steps.hardDelaySecs(ctx.learnSteps, state.remainingSteps);
  if (delay === null) return leaveSteps(state, ctx, 'hard', state.remainingSteps);
  return { ...state, scheduledSecs: delay, elapsedSecs: 0, memory: memoryFor(ctx, 'hard') };
}

function answerGood(state: LearnState, ctx: StateContext): CardState {
  const delay = steps.goodDelaySecs(ctx.learnSteps, state.remainingSteps);
  if (delay === null) return leaveSteps(state, ctx, 'good', state.remainingSteps);
  return {
    kind: 'learning',
    remainingSteps: steps.remainingForGood(ctx.learnSteps, state.remainingSteps),
    scheduledSecs: delay,
    elapsedSecs: 0,
    memory: memoryFor(ctx, 'good'),
  };
}

function answerEasy(ctx: StateContext): ReviewState {
  let [minimum, maximum] = minMaxReviewIntervals(ctx, 1);
  let interval: number = ctx.graduatingIntervalEasy;
  if (ctx.fsrs) {
    const good = withReviewFuzz(ctx.fuzzFactor, ctx.fsrs.good.interval, minimum, maximum);
    minimum = good + 1;
    interval = asU32(Math.max(roundHalfAway(ctx.fsrs.easy.interval), 1));
  }
  return graduatedReview(ctx, withReviewFuzz(ctx.fuzzFactor, interval, minimum, maximum), memoryFor(ctx, 'easy'));
}

export function learningNextStates(state: LearnState, ctx: StateContext): SchedulingStates {
  return {
    current: state,
    again: answerAgain(state, ctx),
    hard: answerHard(state, ctx),
    good: answerGood(state, ctx),
    easy: answerEasy(ctx),
  };
}
