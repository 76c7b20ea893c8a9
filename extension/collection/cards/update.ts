/**
 * Changing columns of a card as pylib's `col.update_card` does (for
 * setEaseFactors and setSpecificValueOfCard): the values are written, the
 * card marked modified (`mod` = now and `usn` = −1 whatever was given), and
 * `data` rewritten in Anki's form.
 */
import type { Collection } from '../collection.ts';
import { getCard, updateCard, type Card } from './row.ts';

export type CardColumn = 'nid' | 'did' | 'ord' | 'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'odue' | 'odid' | 'flags';

export type CardColumnChanges = Partial<Pick<Card, CardColumn>>;

/** Applies `changes` to the card; false when there is no such card. */
export function updateCardColumns(col: Collection, id: number, changes: CardColumnChanges): boolean {
  const card = getCard(col, id);
  if (!card) return false;
  col.transact(() => {
    Object.assign(card, changes);
    updateCard(col, card);
    col.col.touch(col.nowMs());
  });
  return true;
}

/** Whether a card with this id exists. */
export function cardExists(col: Collection, id: number): boolean {
  return col.db.scalar('select 1 from cards where id = ?', [id]) !== undefined;
}
