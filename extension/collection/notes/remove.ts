/**
 * Removing notes as Anki's `remove_notes_inner` does: each existing note's
 * cards are deleted, then the note, each leaving a grave for sync (type 0
 * card, 1 note; usn -1). Ids that are not notes are skipped.
 */
import type { Collection } from '../collection.ts';

const enum GraveType {
  Card = 0,
  Note = 1,
}

const ADD_GRAVE = 'insert into graves (usn, oid, type) values (-1, ?, ?)';

/** Removes the notes and their cards; returns how many cards were removed. */
export function removeNotes(col: Collection, nids: readonly number[]): number {
  return col.transact(() => {
    let cards = 0;
    let notes = 0;
    for (const nid of nids) {
      if (col.db.scalar('select 1 from notes where id = ?', [nid]) === undefined) continue;
      for (const cid of col.db.column<number>('select id from cards where nid = ? order by id', [nid])) {
        col.db.run('delete from cards where id = ?', [cid]);
        col.db.run(ADD_GRAVE, [cid, GraveType.Card]);
        cards++;
      }
      col.db.run('delete from notes where id = ?', [nid]);
      col.db.run(ADD_GRAVE, [nid, GraveType.Note]);
      notes++;
    }
    if (notes) col.col.touch(col.nowMs());
    return cards;
  }).result;
}
