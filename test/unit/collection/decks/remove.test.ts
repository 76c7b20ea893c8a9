/** Removing decks with their subdecks, cards and orphaned notes (decks/remove.rs). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { deckById } from '../../../../extension/collection/decks/get.ts';
import { deckNames } from '../../../../extension/collection/decks/list.ts';
import { removeDecks } from '../../../../extension/collection/decks/remove.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, cardState, graves, insertCard, insertNote, insertNoteWithCards, noteRow } from '../../../helpers/rows.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  const d = Object.fromEntries(['Lang', 'Lang::fr', 'Lang::fr::verbs', 'Langue', 'Keep'].map((n) => [n, getOrCreateDeck(col, n)]));
  clock.advance(5000);
  return { col, clock, d: d as Record<string, number> };
}

function setConf(col: Collection, values: Record<string, unknown>): void {
  col.transact(() => col.col.save('conf', Object.assign(col.col.get('conf'), values), col.nowMs()));
}

describe('removeDecks', () => {
  it('removes the deck, its subdecks, their cards and the notes left without cards', async () => {
    const { col, d } = await setup();
    const shared = insertNoteWithCards(col, {}, [{ did: d['Lang::fr'] }, { did: d.Keep }]);
    const verbs = insertNoteWithCards(col, {}, [{ did: d['Lang::fr::verbs'] }]);
    const both = insertNoteWithCards(col, {}, [{ did: d.Lang }, { did: d['Lang::fr'] }]);
    const other = insertNoteWithCards(col, {}, [{ did: d.Langue }]);
    setConf(col, { [`_deck_${d.Lang}_lastNotetype`]: 1, [`_deck_${d['Lang::fr']}_x`]: 2, [`_deck_${d.Keep}_lastNotetype`]: 3 });

    expect(removeDecks(col, [d.Lang!])).toBe(4);

    expect(deckNames(col)).toEqual(['Default', 'Keep', 'Langue']);
    expect(noteRow(col, shared.nid)).toBeDefined();
    expect(cardRow(col, shared.cids[0]!)).toBeUndefined();
    expect(cardRow(col, shared.cids[1]!)).toBeDefined();
    expect(noteRow(col, verbs.nid)).toBeUndefined();
    expect(noteRow(col, both.nid)).toBeUndefined();
    expect(cardRow(col, other.cids[0]!)).toBeDefined();
    const g = graves(col);
    expect(g.filter(([, t]) => t === 0).map(([id]) => id).sort()).toEqual([shared.cids[0], verbs.cids[0], ...both.cids].sort());
    expect(g.filter(([, t]) => t === 1).map(([id]) => id).sort()).toEqual([verbs.nid, both.nid].sort());
    expect(g.filter(([, t]) => t === 2).map(([id]) => id)).toEqual([d.Lang, d['Lang::fr'], d['Lang::fr::verbs']]);
    expect(Object.keys(col.col.get('conf')).filter((k) => k.startsWith('_deck_'))).toEqual([`_deck_${d.Keep}_lastNotetype`]);
    expect(col.db.scalar('select mod from col')).toBe(col.nowMs());
  });

  it('matches subdecks case-insensitively and skips ids that are gone', async () => {
    const { col, d } = await setup();
    col.transact(() => {
      deckById(col, d['Lang::fr']!)!.name = 'LANG::fr';
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    expect(removeDecks(col, [d.Lang!, d['Lang::fr']!, 424242])).toBe(0);
    expect(deckNames(col)).toEqual(['Default', 'Keep', 'Langue']);
  });

  it('keeps the Default deck, emptied and named Default again', async () => {
    const { col, clock } = await setup();
    const kid = getOrCreateDeck(col, 'Default::kid');
    const n = insertNoteWithCards(col, {}, [{ did: 1 }, { did: kid }]);
    col.transact(() => {
      deckById(col, 1)!.name = 'Renamed';
      deckById(col, kid)!.name = 'Renamed::kid';
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    clock.advance(7000);
    expect(removeDecks(col, [1])).toBe(2);
    expect(deckById(col, 1)).toMatchObject({ name: 'Default', mod: col.nowSecs(), usn: -1 });
    expect(deckById(col, kid)).toBeUndefined();
    expect(noteRow(col, n.nid)).toBeUndefined();
    expect(graves(col).filter(([, t]) => t === 2)).toEqual([[kid, 2]]);
  });

  it('adds "+" to the Default deck’s name while another deck has it', async () => {
    const { col } = await setup();
    col.transact(() => {
      deckById(col, 1)!.name = 'Old';
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    getOrCreateDeck(col, 'default');
    removeDecks(col, [1]);
    expect(deckById(col, 1)!.name).toBe('Default+');
  });

  it('sends the cards of a filtered deck home, restoring their queues', async () => {
    const { col, d, clock } = await setup();
    const filtered = getOrCreateDeck(col, 'Filtered');
    col.transact(() => {
      const f = deckById(col, filtered)!;
      f.dyn = 1;
      delete f.conf;
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    const nid = insertNote(col);
    const inFiltered = { did: filtered, odid: d.Keep, due: -100000, mod: 1 };
    const review = insertCard(col, { nid, ...inFiltered, type: 2, queue: 2, odue: 40 });
    const learning = insertCard(col, { nid, ...inFiltered, type: 1, queue: 2, odue: 1_800_000_000 });
    const dayLearn = insertCard(col, { nid, ...inFiltered, type: 3, queue: 2, odue: 41 });
    const suspended = insertCard(col, { nid, ...inFiltered, type: 2, queue: -1, odue: 42 });
    const homeless = insertCard(col, { nid, did: filtered, ...cardState.new(3) });
    clock.advance(1000);
    expect(removeDecks(col, [filtered])).toBe(0);
    const home = { did: d.Keep, odid: 0, odue: 0, mod: col.nowSecs(), usn: -1 };
    expect(cardRow(col, review)).toMatchObject({ ...home, queue: 2, due: 40 });
    expect(cardRow(col, learning)).toMatchObject({ ...home, queue: 1, due: 1_800_000_000 });
    expect(cardRow(col, dayLearn)).toMatchObject({ ...home, queue: 3, due: 41 });
    expect(cardRow(col, suspended)).toMatchObject({ ...home, queue: -1, due: 42 });
    expect(cardRow(col, homeless)).toMatchObject({ did: filtered });
    expect(graves(col)).toEqual([[filtered, 2]]);
  });

  it('leaves a removed deck’s cards that sit in a filtered deck, as Anki does', async () => {
    const { col, d } = await setup();
    const nid = insertNote(col);
    const away = insertCard(col, { nid, did: d.Keep, odid: d.Langue, odue: 5, due: -100000 });
    removeDecks(col, [d.Langue!]);
    expect(cardRow(col, away)).toMatchObject({ odid: d.Langue });
  });

  it('writes nothing for ids that are not decks', async () => {
    const { col } = await setup();
    const out = col.transact(() => removeDecks(col, [999]));
    expect(out.statements).toEqual([]);
  });
});
