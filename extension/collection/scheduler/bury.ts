/**
 * Burying a card's siblings after it is answered (scheduler/
 * bury_and_suspend.rs `bury_siblings`, the preset's "bury new / review /
 * interday learning siblings"). Only queues gathered after the answered
 * card's own queue are buried (learning cards come first, then interday
 * learning, reviews, new cards); suspended cards stay suspended.
 */
import type { Card } from '../cards/row.ts';
import { CardQueue, siblingsInQueues, updateCard } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import type { SchedConfig } from './config.ts';

function gatherOrder(queue: number): number {
  switch (queue) {
    case CardQueue.Learn:
    case CardQueue.PreviewRepeat:
      return 0;
    case CardQueue.DayLearn:
      return 1;
    case CardQueue.Review:
      return 2;
    case CardQueue.New:
      return 3;
    default:
      return 255;
  }
}

/** Buries the siblings of `answered` (as it was before the answer) that the preset says to; returns how many. */
export function burySiblings(col: Collection, answered: Card, config: SchedConfig): number {
  const order = gatherOrder(answered.queue);
  const queues: number[] = [];
  if (config.buryNew) queues.push(CardQueue.New);
  if (config.buryReviews && order <= gatherOrder(CardQueue.Review)) queues.push(CardQueue.Review);
  if (config.buryInterdayLearning && order <= gatherOrder(CardQueue.DayLearn)) queues.push(CardQueue.DayLearn);
  let count = 0;
  for (const sibling of siblingsInQueues(col, answered, queues)) {
    sibling.queue = CardQueue.SchedBuried;
    updateCard(col, sibling);
    count++;
  }
  return count;
}
