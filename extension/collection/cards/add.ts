/** Inserting new cards for a note. Implementation in progress. */
import type { Collection } from '../collection.ts';
import type { NotetypeJson } from '../notetypes/types.ts';

export function addCardsForNote(col: Collection, noteId: number, nt: NotetypeJson, ords: readonly number[], deckId: number): number[] {
  void col;
  void noteId;
  void nt;
  void ords;
  void deckId;
  throw new Error('addCardsForNote: not implemented yet');
}

export function generateMissingCards(col: Collection, nt: NotetypeJson, noteIds?: readonly number[]): number {
  void col;
  void nt;
  void noteIds;
  throw new Error('generateMissingCards: not implemented yet');
}
