/**
 * Forget / reset to new (scheduler/new.rs `reschedule_cards_as_new`, as
 * AnkiConnect's forgetCards calls it: log, restore position, keep counts).
 * A card goes back to the new queue at the position it had while new (or
 * the collection's next position when it never had one), with interval
 * and ease cleared and FSRS memory dropped; it leaves any filtered deck.
 * Each card gets a manual review-log row.
 */
import { leaveFilteredDeck } from '../cards/queue.ts';
import { CardQueue, CardType, getCards, updateCard, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { logManualReview } from './manual-log.ts';

function nextPosition(col: Collection): number {
  const raw = col.col.get('conf').nextPos;
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 0xffffffff ? raw : 0;
}

/** The position the card had while new: its due if still new, else the one remembered in `data.pos`. */
function lastPosition(card: Card): number | null {
  if (card.type === CardType.New) return (card.odid !== 0 ? card.odue : card.due) >>> 0;
  return card.data.originalPosition;
}

export interface ForgetOptions {
  restorePosition?: boolean;
  resetCounts?: boolean;
}

export function forgetCards(col: Collection, ids: readonly number[], opts: ForgetOptions = {}): void {
  const restore = opts.restorePosition ?? true;
  col.transact(() => {
    let position = nextPosition(col);
    for (const card of getCards(col, ids)) {
      const originalIvl = card.ivl;
      const last = restore ? lastPosition(card) : null;
      leaveFilteredDeck(card);
      card.due = last === null ? position : last | 0;
      if (last === null) position++;
      card.type = CardType.New;
      card.queue = CardQueue.New;
      card.ivl = 0;
      card.factor = 0;
      card.data.originalPosition = null;
      if (opts.resetCounts) {
        card.reps = 0;
        card.lapses = 0;
      }
      card.data.stability = null;
      card.data.difficulty = null;
      logManualReview(col, card, originalIvl);
      updateCard(col, card);
    }
    const conf = col.col.get('conf');
    conf.nextPos = position;
    col.col.save('conf', conf, col.nowMs());
  });
}
