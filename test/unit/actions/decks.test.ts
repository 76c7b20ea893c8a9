/** Deck actions as a client sees them (version 6 replies). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { getOrCreateDeck } from '../../../extension/collection/decks/add.ts';
import { deckById } from '../../../extension/collection/decks/get.ts';
import { today } from '../../../extension/collection/scheduler/timing.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { cardRow, cardState, graves, insertNoteWithCards, noteRow } from '../../helpers/rows.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  const testDeck = getOrCreateDeck(col, 'test_deck');
  const a = insertNoteWithCards(col, {}, [{ did: testDeck }, { did: testDeck }]);
  const b = insertNoteWithCards(col, {}, [{ did: 1 }]);
  clock.advance(60_000);
  return { col, clock, ctx: contextFor(col), testDeck, a, b };
}

describe('createDeck', () => {
  it('gives the id of a new or existing deck, and refuses a name that is not a string', async () => {
    const { ctx, testDeck } = await setup();
    expect(await ok(ctx, 'createDeck', { deck: 'TEST_DECK' })).toBe(testDeck);
    expect((await call(ctx, 'createDeck', { deck: 5 })).error).toBe('expected deck name as str, got int');
  });
});

describe('getDecks', () => {
  it('groups cards by deck name, an unknown card under Default', async () => {
    const { ctx, a, b } = await setup();
    expect(await call(ctx, 'getDecks', { cards: [a.cids[0], b.cids[0], 777, a.cids[1]] })).toEqual({
      result: { test_deck: [a.cids[0], a.cids[1]], Default: [b.cids[0], 777] },
      error: null,
    });
    expect(await ok(ctx, 'getDecks', { cards: [] })).toEqual({});
  });

  it('needs an iterable of cards', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'getDecks', { cards: 3 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'getDecks', {})).error).toBe("AnkiConnect.getDecks() missing 1 required positional argument: 'cards'");
  });
});

describe('changeDeck', () => {
  it('moves cards to a deck, creating it', async () => {
    const { col, ctx, a } = await setup();
    expect(await call(ctx, 'changeDeck', { cards: [a.cids[0]], deck: 'bar::baz' })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'deckNames')).toEqual(['bar', 'bar::baz', 'Default', 'test_deck']);
    const target = (await ok<Record<string, number>>(ctx, 'deckNamesAndIds'))['bar::baz'];
    expect(cardRow(col, a.cids[0]!)).toMatchObject({ did: target, mod: col.nowSecs(), usn: -1 });
    expect(cardRow(col, a.cids[1]!)!.did).not.toBe(target);
  });

  it('refuses bad cards or deck names before changing anything', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'changeDeck', { cards: ['x'], deck: 'new' })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'changeDeck', { cards: [1], deck: null })).error).toBe('expected deck name as str, got NoneType');
    expect(await ok(ctx, 'deckNames')).toEqual(['Default', 'test_deck']);
  });
});

describe('deleteDecks', () => {
  it('requires cardsToo to be true', async () => {
    const { ctx } = await setup();
    const text = "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well";
    expect(await call(ctx, 'deleteDecks', { decks: ['test_deck'] })).toEqual({ result: null, error: text });
    expect((await call(ctx, 'deleteDecks', { decks: ['test_deck'], cardsToo: false })).error).toBe(text);
    expect(await ok(ctx, 'deckNames')).toEqual(['Default', 'test_deck']);
  });

  it('deletes decks, their subdecks, cards and orphaned notes', async () => {
    const { col, ctx, testDeck, a, b } = await setup();
    const child = getOrCreateDeck(col, 'test_deck::child');
    const c = insertNoteWithCards(col, {}, [{ did: child }]);
    expect(await call(ctx, 'deleteDecks', { decks: ['test_deck', 'test_deck::child', 'nope'], cardsToo: true })).toEqual({
      result: null,
      error: null,
    });
    expect(await ok(ctx, 'deckNames')).toEqual(['Default']);
    expect(noteRow(col, a.nid)).toBeUndefined();
    expect(noteRow(col, c.nid)).toBeUndefined();
    expect(noteRow(col, b.nid)).toBeDefined();
    expect(graves(col).filter(([, t]) => t === 2)).toEqual([
      [testDeck, 2],
      [child, 2],
    ]);
  });

  it('matches names exactly, case included', async () => {
    const { ctx } = await setup();
    await ok(ctx, 'deleteDecks', { decks: ['TEST_DECK', 5, null], cardsToo: true });
    expect(await ok(ctx, 'deckNames')).toEqual(['Default', 'test_deck']);
  });

  it('keeps the Default deck when asked to delete everything', async () => {
    const { ctx, b, col } = await setup();
    await ok(ctx, 'deleteDecks', { decks: await ok(ctx, 'deckNames'), cardsToo: true });
    expect(await ok(ctx, 'deckNames')).toEqual(['Default']);
    expect(noteRow(col, b.nid)).toBeUndefined();
  });

  it('needs an iterable of names', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'deleteDecks', { decks: 1, cardsToo: true })).error).toBe("'int' object is not iterable");
  });
});

describe('deckNameFromId', () => {
  it('names a deck by id', async () => {
    const { ctx, testDeck } = await setup();
    expect(await call(ctx, 'deckNameFromId', { deckId: testDeck })).toEqual({ result: 'test_deck', error: null });
    expect(await ok(ctx, 'deckNameFromId', { deckId: String(testDeck) })).toBe('test_deck');
  });

  it('gives the Default deck for an unknown or empty id, as pylib decks.get does', async () => {
    const { ctx } = await setup();
    expect(await ok(ctx, 'deckNameFromId', { deckId: 12345 })).toBe('Default');
    expect(await ok(ctx, 'deckNameFromId', { deckId: 0 })).toBe('Default');
    expect(await ok(ctx, 'deckNameFromId', { deckId: null })).toBe('Default');
  });

  it('reports ids int() refuses, and a missing Default deck', async () => {
    const { col, ctx } = await setup();
    expect((await call(ctx, 'deckNameFromId', { deckId: 'abc' })).error).toBe("invalid literal for int() with base 10: 'abc'");
    expect((await call(ctx, 'deckNameFromId', { deckId: [1] })).error).toBe(
      "int() argument must be a string, a bytes-like object or a real number, not 'list'",
    );
    delete col.col.get('decks')['1'];
    expect(await call(ctx, 'deckNameFromId', { deckId: 5 })).toEqual({ result: null, error: 'deck was not found: 5' });
  });
});

describe('getDeckStats', () => {
  it('gives the Default deck’s counts in a new collection', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    expect(await call(ctx, 'getDeckStats', { decks: ['Default'] })).toEqual({
      result: { '1': { deck_id: 1, name: 'Default', new_count: 0, learn_count: 0, review_count: 0, total_in_deck: 0 } },
      error: null,
    });
  });

  it('counts a parent and child deck, naming each by its last component', async () => {
    const { col, ctx, clock } = await setup();
    clock.advance(3 * 86_400_000);
    const day = today(col);
    const now = col.nowSecs();
    const parent = getOrCreateDeck(col, 'Lang');
    const child = getOrCreateDeck(col, 'Lang::fr');
    for (let i = 0; i < 25; i++) insertNoteWithCards(col, {}, [{ did: child, ...cardState.new(i) }]);
    for (let i = 0; i < 10; i++) insertNoteWithCards(col, {}, [{ did: parent, ...cardState.new(i) }]);
    insertNoteWithCards(col, {}, [{ did: parent, ...cardState.review(day) }, { did: parent, ...cardState.learning(now) }]);
    insertNoteWithCards(col, {}, [{ did: child, ...cardState.review(day + 1) }]);
    deckById(col, child)!.newToday = [day, 4];
    const stats = await ok<Record<string, unknown>>(ctx, 'getDeckStats', { decks: ['Lang::fr', 'Lang', 'test_deck'] });
    // fr: 25 new, 20 a day, 4 studied → 16; Lang: its 10 + fr's 16, capped at 20
    expect(stats).toEqual({
      [String(parent)]: { deck_id: parent, name: 'Lang', new_count: 20, learn_count: 1, review_count: 1, total_in_deck: 12 },
      [String(child)]: { deck_id: child, name: 'fr', new_count: 16, learn_count: 0, review_count: 0, total_in_deck: 26 },
      [String((await ok<Record<string, number>>(ctx, 'deckNamesAndIds')).test_deck)]: {
        deck_id: (await ok<Record<string, number>>(ctx, 'deckNamesAndIds')).test_deck,
        name: 'test_deck',
        new_count: 2,
        learn_count: 0,
        review_count: 0,
        total_in_deck: 2,
      },
    });
  });

  it('creates a deck it does not know, and leaves out an empty Default deck', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    const stats = await ok<Record<string, { name: string }>>(ctx, 'getDeckStats', { decks: ['Brand new', 'Default'] });
    expect(Object.values(stats).map((s) => s.name)).toEqual(['Brand new']);
    expect(await ok(ctx, 'deckNames')).toEqual(['Brand new', 'Default']);
  });

  it('refuses names that are not strings and a missing argument', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    expect((await call(ctx, 'getDeckStats', { decks: [1] })).error).toBe('expected deck name as str, got int');
    expect((await call(ctx, 'getDeckStats', { decks: 1 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'getDeckStats', {})).error).toBe("AnkiConnect.getDeckStats() missing 1 required positional argument: 'decks'");
  });
});
