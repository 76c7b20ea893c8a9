/** The deck tree's shape (decks/tree.rs): nesting by name, leaf names, the hidden empty Default deck. */
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newDeckJson } from '../../../../extension/collection/decks/defaults.ts';
import { deckTree, flattenTree, type DeckTreeNode } from '../../../../extension/collection/decks/tree.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { insertNoteWithCards } from '../../../helpers/rows.ts';

function shape(node: DeckTreeNode): unknown {
  return node.children.length ? { [node.name]: node.children.map(shape) } : node.name;
}

describe('deckTree', () => {
  it('nests decks by name with their last component as name', async () => {
    const col = await newCollection();
    for (const name of ['1', '2', '2::a', '2::b', '2::c', '2::c::A', '3']) getOrCreateDeck(col, name);
    const tree = deckTree(col);
    expect(tree.children.map(shape)).toEqual(['1', { '2': ['a', 'b', { c: ['A'] }] }, '3']);
    expect(tree.children[1]!.children[2]!.children[0]!.level).toBe(3);
    expect(tree.deckId).toBe(0);
  });

  it('leaves out a deck whose parent is missing when nothing precedes it, else nests it under the deck before', async () => {
    const col = await newCollection();
    getOrCreateDeck(col, '1');
    addRawDeck(col, 7, '0::orphan');
    expect(deckTree(col).children.map(shape)).toEqual(['1']);
    addRawDeck(col, 8, 'zz::child');
    expect(deckTree(col).children.map(shape)).toEqual(['1', { Default: ['child'] }]);
  });

  it('hides an empty Default deck unless it is the only deck', async () => {
    const col = await newCollection();
    expect(deckTree(col).children.map(shape)).toEqual(['Default']);
    getOrCreateDeck(col, 'Other');
    expect(deckTree(col).children.map(shape)).toEqual(['Other']);
    insertNoteWithCards(col, {}, [{ did: 1 }]);
    expect(deckTree(col).children.map(shape)).toEqual(['Default', 'Other']);
  });

  it('keeps an empty Default deck that has children', async () => {
    const col = await newCollection();
    getOrCreateDeck(col, 'Default::kid');
    getOrCreateDeck(col, 'Other');
    expect(deckTree(col).children.map(shape)).toEqual([{ Default: ['kid'] }, 'Other']);
  });

  it('lists parents before children in flattenTree', async () => {
    const col = await newCollection();
    getOrCreateDeck(col, 'a::b');
    expect(flattenTree(deckTree(col)).map((n) => n.name)).toEqual(['', 'a', 'b']);
  });
});

function addRawDeck(col: Collection, id: number, name: string): void {
  col.transact(() => {
    const decks = col.col.get('decks');
    decks[String(id)] = newDeckJson(id, name, 0, -1);
    col.col.save('decks', decks, col.nowMs());
  });
}
