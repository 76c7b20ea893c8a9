/**
 * Taking the cards out of a deck that is being removed (decks/remove.rs):
 * a normal deck's cards are deleted, and so are the notes left without
 * cards, each with a grave; a filtered deck's cards go back to their home
 * decks. Cards of the deck that sit in a filtered deck elsewhere stay, as
 * in Anki. All inside a transaction.
 */
import type { Collection } from '../collection.ts';
import { addGrave, GRAVE_NOTE } from './graves.ts';

/** Deletes the cards whose `did` is `did` and their orphaned notes; returns the number of cards. */
export function deleteCardsInDeck(col: Collection, did: number): number {
  const count = Number(col.db.scalar('select count() from cards where did = ?', [did]));
  if (!count) return 0;
  const nids = col.db.column<number>('select distinct nid from cards where did = ? order by nid', [did]);
  col.db.run('insert into graves (usn, oid, type) select -1, id, 0 from cards where did = ? order by id', [did]);
  col.db.run('delete from cards where did = ?', [did]);
  for (const nid of nids) {
    if (col.db.scalar('select 1 from cards where nid = ? limit 1', [nid]) !== undefined) continue;
    col.db.run('delete from notes where id = ?', [nid]);
    addGrave(col, nid, GRAVE_NOTE);
  }
  return count;
}

/** The queue a card returns to: its type's queue; learning by whether `due` is a timestamp. */
const RESTORED_QUEUE = `case when queue < 0 then queue
  when type in (1, 3) then (case when (case when odue != 0 then odue else due end) > 1000000000 then 1 else 3 end)
  else type end`;

/**
 * Sends the cards of filtered deck `did` back home (Anki's
 * `remove_from_filtered_deck_restoring_queue`), marking them modified.
 */
export function returnCardsOfFilteredDeck(col: Collection, did: number): void {
  col.db.run(
    `update cards set did = odid, odid = 0, queue = ${RESTORED_QUEUE},
       due = case when odue != 0 then odue else due end, odue = 0, mod = ?, usn = -1
     where did = ? and odid != 0`,
    [col.nowSecs(), did],
  );
}
