/**
 * The labels Anki shows on the four answer buttons for a card (Again, Hard,
 * Good, Easy), which AnkiConnect's cardsInfo reports as `nextReviews`
 * (`describe_next_states` of `get_scheduling_states`): each next state's
 * interval, a seconds interval that passes the next day boundary counted in
 * days, formatted as the buttons show it ("<1m", "<10m", "1d", "1.2mo").
 * The states come from the same scheduler and fuzz as answering, so the
 * label is what the answer will do.
 */
import { getCard, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { CardNotFoundError } from './answer.ts';
import { cardSchedule, type ScheduleOptions } from './schedule.ts';
import { ScheduleShared } from './schedule-shared.ts';
import { intervalKind, intervalSeconds, maybeAsDays, type CardState } from './states/types.ts';
import { answerButtonTimeCollapsible } from './timespan.ts';

/** The four button labels for the card's next states, e.g. ["<1m", "<6m", "<10m", "4d"]; throws CardNotFoundError. */
export function nextReviewLabels(col: Collection, cardId: number, opts: ScheduleOptions = {}): string[] {
  const card = getCard(col, cardId);
  if (!card) throw new CardNotFoundError(cardId);
  return labelsFor(col, card, opts, new ScheduleShared(col));
}

/**
 * nextReviewLabels for many cards (as cardsById reads them), all scheduled
 * at one instant (`opts.nowMs`, else the clock's now at this call), the day
 * timing and each preset worked out once and, under FSRS, the review logs
 * of `cards` (the cards it will be asked about) read in one go. The
 * collection must not change while the labeller is in use.
 */
export function nextReviewLabeller(col: Collection, cards: Iterable<Card>, opts: ScheduleOptions = {}): (card: Card) => string[] {
  const at: ScheduleOptions = { ...opts, nowMs: opts.nowMs ?? col.nowMs() };
  const shared = new ScheduleShared(col);
  shared.preloadReviews(cards);
  // Many cards share intervals: each text is formatted once.
  const texts = new Map<number, string>();
  const text = (seconds: number, collapse: number) => {
    let t = texts.get(seconds);
    if (t === undefined) {
      t = answerButtonTimeCollapsible(seconds, collapse);
      texts.set(seconds, t);
    }
    return t;
  };
  return (card) => labelsFor(col, card, at, shared, text);
}

type IntervalText = (seconds: number, collapseSecs: number) => string;

function labelsFor(col: Collection, card: Card, opts: ScheduleOptions, shared: ScheduleShared, text: IntervalText = answerButtonTimeCollapsible): string[] {
  const s = cardSchedule(col, card, opts, shared);
  const nowSecs = Math.floor(s.nowMs / 1000);
  const untilRollover = Math.max(0, shared.timing(nowSecs).nextDayAt - nowSecs);
  const collapse = shared.learnAheadSecs();
  const label = (state: CardState) => text(intervalSeconds(maybeAsDays(intervalKind(state), untilRollover)), collapse);
  return [label(s.states.again), label(s.states.hard), label(s.states.good), label(s.states.easy)];
}
