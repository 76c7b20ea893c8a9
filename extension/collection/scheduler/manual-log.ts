/**
 * The review-log row Anki writes when a card is rescheduled by hand (set
 * due date) or reset to new (revlog/mod.rs `log_manually_scheduled_review`):
 * button 0, the new and the previous interval in days, the ease (or FSRS
 * difficulty, truncated), no time, type manual.
 */
import type { Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { difficultyShifted } from './apply.ts';
import { memoryOf } from './current.ts';
import { f32 } from './f32.ts';
import { addRevlogEntry } from './revlog.ts';
import { RevlogKind } from './states/types.ts';

export function logManualReview(col: Collection, card: Card, originalInterval: number): void {
  const memory = memoryOf(card);
  const factor = memory ? Math.trunc(f32(difficultyShifted(memory) * 1000)) & 0xffff : card.factor;
  addRevlogEntry(
    col,
    {
      cid: card.id,
      ease: 0,
      ivl: Math.min(card.ivl, 2_147_483_647),
      lastIvl: Math.min(originalInterval, 2_147_483_647),
      factor,
      time: 0,
      type: RevlogKind.Manual,
    },
    col.nowMs(),
  );
}
