/**
 * Removing decks with their subdecks (decks/remove.rs). Each removed deck
 * loses its cards (decks/empty.ts) and its `_deck_<id>_` config keys and
 * leaves a grave. The Default deck (id 1) is never removed: it is emptied
 * and renamed back to "Default".
 */
import type { Collection } from '../collection.ts';
import { DEFAULT_DECK_ID } from './defaults.ts';
import { deleteCardsInDeck, returnCardsOfFilteredDeck } from './empty.ts';
import { childDecks, deckById, isFilteredDeck } from './get.ts';
import { addGrave, GRAVE_DECK } from './graves.ts';
import { foldName } from './names.ts';
import type { DeckJson } from './types.ts';

/** Removes the decks `dids` and their descendants; returns how many cards were deleted. */
export function removeDecks(col: Collection, dids: readonly number[]): number {
  return col.transact(() => {
    let cards = 0;
    let removed = false;
    for (const did of dids) {
      const deck = deckById(col, did);
      if (!deck) continue;
      const children = childDecks(col, deck);
      for (const d of [deck, ...children]) cards += removeSingleDeck(col, d);
      removed = true;
    }
    if (removed) {
      col.col.save('decks', col.col.get('decks'), col.nowMs());
      if (cards) col.col.touch(col.nowMs());
    }
    return cards;
  }).result;
}

function removeSingleDeck(col: Collection, deck: DeckJson): number {
  const did = Number(deck.id);
  let cards = 0;
  if (isFilteredDeck(deck)) returnCardsOfFilteredDeck(col, did);
  else cards = deleteCardsInDeck(col, did);
  clearAuxConfig(col, did);
  if (did === DEFAULT_DECK_ID) {
    resetDefaultDeck(col, deck);
  } else {
    delete col.col.get('decks')[String(deck.id)];
    addGrave(col, did, GRAVE_DECK);
  }
  return cards;
}

/** The Default deck keeps its id: it gets back its name ("Default", plus "+" while taken) and is marked modified. */
function resetDefaultDeck(col: Collection, deck: DeckJson): void {
  let name = 'Default';
  const others = Object.values(col.col.get('decks')).filter((d) => d !== deck);
  while (others.some((d) => foldName(d.name) === foldName(name))) name += '+';
  deck.name = name;
  deck.mod = col.nowSecs();
  deck.usn = -1;
}

/** Drops the deck's auxiliary config keys (`_deck_<id>_lastNotetype`…) from `col.conf`. */
function clearAuxConfig(col: Collection, did: number): void {
  const conf = col.col.get('conf');
  const prefix = `_deck_${did}_`;
  const keys = Object.keys(conf).filter((k) => k.startsWith(prefix));
  if (!keys.length) return;
  for (const k of keys) delete conf[k];
  col.col.save('conf', conf, col.nowMs());
}
