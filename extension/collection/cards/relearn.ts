/**
 * AnkiConnect's relearnCards: a raw `update cards set type=3, queue=1`
 * (relearning, intraday queue) on the given ids, nothing else changed (not
 * `mod`, `due` or `left`); the collection is marked modified.
 */
import type { Collection } from '../collection.ts';

export function markCardsRelearning(col: Collection, ids: readonly number[]): void {
  col.transact(() => {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      col.db.run(`update cards set type = 3, queue = 1 where id in (${chunk.map(() => '?').join(', ')})`, chunk);
    }
    col.col.touch(col.nowMs());
  });
}
