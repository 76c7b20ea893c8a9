/**
 * The four next states of any card state (scheduler/states/{normal,
 * filtered,rescheduling_filter,preview_filter}.rs). A new card is answered
 * like a learning card at its first step. In a filtered deck that
 * reschedules, non-review results stay wrapped so the card stays in the
 * deck; a preview deck only shows the card again after a delay, or
 * returns it home (Easy, or a delay of 0).
 */
import type { StateContext } from '../context.ts';
import { learningNextStates } from './learning.ts';
import { relearningNextStates } from './relearning.ts';
import { reviewNextStates } from './review.ts';
import { remainingForFailed } from './steps.ts';
import type { CardState, NormalState, PreviewState, SchedulingStates } from './types.ts';

function normalNextStates(state: NormalState, ctx: StateContext): SchedulingStates {
  switch (state.kind) {
    case 'new': {
      const first = { kind: 'learning', remainingSteps: remainingForFailed(ctx.learnSteps), scheduledSecs: 0, elapsedSecs: 0, memory: null } as const;
      return { ...learningNextStates(first, ctx), current: state };
    }
    case 'learning':
      return learningNextStates(state, ctx);
    case 'review':
      return reviewNextStates(state, ctx);
    case 'relearning':
      return relearningNextStates(state, ctx);
  }
}

function keepInFilteredDeck(state: CardState): CardState {
  if (state.kind === 'review' || state.kind === 'preview' || state.kind === 'rescheduling') return state;
  return { kind: 'rescheduling', original: state };
}

function previewDelay(seconds: number): PreviewState {
  return seconds === 0 ? { kind: 'preview', scheduledSecs: 0, finished: true } : { kind: 'preview', scheduledSecs: seconds, finished: false };
}

export function nextStates(state: CardState, ctx: StateContext): SchedulingStates {
  switch (state.kind) {
    case 'preview': {
      const d = ctx.previewDelays;
      return { current: state, again: previewDelay(d.again), hard: previewDelay(d.hard), good: previewDelay(d.good), easy: previewDelay(0) };
    }
    case 'rescheduling': {
      const normal = normalNextStates(state.original, ctx);
      if (!ctx.inFilteredDeck) return normal;
      return {
        current: state,
        again: keepInFilteredDeck(normal.again),
        hard: keepInFilteredDeck(normal.hard),
        good: keepInFilteredDeck(normal.good),
        easy: keepInFilteredDeck(normal.easy),
      };
    }
    default:
      return normalNextStates(state, ctx);
  }
}
