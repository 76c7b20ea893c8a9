/**
 * The browser's active columns, as Anki keeps them in the collection
 * config (pylib `browser.py`: `activeCols` in cards mode, `activeNoteCols`
 * in notes mode, `browserTableShowNotesMode` choosing), with Anki's defaults.
 * AnkiConnect's guiBrowse accepts a `reorderCards.columnId` only if it is
 * one of them.
 */
import type { Collection } from '../collection.ts';

export const DEFAULT_CARD_COLUMNS: readonly string[] = ['noteFld', 'template', 'cardDue', 'deck'];
export const DEFAULT_NOTE_COLUMNS: readonly string[] = ['noteFld', 'note', 'template', 'noteTags'];

export function activeBrowserColumns(col: Collection): readonly string[] {
  const conf = col.col.get('conf');
  const notesMode = conf.browserTableShowNotesMode === true;
  const saved = notesMode ? conf.activeNoteCols : conf.activeCols;
  if (Array.isArray(saved) && saved.every((c) => typeof c === 'string')) return saved as string[];
  return notesMode ? DEFAULT_NOTE_COLUMNS : DEFAULT_CARD_COLUMNS;
}
