/**
 * The labels Anki shows on the four answer buttons for a card (Again, Hard,
 * Good, Easy), which AnkiConnect's cardsInfo reports as `nextReviews`
 * (`describe_next_states` of `get_scheduling_states`): each next state's
 * interval, a seconds interval that passes the next day boundary counted in
 * days, formatted as the buttons show it ("<1m", "<10m", "1d", "1.2mo").
 * The states come from the same scheduler and fuzz as answering, so the
 * label is what the answer will do.
 */
import { getCard } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { CardNotFoundError } from './answer.ts';
import { cardSchedule, type ScheduleOptions } from './schedule.ts';
import { intervalKind, intervalSeconds, maybeAsDays, type CardState } from './states/types.ts';
import { answerButtonTimeCollapsible } from './timespan.ts';
import { learnAheadSecs, timingAt } from './timing.ts';

/** The four button labels for the card's next states, e.g. ["<1m", "<6m", "<10m", "4d"]; throws CardNotFoundError. */
export function nextReviewLabels(col: Collection, cardId: number, opts: ScheduleOptions = {}): string[] {
  const card = getCard(col, cardId);
  if (!card) throw new CardNotFoundError(cardId);
  const s = cardSchedule(col, card, opts);
  const nowSecs = Math.floor(s.nowMs / 1000);
  const untilRollover = Math.max(0, timingAt(col, nowSecs).nextDayAt - nowSecs);
  const collapse = learnAheadSecs(col);
  const label = (state: CardState) =>
    answerButtonTimeCollapsible(intervalSeconds(maybeAsDays(intervalKind(state), untilRollover)), collapse);
  return [label(s.states.again), label(s.states.hard), label(s.states.good), label(s.states.easy)];
}
