/**
 * A card's queue from its type, and leaving a filtered deck (scheduler/
 * filtered/card.rs): a learning card's queue depends on whether its due is
 * a timestamp (intraday) or a day number (interday).
 */
import { isUnixEpochTimestamp } from '../scheduler/timing.ts';
import { CardQueue, CardType, type Card } from './row.ts';

/** The queue a card of this type sits in when not suspended or buried. */
export function queueForType(card: Card): number {
  if (card.type === CardType.Learn || card.type === CardType.Relearn) {
    return isUnixEpochTimestamp(card.due) ? CardQueue.Learn : CardQueue.DayLearn;
  }
  return card.type === CardType.New ? CardQueue.New : CardQueue.Review;
}

/** Back to the home deck, clearing the home due; the caller sets queue and due. */
export function leaveFilteredDeck(card: Card): void {
  if (card.odid === 0) return;
  card.did = card.odid;
  card.odid = 0;
  card.odue = 0;
}

/** Back to the home deck and due date, with the queue its type implies (unless suspended or buried). */
export function returnFromFilteredDeck(card: Card): void {
  if (card.odid === 0) return;
  if (card.odue !== 0) card.due = card.odue;
  leaveFilteredDeck(card);
  if (card.queue >= 0) card.queue = queueForType(card);
}
