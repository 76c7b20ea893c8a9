/** Review log rows of decks and cards, and inserting rows as a client sends them. */
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import {
  conflictingRevlogIds,
  deckReviews,
  insertRevlogRows,
  latestDeckReviewId,
  reviewsOfCards,
  type RevlogTuple,
} from '../../../../extension/collection/stats/revlog.ts';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertNoteWithCards } from '../../../helpers/rows.ts';
import { insertRevlog, review } from './seed.ts';

async function setup() {
  const col = await newCollection();
  const deck = getOrCreateDeck(col, 'test_deck');
  const sub = getOrCreateDeck(col, 'test_deck::sub');
  const { cids } = insertNoteWithCards(col, {}, [{ did: deck }, { did: deck }, { did: sub }, { did: 1 }]);
  const [a, b, c, d] = cids as [number, number, number, number];
  insertRevlog(col, [review(100, a), review(300, b), review(200, a, { ease: 1, type: 0 }), review(400, c), review(500, d)]);
  return { col, deck, sub, a, b, c, d };
}

function allRows(col: Collection) {
  return col.db.rows('select * from revlog order by id');
}

describe('deckReviews', () => {
  it('gives the nine columns of reviews of cards in the deck itself after startId, oldest first', async () => {
    const { col, deck, a, b } = await setup();
    expect(deckReviews(col, deck, 0)).toEqual([
      [100, a, -1, 3, 1, 0, 2500, 5000, 1],
      [200, a, -1, 1, 1, 0, 2500, 5000, 0],
      [300, b, -1, 3, 1, 0, 2500, 5000, 1],
    ]);
    expect(deckReviews(col, deck, 200).map((r) => r[0])).toEqual([300]);
    expect(deckReviews(col, deck, 300)).toEqual([]);
  });

  it('compares with SQLite rules: a numeric string as a number, other text above every id, null never', async () => {
    const { col, deck } = await setup();
    expect(deckReviews(col, deck, '150').map((r) => r[0])).toEqual([200, 300]);
    expect(deckReviews(col, deck, 150.5).map((r) => r[0])).toEqual([200, 300]);
    expect(deckReviews(col, deck, 'abc')).toEqual([]);
    expect(deckReviews(col, deck, null)).toEqual([]);
  });
});

describe('latestDeckReviewId', () => {
  it('is the largest review id of the deck’s cards, or null', async () => {
    const { col, deck, sub } = await setup();
    expect(latestDeckReviewId(col, deck)).toBe(300);
    expect(latestDeckReviewId(col, sub)).toBe(400);
    expect(latestDeckReviewId(col, getOrCreateDeck(col, 'empty'))).toBe(null);
  });
});

describe('reviewsOfCards', () => {
  it('groups reviews by card, oldest first, without the card id', async () => {
    const { col, a, d } = await setup();
    const got = reviewsOfCards(col, [a, d, a, 999]);
    expect([...got.keys()].sort()).toEqual([a, d].sort());
    expect(got.get(a)).toEqual([
      { id: 100, usn: -1, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 1 },
      { id: 200, usn: -1, ease: 1, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 0 },
    ]);
    expect(got.get(d)?.map((r) => r.id)).toEqual([500]);
  });

  it('looks up more cards than one statement binds', async () => {
    const { col, a, d } = await setup();
    const many = Array.from({ length: 2500 }, (_, i) => 10_000 + i);
    const got = reviewsOfCards(col, [...many, d, a]);
    expect(got.get(a)?.length).toBe(2);
    expect(got.get(d)?.length).toBe(1);
  });
});

describe('conflictingRevlogIds', () => {
  it('names ids already taken and ids given twice, in order', async () => {
    const { col } = await setup();
    expect(conflictingRevlogIds(col, [600, 300, 700, 700, 100])).toEqual([100, 300, 700]);
    expect(conflictingRevlogIds(col, [600, 601])).toEqual([]);
  });
});

describe('insertRevlogRows', () => {
  it('inserts the rows as given, in a few statements, and marks the collection modified', async () => {
    const clock = fixedClock(TEST_NOW);
    const col = await newCollection(clock);
    clock.advance(5000);
    const rows: RevlogTuple[] = Array.from({ length: 250 }, (_, i) => [1000 + i, 7, -1, 3, i, -60, 2500, 6157, 1]);
    const seen: number[] = [];
    col.onCommit = (statements) => seen.push(statements.length);
    insertRevlogRows(col, rows);
    expect(allRows(col)).toEqual(rows);
    expect(seen).toEqual([4]); // 3 inserts of at most 100 rows, and the col row
    expect(col.col.scalars().mod).toBe(TEST_NOW + 5000);
  });

  it('writes nothing for no rows, and keeps nothing when an id is taken', async () => {
    const { col } = await setup();
    const before = allRows(col);
    insertRevlogRows(col, []);
    expect(() => insertRevlogRows(col, [[900, 1, -1, 3, 1, 0, 0, 0, 0], [100, 1, -1, 3, 1, 0, 0, 0, 0]])).toThrow(/UNIQUE/);
    expect(allRows(col)).toEqual(before);
  });
});
