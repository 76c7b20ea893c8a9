/**
 * Suspending and unsuspending cards (scheduler/bury_and_suspend.rs): a
 * suspended card has queue −1 and keeps its due; restoring puts it back in
 * the queue its type implies (a learning card by whether its due is a
 * timestamp or a day). Cards that change are marked modified.
 */
import type { Collection } from '../collection.ts';
import { queueForType } from './queue.ts';
import { CardQueue, getCards, updateCard } from './row.ts';

/** Suspends the cards not suspended yet; returns how many changed. */
export function suspendCards(col: Collection, ids: readonly number[]): number {
  return col.transact(() => {
    let count = 0;
    for (const card of getCards(col, ids)) {
      if (card.queue === CardQueue.Suspended) continue;
      card.queue = CardQueue.Suspended;
      updateCard(col, card);
      count++;
    }
    if (count) col.col.touch(col.nowMs());
    return count;
  }).result;
}

/** Unsuspends (and unburies) the cards; returns how many changed. */
export function unsuspendCards(col: Collection, ids: readonly number[]): number {
  return col.transact(() => {
    let count = 0;
    for (const card of getCards(col, ids)) {
      if (card.queue !== CardQueue.Suspended && card.queue !== CardQueue.SchedBuried && card.queue !== CardQueue.UserBuried) continue;
      card.queue = queueForType(card);
      updateCard(col, card);
      count++;
    }
    if (count) col.col.touch(col.nowMs());
    return count;
  }).result;
}
