/**
 * Putting a chosen next state onto a card (scheduler/answering/{mod,
 * learning,review,relearning,preview}.rs): type, queue, due, interval,
 * ease, lapses, remaining steps and the FSRS memory, plus what the review
 * log records (the intervals before and after, and the ease or FSRS
 * difficulty). Learning due times get the learning fuzz; a delay that
 * passes the next day boundary makes an interday learning card instead.
 */
import { leaveFilteredDeck, returnFromFilteredDeck } from '../cards/queue.ts';
import { CardQueue, CardType, type Card } from '../cards/row.ts';
import { asU32, f32, roundHalfAway } from './f32.ts';
import { learningDelayWithFuzz } from './fuzz.ts';
import type { CardSchedule } from './schedule.ts';
import {
  intervalKind,
  isLeeched,
  maybeAsDays,
  newPosition,
  revlogInterval,
  revlogKind,
  type CardState,
  type LearnState,
  type MemoryState,
  type NormalState,
  type PreviewState,
  type RelearnState,
  type ReviewState,
} from './states/types.ts';

/** What the review log row gets from the transition. */
export interface RevlogPartial {
  ivl: number;
  lastIvl: number;
  /** Ease (or shifted FSRS difficulty) as a multiplier; ×1000 in the log. */
  easeFactor: number;
  type: number;
}

/** FSRS difficulty mapped to 0.1–1.1, as the log stores it. */
export function difficultyShifted(memory: MemoryState): number {
  return f32(f32(f32(memory.difficulty - 1) / 9) + f32(0.1));
}

function secsUntilRollover(s: CardSchedule): number {
  return asU32(s.timing.nextDayAt - Math.floor(s.nowMs / 1000));
}

function partial(s: CardSchedule, current: CardState, next: CardState, easeFactor: number): RevlogPartial {
  const secs = secsUntilRollover(s);
  return {
    ivl: revlogInterval(maybeAsDays(intervalKind(next), secs)),
    lastIvl: revlogInterval(maybeAsDays(intervalKind(current), secs)),
    easeFactor,
    type: revlogKind(current),
  };
}

function setMemory(card: Card, memory: MemoryState | null): void {
  card.data.stability = memory ? memory.stability : null;
  card.data.difficulty = memory ? memory.difficulty : null;
}

function rememberPosition(card: Card, current: CardState): void {
  const position = newPosition(current);
  if (position !== null) card.data.originalPosition = position;
}

function scheduleLearning(s: CardSchedule, state: LearnState): void {
  const card = s.card;
  const interval = maybeAsDays(intervalKind(state), secsUntilRollover(s));
  if (interval.unit === 'secs') {
    card.queue = CardQueue.Learn;
    card.due = Math.floor(s.nowMs / 1000) + learningDelayWithFuzz(s.fuzzFactor, interval.value);
  } else {
    card.queue = CardQueue.DayLearn;
    card.due = s.timing.daysElapsed + interval.value;
  }
}

function ease1000(ease: number): number {
  return Math.min(asU32(roundHalfAway(f32(ease * 1000))), 65_535);
}

function applyLearning(s: CardSchedule, current: CardState, next: LearnState): RevlogPartial {
  const card = s.card;
  card.left = next.remainingSteps;
  card.type = CardType.Learn;
  rememberPosition(card, current);
  setMemory(card, next.memory);
  scheduleLearning(s, next);
  return partial(s, current, next, next.memory ? difficultyShifted(next.memory) : 0);
}

function applyReview(s: CardSchedule, current: CardState, next: ReviewState): RevlogPartial {
  const card = s.card;
  card.queue = CardQueue.Review;
  card.type = CardType.Review;
  card.ivl = next.scheduledDays;
  card.due = s.timing.daysElapsed + next.scheduledDays;
  card.factor = ease1000(next.easeFactor);
  card.lapses = next.lapses;
  card.left = 0;
  rememberPosition(card, current);
  setMemory(card, next.memory);
  return partial(s, current, next, next.memory ? difficultyShifted(next.memory) : next.easeFactor);
}

function applyRelearning(s: CardSchedule, current: CardState, next: RelearnState): RevlogPartial {
  const card = s.card;
  card.ivl = next.review.scheduledDays;
  card.left = next.learning.remainingSteps;
  card.type = CardType.Relearn;
  card.lapses = next.review.lapses;
  card.factor = ease1000(next.review.easeFactor);
  rememberPosition(card, current);
  setMemory(card, next.learning.memory);
  scheduleLearning(s, next.learning);
  return partial(s, current, next, next.learning.memory ? difficultyShifted(next.learning.memory) : next.review.easeFactor);
}

function applyNew(s: CardSchedule, current: CardState, position: number): RevlogPartial {
  const card = s.card;
  card.type = CardType.New;
  card.queue = CardQueue.New;
  card.due = position;
  card.data.originalPosition = null;
  setMemory(card, null);
  return partial(s, current, { kind: 'new', position }, 0);
}

function applyNormal(s: CardSchedule, current: CardState, next: NormalState): RevlogPartial {
  s.card.reps += 1;
  s.card.data.desiredRetention = s.desiredRetention;
  let revlog: RevlogPartial;
  if (next.kind === 'new') revlog = applyNew(s, current, next.position);
  else if (next.kind === 'learning') revlog = applyLearning(s, current, next);
  else if (next.kind === 'review') revlog = applyReview(s, current, next);
  else revlog = applyRelearning(s, current, next);
  if (isLeeched(next) && s.config.leechAction === 0) s.card.queue = CardQueue.Suspended;
  return revlog;
}

function applyPreview(s: CardSchedule, current: CardState, next: PreviewState): RevlogPartial {
  const revlog = partial(s, current, next, 0);
  if (next.finished) {
    returnFromFilteredDeck(s.card);
    return revlog;
  }
  s.card.queue = CardQueue.PreviewRepeat;
  s.card.due = Math.floor(s.nowMs / 1000) + learningDelayWithFuzz(s.fuzzFactor, next.scheduledSecs);
  return revlog;
}

/** Applies `next` to `s.card`; returns the review log's part. */
export function applyStudyState(s: CardSchedule, next: CardState): RevlogPartial {
  const current = s.current;
  if (next.kind === 'preview' || next.kind === 'rescheduling') {
    if (s.card.odid === 0) throw new Error("card answering can't transition into filtered state");
    if (next.kind === 'preview') return applyPreview(s, current, next);
    const revlog = applyNormal(s, current, next.original);
    s.card.odue = s.card.due;
    return revlog;
  }
  if (current.kind === 'rescheduling') leaveFilteredDeck(s.card);
  return applyNormal(s, current, next);
}
