/** Presets in col.dconf: the options of a deck, saving, adding, assigning and removing. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { setDecksConfigId } from '../../../../extension/collection/deck-config/assign.ts';
import { deckConfigById, deckConfigOrDefault, optionsForDeck } from '../../../../extension/collection/deck-config/get.ts';
import { InvalidDeckConfig } from '../../../../extension/collection/deck-config/normalize.ts';
import { removeDeckConfig } from '../../../../extension/collection/deck-config/remove.ts';
import { addDeckConfig, updateDeckConfig } from '../../../../extension/collection/deck-config/save.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { deckById } from '../../../../extension/collection/decks/get.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(3000);
  return { col, clock };
}

describe('optionsForDeck', () => {
  it('gives a copy of the deck’s preset with dyn false', async () => {
    const { col } = await setup();
    const opts = optionsForDeck(col, deckById(col, 1)!);
    expect(opts).toEqual({ ...deckConfigById(col, 1), dyn: false });
    (opts as { name: string }).name = 'changed';
    expect(deckConfigById(col, 1)!.name).toBe('Default');
  });

  it('falls back to the Default preset when the deck’s is missing', async () => {
    const { col } = await setup();
    const deck = deckById(col, getOrCreateDeck(col, 'X'))!;
    deck.conf = 424242;
    expect(optionsForDeck(col, deck)).toMatchObject({ id: 1, name: 'Default' });
    (deck as { conf: unknown }).conf = '1';
    expect(optionsForDeck(col, deck)).toMatchObject({ id: 1 });
  });

  it('gives the deck itself for a filtered deck', async () => {
    const { col } = await setup();
    const deck = deckById(col, getOrCreateDeck(col, 'F'))!;
    deck.dyn = 1;
    delete deck.conf;
    deck.terms = [['', 100, 0]];
    expect(optionsForDeck(col, deck)).toEqual(deck);
  });

  it('has Anki’s defaults when even the Default preset is gone', async () => {
    const { col } = await setup();
    delete col.col.get('dconf')['1'];
    expect(deckConfigOrDefault(col, 1)).toMatchObject({ id: 1, new: { perDay: 20 } });
  });
});

describe('updateDeckConfig and addDeckConfig', () => {
  it('saves a changed preset, marking it modified', async () => {
    const { col } = await setup();
    const given = { ...structuredClone(deckConfigById(col, 1)!), id: '1', name: 'Renamed', new: { ...deckConfigById(col, 1)!.new, perDay: 7 } };
    updateDeckConfig(col, 1, given);
    expect(deckConfigById(col, 1)).toMatchObject({ id: 1, name: 'Renamed', mod: col.nowSecs(), usn: -1, new: { perDay: 7 } });
    expect(Object.keys(col.col.get('dconf'))).toEqual(['1']);
  });

  it('refuses a preset Anki cannot read, writing nothing', async () => {
    const { col } = await setup();
    const before = structuredClone(deckConfigById(col, 1));
    expect(() => updateDeckConfig(col, 1, { id: 1, name: 'x' })).toThrow(InvalidDeckConfig);
    expect(deckConfigById(col, 1)).toEqual(before);
  });

  it('adds a named copy with a new epoch-ms id', async () => {
    const { col } = await setup();
    const source = deckConfigById(col, 1)!;
    source.new.perDay = 11;
    const id = addDeckConfig(col, 'Copy', source);
    const id2 = addDeckConfig(col, 'Copy 2', source);
    expect(id).toBe(col.nowMs());
    expect(id2).toBe(col.nowMs() + 1);
    expect(deckConfigById(col, id)).toMatchObject({ id, name: 'Copy', mod: col.nowSecs(), usn: -1, new: { perDay: 11 } });
  });
});

describe('setDecksConfigId', () => {
  it('points decks at a preset, marking them modified', async () => {
    const { col } = await setup();
    const a = getOrCreateDeck(col, 'A');
    setDecksConfigId(col, [a, 1, 999], 555);
    expect(deckById(col, a)).toMatchObject({ conf: 555, mod: col.nowSecs(), usn: -1 });
    expect(deckById(col, 1)!.conf).toBe(555);
  });
});

describe('removeDeckConfig', () => {
  it('removes a preset, moves its decks to Default and marks the schema changed', async () => {
    const { col, clock } = await setup();
    const id = addDeckConfig(col, 'Gone', deckConfigById(col, 1)!);
    const a = getOrCreateDeck(col, 'A');
    const b = getOrCreateDeck(col, 'B');
    setDecksConfigId(col, [a], id);
    clock.advance(5000);
    const scm = col.col.scalars().scm;
    expect(removeDeckConfig(col, id)).toBe(true);
    expect(deckConfigById(col, id)).toBeUndefined();
    expect(deckById(col, a)).toMatchObject({ conf: 1, mod: col.nowSecs() });
    expect(deckById(col, b)!.mod).toBeLessThan(col.nowSecs());
    expect(col.db.scalar('select scm from col')).toBe(col.nowMs());
    expect(col.nowMs()).toBeGreaterThan(scm);
  });

  it('is false for an unknown preset and refuses the Default one', async () => {
    const { col } = await setup();
    expect(removeDeckConfig(col, 123)).toBe(false);
    expect(() => removeDeckConfig(col, 1)).toThrow();
    expect(deckConfigById(col, 1)).toBeDefined();
  });
});

describe('optionsForDeck with an old preset', () => {
  it('fills in what Anki would, keeping the old keys', async () => {
    const { col } = await setup();
    const dconf = col.col.get('dconf');
    dconf['1'] = {
      id: 1, mod: 5, name: 'Default', usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
      new: { delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      rev: { ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 100, fuzz: 0.05, minSpace: 1 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    } as never;
    const opts = optionsForDeck(col, deckById(col, 1)!);
    expect(opts).toMatchObject({ mod: 5, usn: 0, newMix: 0, waitForAudio: true, new: { ints: [1, 4, 0], separate: true, bury: false } });
  });

  it('gives a preset Anki could not read as it is stored', async () => {
    const { col } = await setup();
    col.col.get('dconf')['1'] = { id: 1, name: 'Broken' } as never;
    expect(optionsForDeck(col, deckById(col, 1)!)).toEqual({ id: 1, name: 'Broken', dyn: false });
  });
});
