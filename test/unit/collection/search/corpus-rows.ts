/**
 * The shape of a corpus row and small set helpers over the seed
 * (test/helpers/search-seed.ts). Expected ids are written by hand from
 * Anki's rules (anki-formats.md §4, rslib/src/search/{parser,sqlwriter}.rs);
 * the helpers only spell out "everything except …".
 */
import { ALL_CARD_IDS, ALL_NOTE_IDS } from '../../../helpers/search-seed.ts';

export type Mode = 'cards' | 'notes';
export type Row = readonly [query: string, mode: Mode, expected: readonly number[]];

/** Every note id of the seed except these. */
export function notesExcept(ids: readonly number[]): number[] {
  const skip = new Set(ids);
  for (const id of ids) if (!ALL_NOTE_IDS.includes(id)) throw new Error(`notesExcept: ${id} is no seed note`);
  return ALL_NOTE_IDS.filter((id) => !skip.has(id));
}

/** Every card id of the seed except these. */
export function cardsExcept(ids: readonly number[]): number[] {
  const skip = new Set(ids);
  for (const id of ids) if (!ALL_CARD_IDS.includes(id)) throw new Error(`cardsExcept: ${id} is no seed card`);
  return ALL_CARD_IDS.filter((id) => !skip.has(id));
}

/** Notes of the Cloze, Image Occlusion and Japanese Vocab types (no Front/Back fields). */
export const NON_BASIC_FAMILY_NOTES = [1009, 1010, 1011, 1029, 1030] as const;
