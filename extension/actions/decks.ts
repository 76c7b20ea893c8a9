/** Deck actions. */
import { getOrCreateDeck } from '../collection/decks/add.ts';
import { deckNames as listDeckNames, deckNamesAndIds as listDeckNamesAndIds } from '../collection/decks/list.ts';
import { action, req } from './define.ts';
import { pyTypeName } from './python.ts';

export const deckNames = action({}, ({ col }) => listDeckNames(col));

export const deckNamesAndIds = action({}, ({ col }) => listDeckNamesAndIds(col));

export const createDeck = action({ deck: req<string>() }, ({ col }, { deck }) => {
  // upstream: a non-string name fails inside Anki's backend with a TypeError.
  if (typeof deck !== 'string') throw new Error(`expected deck name as str, got ${pyTypeName(deck)}`);
  return getOrCreateDeck(col, deck);
});
