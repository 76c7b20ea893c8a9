/** Moving cards between decks as AnkiConnect's changeDeck does (raw SQL). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { moveCardsToDeck } from '../../../../extension/collection/decks/move.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, insertCard, insertNote } from '../../../helpers/rows.ts';

describe('moveCardsToDeck', () => {
  it('moves the listed cards, marking them modified, and leaves others', async () => {
    const clock = fixedClock(TEST_NOW);
    const col = await newCollection(clock);
    const target = getOrCreateDeck(col, 'Target');
    const nid = insertNote(col);
    const a = insertCard(col, { nid, mod: 1, usn: 3 });
    const b = insertCard(col, { nid, ord: 1, mod: 1, usn: 3 });
    clock.advance(90_000);
    moveCardsToDeck(col, [a, 555], target);
    expect(cardRow(col, a)).toMatchObject({ did: target, mod: col.nowSecs(), usn: -1 });
    expect(cardRow(col, b)).toMatchObject({ did: 1, mod: 1, usn: 3 });
    expect(col.col.scalars().mod).toBe(col.nowMs());
  });

  it('takes cards out of a filtered deck first (legacy remFromDyn)', async () => {
    const col = await newCollection(fixedClock(TEST_NOW));
    const home = getOrCreateDeck(col, 'Home');
    const target = getOrCreateDeck(col, 'Target');
    const nid = insertNote(col);
    const learning = insertCard(col, { nid, did: 99, odid: home, type: 1, queue: 2, due: -100000, odue: 1_800_000_000 });
    const review = insertCard(col, { nid, did: 99, odid: home, type: 2, queue: 2, due: -99999, odue: 30 });
    const buried = insertCard(col, { nid, did: 99, odid: home, type: 2, queue: -2, due: -99998, odue: 0 });
    moveCardsToDeck(col, [learning, review, buried], target);
    expect(cardRow(col, learning)).toMatchObject({ did: target, odid: 0, odue: 0, queue: 1, due: 1_800_000_000 });
    expect(cardRow(col, review)).toMatchObject({ did: target, odid: 0, queue: 2, due: 30 });
    expect(cardRow(col, buried)).toMatchObject({ did: target, odid: 0, queue: -2, due: -99998 });
  });

  it('handles more cards than one statement binds', async () => {
    const col = await newCollection(fixedClock(TEST_NOW));
    const target = getOrCreateDeck(col, 'Target');
    const nid = insertNote(col);
    const ids = Array.from({ length: 601 }, (_, i) => insertCard(col, { nid, id: 1000 + i, ord: i }));
    moveCardsToDeck(col, ids, target);
    expect(col.db.scalar('select count() from cards where did = ?', [target])).toBe(601);
  });

  it('does nothing for no cards', async () => {
    const col = await newCollection(fixedClock(TEST_NOW));
    expect(col.transact(() => moveCardsToDeck(col, [], 1)).statements).toEqual([]);
  });
});
