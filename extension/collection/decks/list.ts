/** Listing decks in Anki's order: by native name, case-insensitively. */
import type { Collection } from '../collection.ts';
import { compareNativeNames, nativeDeckName } from './names.ts';
import type { DeckJson } from './types.ts';

/** Every deck, normal and filtered, sorted as Anki's `get_deck_names`. */
export function allDecks(col: Collection): DeckJson[] {
  const decks = Object.values(col.col.get('decks'));
  const keyed = decks.map((d) => ({ d, key: nativeDeckName(d.name) }));
  keyed.sort((a, b) => compareNativeNames(a.key, b.key));
  return keyed.map((k) => k.d);
}

export function deckNames(col: Collection): string[] {
  return allDecks(col).map((d) => d.name);
}

export function deckNamesAndIds(col: Collection): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of allDecks(col)) out[d.name] = Number(d.id);
  return out;
}
