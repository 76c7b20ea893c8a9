/** Deletions awaiting sync (`graves`): what Anki records when it removes a card, note or deck. */
import type { Collection } from '../collection.ts';

export const GRAVE_CARD = 0;
export const GRAVE_NOTE = 1;
export const GRAVE_DECK = 2;

/** Records one deletion (usn -1: not yet synced). Inside a transaction. */
export function addGrave(col: Collection, oid: number, type: number): void {
  col.db.run('insert into graves (usn, oid, type) values (-1, ?, ?)', [oid, type]);
}
