/** Which cards a note should have (Anki's cardgen.rs). Implementation in progress. */
import type { NotetypeJson } from '../notetypes/types.ts';

export interface CardGenOptions {
  tags?: string;
  deckName?: string;
}

export function cardOrdinalsForNote(nt: NotetypeJson, fields: readonly string[], opts: CardGenOptions = {}): number[] {
  void nt;
  void fields;
  void opts;
  throw new Error('cardOrdinalsForNote: not implemented yet');
}

export function questionWouldBeEmpty(nt: NotetypeJson, fields: readonly string[], opts: CardGenOptions = {}): boolean {
  return cardOrdinalsForNote(nt, fields, opts).length === 0;
}
