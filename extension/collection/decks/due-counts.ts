/**
 * Cards due per deck (storage/deck/due_counts.sql): new cards; reviews and
 * interday learning due by today; intraday learning due before the
 * learn-ahead cutoff (preview repeats up to it); and all cards. Counted by
 * the deck the card is in now (a filtered deck for borrowed cards).
 *
 * Anki unburies yesterday's buried cards before counting (a write); here,
 * when that is pending, buried cards are counted as if already unburied,
 * so the counts match without writing.
 */
import type { Collection } from '../collection.ts';

export interface DueCounts {
  new: number;
  review: number;
  interdayLearning: number;
  intradayLearning: number;
  total: number;
}

/** The queue a buried card returns to (restore_queue_from_type), when ?3 says unburying is pending. */
const QUEUE = `case when ?3 and queue in (-2, -3) then
    (case when type in (1, 3) then (case when due > 1000000000 then 1 else 3 end) else type end)
  else queue end`;

const SQL = `select did,
    total(q = 0), total(q = 2 and due <= ?1), total(q = 3 and due <= ?1),
    total((q = 1 and due < ?2) or (q = 4 and due <= ?2)), count()
  from (select did, due, ${QUEUE} as q from cards)
  group by did`;

/**
 * Due counts by deck id for day `today` and learn cutoff `learnCutoff`
 * (epoch seconds), counting buried cards as unburied when `unburyPending`.
 */
export function dueCounts(col: Collection, today: number, learnCutoff: number, unburyPending: boolean): Map<number, DueCounts> {
  const out = new Map<number, DueCounts>();
  for (const [did, neu, review, interday, intraday, total] of col.db.rows(SQL, [today, learnCutoff, unburyPending ? 1 : 0])) {
    out.set(Number(did), {
      new: Number(neu),
      review: Number(review),
      interdayLearning: Number(interday),
      intradayLearning: Number(intraday),
      total: Number(total),
    });
  }
  return out;
}
