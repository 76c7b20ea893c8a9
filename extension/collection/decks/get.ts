/** Looking decks up by id, and a deck's descendants. */
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';
import { foldName } from './names.ts';
import { allDecks } from './list.ts';
import type { DeckJson } from './types.ts';

export function deckById(col: Collection, id: Int64 | string): DeckJson | undefined {
  return col.col.get('decks')[String(id)];
}

/** Every deck below `parent` (children, grandchildren…), in name order. */
export function childDecks(col: Collection, parent: DeckJson): DeckJson[] {
  const prefix = foldName(parent.name) + '::';
  return allDecks(col).filter((d) => foldName(d.name).startsWith(prefix));
}

/** The deck a card is in (`cards.did`), or undefined when there is no such card. */
export function deckIdOfCard(col: Collection, cardId: number): number | undefined {
  const did = col.db.scalar('select did from cards where id = ?', [cardId]);
  return typeof did === 'number' ? did : undefined;
}

/** Whether a filtered deck (`dyn` set) rather than a normal one. */
export function isFilteredDeck(deck: DeckJson): boolean {
  return Boolean(deck.dyn);
}
