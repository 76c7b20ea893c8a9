/** Deck actions: listing, creating, moving cards, removing, naming and counting decks. */
import type { Collection } from '../collection/collection.ts';
import { deckByName, getOrCreateDeck } from '../collection/decks/add.ts';
import { DEFAULT_DECK_ID } from '../collection/decks/defaults.ts';
import { deckDueTree } from '../collection/decks/due-tree.ts';
import { deckById, deckIdOfCard } from '../collection/decks/get.ts';
import { deckNames as listDeckNames, deckNamesAndIds as listDeckNamesAndIds } from '../collection/decks/list.ts';
import { moveCardsToDeck } from '../collection/decks/move.ts';
import { removeDecks } from '../collection/decks/remove.ts';
import { flattenTree } from '../collection/decks/tree.ts';
import type { DeckJson } from '../collection/decks/types.ts';
import { action, opt, req } from './define.ts';
import {
  deckNameNotString,
  deckNotFound,
  deleteDecksNeedsCardsToo,
  notAnInteger,
} from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyIterate, pyInt, pyTruthy as truthy } from './python-values.ts';

/** pylib `decks.id(name)`: the deck's id, creating the deck if needed. */
function deckIdFor(col: Collection, name: unknown): number {
  // upstream: a non-string name fails inside Anki's backend with a TypeError.
  if (typeof name !== 'string') throw new Error(deckNameNotString(pyTypeName(name)));
  return getOrCreateDeck(col, name);
}

/** pylib `decks.get(did)`: any falsy or unknown id gives the Default deck. */
function deckOrDefault(col: Collection, did: unknown): DeckJson | undefined {
  const deck = truthy(did) ? deckById(col, String(pyInt(did))) : undefined;
  return deck ?? deckById(col, DEFAULT_DECK_ID);
}

/** A card id for SQL: an integer, or a string of digits (as `ids2str` and sqlite take it); else undefined. */
function asCardId(value: unknown): number | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function cardId(value: unknown): number {
  const id = asCardId(value);
  if (id === undefined) throw new Error(notAnInteger(pyTypeName(value)));
  return id;
}

export const deckNames = action({}, ({ col }) => listDeckNames(col));

export const deckNamesAndIds = action({}, ({ col }) => listDeckNamesAndIds(col));

export const createDeck = action({ deck: req<string>() }, ({ col }, { deck }) => deckIdFor(col, deck));

export const getDecks = action({ cards: req<number[]>() }, ({ col }, { cards }) => {
  const out: Record<string, unknown[]> = {};
  for (const card of pyIterate(cards)) {
    const id = asCardId(card);
    // upstream: a card that does not exist is listed under the Default deck.
    const deck = deckOrDefault(col, id === undefined ? null : (deckIdOfCard(col, id) ?? null));
    if (!deck) throw new Error(deckNotFound(card));
    (out[deck.name] ??= []).push(card);
  }
  return out;
});

export const changeDeck = action({ cards: req<number[]>(), deck: req<string>() }, ({ col }, { cards, deck }) => {
  const ids = pyIterate(cards).map(cardId);
  moveCardsToDeck(col, ids, deckIdFor(col, deck));
  return null;
});

export const deleteDecks = action({ decks: req<string[]>(), cardsToo: opt<unknown>(false) }, ({ col }, { decks, cardsToo }) => {
  if (!truthy(cardsToo)) throw new Error(deleteDecksNeedsCardsToo);
  for (const name of pyIterate(decks)) {
    // upstream: names match exactly (case too), checked again after each removal.
    if (typeof name !== 'string' || !listDeckNames(col).includes(name)) continue;
    const deck = deckByName(col, name);
    if (deck) removeDecks(col, [Number(deck.id)]);
  }
  return null;
});

export const deckNameFromId = action({ deckId: req<number>() }, ({ col }, { deckId }) => {
  const deck = deckOrDefault(col, deckId);
  if (!deck) throw new Error(deckNotFound(deckId));
  return deck.name;
});

export const getDeckStats = action({ decks: req<string[]>() }, ({ col }, { decks }) => {
  // upstream: `decks.id(name)` creates each deck that does not exist yet.
  const wanted = new Set(pyIterate(decks).map((name) => deckIdFor(col, name)));
  const out: Record<string, DeckStatsReply> = {};
  for (const node of flattenTree(deckDueTree(col))) {
    if (!wanted.has(node.deckId)) continue;
    out[String(node.deckId)] = {
      deck_id: node.deckId,
      name: node.name,
      new_count: node.newCount,
      learn_count: node.learnCount,
      review_count: node.reviewCount,
      total_in_deck: node.totalInDeck,
    };
  }
  return out;
});

interface DeckStatsReply {
  deck_id: number;
  /** The last component of the deck's name, as Anki's deck tree has it. */
  name: string;
  new_count: number;
  learn_count: number;
  review_count: number;
  total_in_deck: number;
}
