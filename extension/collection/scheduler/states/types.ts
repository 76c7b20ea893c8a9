/**
 * A card's scheduling state as pure values (scheduler/states/*.rs): where
 * the card is now, and the state each answer button would move it to.
 * Times are seconds for (re)learning steps and days for reviews.
 */

/** FSRS memory: stability in days, difficulty 1–10. */
export interface MemoryState {
  stability: number;
  difficulty: number;
}

export interface NewState {
  kind: 'new';
  position: number;
}

export interface LearnState {
  kind: 'learning';
  /** Steps still to pass (`cards.left`). */
  remainingSteps: number;
  scheduledSecs: number;
  elapsedSecs: number;
  memory: MemoryState | null;
}

export interface ReviewState {
  kind: 'review';
  scheduledDays: number;
  elapsedDays: number;
  /** Ease as a multiplier (2.5), f32. */
  easeFactor: number;
  lapses: number;
  /** Set by Again when the lapse count reaches a leech threshold. */
  leeched: boolean;
  memory: MemoryState | null;
}

export interface RelearnState {
  kind: 'relearning';
  learning: LearnState;
  review: ReviewState;
}

export type NormalState = NewState | LearnState | ReviewState | RelearnState;

/** A card in a filtered deck that does not reschedule. */
export interface PreviewState {
  kind: 'preview';
  scheduledSecs: number;
  /** True when the answer returns the card to its home deck. */
  finished: boolean;
}

/** A card in a filtered deck that reschedules: its normal state, wrapped. */
export interface ReschedulingState {
  kind: 'rescheduling';
  original: NormalState;
}

export type CardState = NormalState | PreviewState | ReschedulingState;

export interface SchedulingStates {
  current: CardState;
  again: CardState;
  hard: CardState;
  good: CardState;
  easy: CardState;
}

/** Answer buttons, as AnkiConnect's `ease`. */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type RatingValue = (typeof Rating)[keyof typeof Rating];

/** `revlog.type` (revlog/mod.rs `RevlogReviewKind`). */
export const RevlogKind = { Learning: 0, Review: 1, Relearning: 2, Filtered: 3, Manual: 4, Rescheduled: 5 } as const;

/** An interval in seconds (learning) or in days (review). */
export type IntervalKind = { unit: 'secs'; value: number } | { unit: 'days'; value: number };

const DAY = 86_400;

export function intervalKind(state: CardState): IntervalKind {
  switch (state.kind) {
    case 'new':
      return { unit: 'secs', value: 0 };
    case 'learning':
    case 'preview':
      return { unit: 'secs', value: state.scheduledSecs };
    case 'review':
      return { unit: 'days', value: state.scheduledDays };
    case 'relearning':
      return intervalKind(state.learning);
    case 'rescheduling':
      return intervalKind(state.original);
  }
}

/** A seconds interval that reaches the next day boundary becomes days (`maybe_as_days`). */
export function maybeAsDays(kind: IntervalKind, secsUntilRollover: number): IntervalKind {
  if (kind.unit === 'days' || kind.value < secsUntilRollover) return kind;
  return { unit: 'days', value: Math.floor((kind.value - secsUntilRollover) / DAY) + 1 };
}

export function intervalSeconds(kind: IntervalKind): number {
  return kind.unit === 'secs' ? kind.value : Math.min(kind.value * DAY, 4_294_967_295);
}

/** `revlog.ivl`/`lastIvl`: days, or negative seconds. */
export function revlogInterval(kind: IntervalKind): number {
  if (kind.unit === 'days') return kind.value;
  return kind.value === 0 ? 0 : -Math.min(kind.value, 2_147_483_647);
}

export function daysLate(review: ReviewState): number {
  return review.elapsedDays - review.scheduledDays;
}

export function revlogKind(state: CardState): number {
  switch (state.kind) {
    case 'new':
    case 'learning':
      return RevlogKind.Learning;
    case 'review':
      return daysLate(state) < 0 ? RevlogKind.Filtered : RevlogKind.Review;
    case 'relearning':
      return RevlogKind.Relearning;
    case 'preview':
      return RevlogKind.Filtered;
    case 'rescheduling':
      return revlogKind(state.original);
  }
}

/** The review state inside a state, if any. */
export function reviewStateOf(state: CardState): ReviewState | null {
  switch (state.kind) {
    case 'review':
      return state;
    case 'relearning':
      return state.review;
    case 'rescheduling':
      return reviewStateOf(state.original);
    default:
      return null;
  }
}

export function isLeeched(state: CardState): boolean {
  return reviewStateOf(state)?.leeched ?? false;
}

/** The position of a new card's state. */
export function newPosition(state: CardState): number | null {
  if (state.kind === 'new') return state.position;
  if (state.kind === 'rescheduling' && state.original.kind === 'new') return state.original.position;
  return null;
}
