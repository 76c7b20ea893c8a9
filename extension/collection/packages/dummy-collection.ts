/**
 * The dummy `collection.anki2` of a legacy package: a new collection with one
 * Basic note, "This file requires a newer version of Anki.", so that Anki
 * 2.0 (which reads only this file) shows that instead of failing
 * (pylib `_addDummyCollection`).
 */
import type { Clock } from '../clock.ts';
import { createCollection } from '../create.ts';
import { DEFAULT_DECK_ID } from '../decks/defaults.ts';
import { addNote } from '../notes/add.ts';
import { notetypeByName } from '../notetypes/lookup.ts';
import { sqlJsOf, type DatabaseClass } from './sqljs.ts';

export const DUMMY_NOTE_TEXT = 'This file requires a newer version of Anki.';

export function dummyCollectionBytes(Database: DatabaseClass, clock: Clock): Uint8Array {
  const col = createCollection(sqlJsOf(Database), clock);
  try {
    const basic = notetypeByName(col, 'Basic')!;
    addNote(col, { nt: basic, deckId: DEFAULT_DECK_ID, fields: [DUMMY_NOTE_TEXT, ''], tags: [] });
    return col.export();
  } finally {
    col.close();
  }
}
