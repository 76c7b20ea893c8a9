/**
 * Finding and creating decks by name, as `decks.id(name)` does in Anki:
 * an existing deck (names compare case-insensitively) gives its id; a new
 * one is created with any missing parents, its name adjusted to the case of
 * an existing parent (decks/addupdate.rs).
 */
import type { Collection } from '../collection.ts';
import { nextJsonId } from '../ids.ts';
import { newDeckJson } from './defaults.ts';
import { foldName, humanDeckName, nativeDeckName, NATIVE_SEPARATOR, parentNativeName } from './names.ts';
import type { DeckJson } from './types.ts';

const MAX_NESTING = 11;

/** The deck with this human name, if any. */
export function deckByName(col: Collection, human: string): DeckJson | undefined {
  return deckByNativeName(col, nativeDeckName(human));
}

function deckByNativeName(col: Collection, native: string): DeckJson | undefined {
  const wanted = foldName(humanDeckName(native));
  for (const deck of Object.values(col.col.get('decks'))) {
    if (foldName(deck.name) === wanted) return deck;
  }
  return undefined;
}

/** The id of the deck named `human`, creating it (and its parents) if missing. */
export function getOrCreateDeck(col: Collection, human: string): number {
  const existing = deckByName(col, human);
  if (existing) return Number(existing.id);
  return col.transact(() => addNormalDeck(col, nativeDeckName(human))).result;
}

function addNormalDeck(col: Collection, native: string): number {
  let name = native;
  const components = name.split(NATIVE_SEPARATOR);
  const parent = firstExistingParent(col, name);
  if (parent) {
    if (parent.dyn) throw new Error('A filtered deck cannot have subdecks.');
    const parentDepth = parent.name.split('::').length;
    name = [nativeDeckName(parent.name), ...components.slice(parentDepth)].join(NATIVE_SEPARATOR);
  }
  createMissingParents(col, name);
  return insertDeck(col, name);
}

function firstExistingParent(col: Collection, native: string): DeckJson | undefined {
  let name = parentNativeName(native);
  for (let level = 0; name !== null; level++) {
    if (level >= MAX_NESTING) throw new Error('deck nesting level too deep');
    const deck = deckByNativeName(col, name);
    if (deck) return deck;
    name = parentNativeName(name);
  }
  return undefined;
}

function createMissingParents(col: Collection, native: string): void {
  let parent = parentNativeName(native);
  const missing: string[] = [];
  while (parent !== null) {
    if (!deckByNativeName(col, parent)) missing.unshift(parent);
    parent = parentNativeName(parent);
  }
  for (const name of missing) insertDeck(col, name);
}

function insertDeck(col: Collection, native: string): number {
  const decks = col.col.get('decks');
  const id = nextJsonId(Object.keys(decks), col.nowMs());
  decks[String(id)] = newDeckJson(id, humanDeckName(native), col.nowSecs(), -1);
  col.col.save('decks', decks, col.nowMs());
  return id;
}
