/** The notes of some cards (AnkiConnect's cardsToNotes: `select distinct nid … where id in …`). */
import type { Collection } from '../collection.ts';

/** Distinct note ids of the existing cards among `ids`, in the order SQLite gives them. */
export function noteIdsOfCards(col: Collection, ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const out = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(', ');
    for (const nid of col.db.column<number>(`select distinct nid from cards where id in (${marks})`, chunk)) out.add(nid);
  }
  return [...out];
}
