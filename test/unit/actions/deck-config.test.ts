/** Deck options (preset) actions as a client sees them (version 6 replies). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { getOrCreateDeck } from '../../../extension/collection/decks/add.ts';
import { deckById } from '../../../extension/collection/decks/get.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(60_000);
  return { col, ctx: contextFor(col) };
}

type Preset = Record<string, unknown> & { id: number; name: string; new: { perDay: number } };

describe('getDeckConfig', () => {
  it('gives the preset of a deck', async () => {
    const { col, ctx } = await setup();
    const r = await call(ctx, 'getDeckConfig', { deck: 'Default' });
    expect(r.error).toBeNull();
    expect(r.result).toEqual({ ...col.col.get('dconf')['1'], dyn: false });
    expect(r.result).toMatchObject({ id: 1, name: 'Default', new: { perDay: 20 }, rev: { perDay: 200 } });
  });

  it('is false for a deck that does not exist (names match exactly)', async () => {
    const { ctx } = await setup();
    expect(await call(ctx, 'getDeckConfig', { deck: 'nope' })).toEqual({ result: false, error: null });
    expect(await ok(ctx, 'getDeckConfig', { deck: 'default' })).toBe(false);
    expect(await ok(ctx, 'getDeckConfig', { deck: 1 })).toBe(false);
    expect((await call(ctx, 'getDeckConfig', {})).error).toBe("AnkiConnect.getDeckConfig() missing 1 required positional argument: 'deck'");
  });

  it('gives a filtered deck’s own options', async () => {
    const { col, ctx } = await setup();
    const did = getOrCreateDeck(col, 'Filtered');
    const deck = deckById(col, did)!;
    deck.dyn = 1;
    delete deck.conf;
    deck.terms = [['is:due', 100, 0]];
    expect(await ok(ctx, 'getDeckConfig', { deck: 'Filtered' })).toEqual(JSON.parse(JSON.stringify(deck)));
  });
});

describe('saveDeckConfig', () => {
  it('saves a preset it was given back (AnkiConnect’s own test), and changes', async () => {
    const { col, ctx } = await setup();
    const config = await ok<Preset>(ctx, 'getDeckConfig', { deck: 'Default' });
    expect(await call(ctx, 'saveDeckConfig', { config })).toEqual({ result: true, error: null });
    config.new.perDay = 3;
    config.name = 'Tuned';
    expect(await ok(ctx, 'saveDeckConfig', { config })).toBe(true);
    expect(await ok(ctx, 'getDeckConfig', { deck: 'Default' })).toMatchObject({ name: 'Tuned', new: { perDay: 3 }, mod: col.nowSecs(), usn: -1 });
  });

  it('is false for an unknown id or a preset Anki cannot read', async () => {
    const { ctx } = await setup();
    const config = await ok<Preset>(ctx, 'getDeckConfig', { deck: 'Default' });
    expect(await ok(ctx, 'saveDeckConfig', { config: { ...config, id: 999 } })).toBe(false);
    expect(await ok(ctx, 'saveDeckConfig', { config: { id: 1, name: 'bare' } })).toBe(false);
    expect(await ok(ctx, 'saveDeckConfig', { config: { ...config, maxTaken: 'long' } })).toBe(false);
    expect(await ok(ctx, 'getDeckConfig', { deck: 'Default' })).toEqual(config);
  });

  it('reports what Python reports for a config without a usable id', async () => {
    const { ctx } = await setup();
    const err = async (config: unknown) => (await call(ctx, 'saveDeckConfig', { config })).error;
    expect(await err({ name: 'x' })).toBe("'id'");
    expect(await err([1])).toBe('list indices must be integers or slices, not str');
    expect(await err('x')).toBe("string indices must be integers, not 'str'");
    expect(await err(null)).toBe("'NoneType' object is not subscriptable");
    expect(await err({ id: 'abc' })).toBe("invalid literal for int() with base 10: 'abc'");
    expect(await err({ id: 1.5 })).toBe("invalid literal for int() with base 10: '1.5'");
    expect(await err({ id: null })).toBe("invalid literal for int() with base 10: 'None'");
  });
});

describe('setDeckConfigId', () => {
  it('points decks at a preset', async () => {
    const { col, ctx } = await setup();
    const a = getOrCreateDeck(col, 'A');
    expect(await call(ctx, 'setDeckConfigId', { decks: ['Default'], configId: 1 })).toEqual({ result: true, error: null });
    const id = await ok<number>(ctx, 'cloneDeckConfigId', { name: 'Other' });
    expect(await ok(ctx, 'setDeckConfigId', { decks: ['A', 'Default'], configId: String(id) })).toBe(true);
    expect(deckById(col, a)).toMatchObject({ conf: id, mod: col.nowSecs(), usn: -1 });
    expect(await ok(ctx, 'getDeckConfig', { deck: 'A' })).toMatchObject({ id, name: 'Other' });
  });

  it('is false, changing nothing, when a deck is unknown', async () => {
    const { col, ctx } = await setup();
    getOrCreateDeck(col, 'A');
    expect(await ok(ctx, 'setDeckConfigId', { decks: ['A', 'missing'], configId: 5 })).toBe(false);
    expect(await ok(ctx, 'setDeckConfigId', { decks: 'AZ', configId: 5 })).toBe(false); // Python iterates the letters
    expect(deckById(col, getOrCreateDeck(col, 'A'))!.conf).toBe(1);
  });

  it('does not check the preset, as upstream; the deck then reads the Default one', async () => {
    const { col, ctx } = await setup();
    expect(await ok(ctx, 'setDeckConfigId', { decks: ['Default'], configId: 4242 })).toBe(true);
    expect(deckById(col, 1)!.conf).toBe(4242);
    expect(await ok(ctx, 'getDeckConfig', { deck: 'Default' })).toMatchObject({ id: 1 });
  });

  it('reports a configId int() refuses', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'setDeckConfigId', { decks: ['Default'], configId: 'x' })).error).toBe(
      "invalid literal for int() with base 10: 'x'",
    );
    expect((await call(ctx, 'setDeckConfigId', { decks: ['Default'], configId: null })).error).toBe(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
  });
});

describe('cloneDeckConfigId', () => {
  it('clones the Default preset unless told otherwise, returning the new id', async () => {
    const { col, ctx } = await setup();
    const id = await ok<number>(ctx, 'cloneDeckConfigId', { name: 'test' });
    expect(Number.isInteger(id)).toBe(true);
    expect(col.col.get('dconf')[String(id)]).toMatchObject({ id, name: 'test', new: { perDay: 20 }, usn: -1 });
    col.col.get('dconf')[String(id)]!.new.perDay = 9;
    const id2 = await ok<number>(ctx, 'cloneDeckConfigId', { name: 'copy', cloneFrom: id });
    expect(id2).not.toBe(id);
    expect(col.col.get('dconf')[String(id2)]).toMatchObject({ name: 'copy', new: { perDay: 9 } });
  });

  it('is false for an unknown source, and refuses bad names and ids', async () => {
    const { ctx } = await setup();
    expect(await call(ctx, 'cloneDeckConfigId', { name: 'x', cloneFrom: 31337 })).toEqual({ result: false, error: null });
    expect((await call(ctx, 'cloneDeckConfigId', { name: 5 })).error).toBe('invalid type: integer `5`, expected a string');
    expect((await call(ctx, 'cloneDeckConfigId', { name: 'x', cloneFrom: 'one' })).error).toBe(
      "invalid literal for int() with base 10: 'one'",
    );
    expect((await call(ctx, 'cloneDeckConfigId', {})).error).toBe("AnkiConnect.cloneDeckConfigId() missing 1 required positional argument: 'name'");
  });
});

describe('removeDeckConfigId', () => {
  it('removes a preset once, its decks going back to Default', async () => {
    const { col, ctx } = await setup();
    const id = await ok<number>(ctx, 'cloneDeckConfigId', { name: 'test' });
    getOrCreateDeck(col, 'A');
    await ok(ctx, 'setDeckConfigId', { decks: ['A'], configId: id });
    expect(await call(ctx, 'removeDeckConfigId', { configId: id })).toEqual({ result: true, error: null });
    expect(await ok(ctx, 'removeDeckConfigId', { configId: id })).toBe(false);
    expect(deckById(col, getOrCreateDeck(col, 'A'))!.conf).toBe(1);
    expect(col.col.get('dconf')[String(id)]).toBeUndefined();
  });

  it('refuses the Default preset as Anki does', async () => {
    const { col, ctx } = await setup();
    expect(await call(ctx, 'removeDeckConfigId', { configId: 1 })).toEqual({ result: null, error: "can't delete default conf" });
    expect(col.col.get('dconf')['1']).toBeDefined();
  });

  it('reports a configId int() refuses', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'removeDeckConfigId', { configId: 'abc' })).error).toBe("invalid literal for int() with base 10: 'abc'");
    expect((await call(ctx, 'removeDeckConfigId', { configId: [] })).error).toBe(
      "int() argument must be a string, a bytes-like object or a real number, not 'list'",
    );
  });
});
