/**
 * A lapsed card in its relearning steps (scheduler/states/relearning.rs).
 * Again restarts the steps, Hard repeats the current one, Good moves on or
 * returns to review with the lapse interval, Easy returns to review with
 * that interval + 1 day. Under FSRS, leaving the steps takes FSRS's
 * interval for the button (fuzzed), or a sub-day step without steps.
 */
import { asU32, f32, roundHalfAway } from '../f32.ts';
import { fsrsShortTerm, minMaxReviewIntervals, type StateContext } from '../context.ts';
import { withReviewFuzz } from '../fuzz.ts';
import { failingReviewInterval } from './review.ts';
import * as steps from './steps.ts';
import type { CardState, LearnState, MemoryState, RelearnState, ReviewState, SchedulingStates } from './types.ts';

function fsrsLeave(
  state: RelearnState,
  ctx: StateContext,
  button: 'again' | 'hard' | 'good',
  learning: Omit<LearnState, 'scheduledSecs' | 'memory'>,
): CardState {
  const item = ctx.fsrs![button];
  const memory: MemoryState = { ...item.memory };
  const [minimum, maximum] = minMaxReviewIntervals(ctx, 1);
  const review: ReviewState = {
    ...state.review,
    scheduledDays: withReviewFuzz(ctx.fuzzFactor, Math.max(roundHalfAway(item.interval), 1), minimum, maximum),
    memory,
  };
  if (fsrsShortTerm(ctx, ctx.relearnSteps, item.interval)) {
    return { kind: 'relearning', learning: { ...learning, scheduledSecs: asU32(f32(item.interval * 86_400)), memory }, review };
  }
  return review;
}

function answerAgain(state: RelearnState, ctx: StateContext): CardState {
  const [scheduledDays, memory] = failingReviewInterval(state.review, ctx);
  const delay = steps.againDelaySecs(ctx.relearnSteps);
  if (delay !== null) {
    return {
      kind: 'relearning',
      learning: { kind: 'learning', remainingSteps: steps.remainingForFailed(ctx.relearnSteps), scheduledSecs: delay, elapsedSecs: 0, memory },
      review: { ...state.review, scheduledDays: asU32(Math.max(roundHalfAway(scheduledDays), 1)), elapsedDays: 0, memory },
    };
  }
  if (ctx.fsrs) {
    return fsrsLeave(state, ctx, 'again', { ...state.learning, remainingSteps: steps.remainingForFailed(ctx.relearnSteps), elapsedSecs: 0 });
  }
  return state.review;
}

function answerHard(state: RelearnState, ctx: StateContext): CardState {
  const memory = ctx.fsrs ? { ...ctx.fsrs.hard.memory } : null;
  const delay = steps.hardDelaySecs(ctx.relearnSteps, state.learning.remainingSteps);
  if (delay !== null) {
    return {
      kind: 'relearning',
      learning: { ...state.learning, scheduledSecs: delay, memory },
      review: { ...state.review, elapsedDays: 0, memory },
    };
  }
  if (ctx.fsrs) return fsrsLeave(state, ctx, 'hard', state.learning);
  return state.review;
}

function answerGood(state: RelearnState, ctx: StateContext): CardState {
  const memory = ctx.fsrs ? { ...ctx.fsrs.good.memory } : null;
  const remaining = steps.remainingForGood(ctx.relearnSteps, state.learning.remainingSteps);
  const delay = steps.goodDelaySecs(ctx.relearnSteps, state.learning.remainingSteps);
  if (delay !== null) {
    return {
      kind: 'relearning',
      learning: { kind: 'learning', remainingSteps: remaining, scheduledSecs: delay, elapsedSecs: 0, memory },
      review: { ...state.review, elapsedDays: 0, memory },
    };
  }
  if (ctx.fsrs) return fsrsLeave(state, ctx, 'good', { ...state.learning, remainingSteps: remaining });
  return state.review;
}

function answerEasy(state: RelearnState, ctx: StateContext): ReviewState {
  let scheduledDays = state.review.scheduledDays + 1;
  if (ctx.fsrs) {
    let [minimum, maximum] = minMaxReviewIntervals(ctx, 1);
    const good = withReviewFuzz(ctx.fuzzFactor, ctx.fsrs.good.interval, minimum, maximum);
    minimum = good + 1;
    scheduledDays = withReviewFuzz(ctx.fuzzFactor, Math.max(roundHalfAway(ctx.fsrs.easy.interval), 1), minimum, maximum);
  }
  return { ...state.review, scheduledDays, elapsedDays: 0, memory: ctx.fsrs ? { ...ctx.fsrs.easy.memory } : null };
}

export function relearningNextStates(state: RelearnState, ctx: StateContext): SchedulingStates {
  return {
    current: state,
    again: answerAgain(state, ctx),
    hard: answerHard(state, ctx),
    good: answerGood(state, ctx),
    easy: answerEasy(state, ctx),
  };
}
