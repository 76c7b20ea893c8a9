/** Statistic actions as a client sees them (version 6 replies), error paths included. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { getOrCreateDeck } from '../../../extension/collection/decks/add.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { insertNoteWithCards } from '../../helpers/rows.ts';
import { insertRevlog, localMs, review, seedStatsCollection } from '../collection/stats/seed.ts';

const EST = 300;

async function setup() {
  const col = await newCollection(fixedClock(TEST_NOW, EST));
  const testDeck = getOrCreateDeck(col, 'test_deck');
  const { cids } = insertNoteWithCards(col, {}, [{ did: testDeck }, { did: testDeck }, { did: 1 }]);
  const [a, b, other] = cids as [number, number, number];
  return { col, ctx: contextFor(col), testDeck, a, b, other };
}

function revlogRows(col: Awaited<ReturnType<typeof setup>>['col']) {
  return col.db.rows('select * from revlog order by id');
}

describe('getNumCardsReviewedToday', () => {
  it('counts reviews since the last rollover', async () => {
    const { col, ctx } = await setup();
    expect(await call(ctx, 'getNumCardsReviewedToday')).toEqual({ result: 0, error: null });
    // TEST_NOW is 07:00 in UTC-5: the day began at 04:00.
    insertRevlog(col, [review(localMs(2026, 3, 10, 3, 59, 0, EST), 1), review(localMs(2026, 3, 10, 4, 0, 1, EST), 1), review(TEST_NOW, 2)]);
    expect(await ok(ctx, 'getNumCardsReviewedToday')).toBe(2);
    expect((await call(ctx, 'getNumCardsReviewedToday', { x: 1 })).error).toBe(
      "AnkiConnect.getNumCardsReviewedToday() got an unexpected keyword argument 'x'",
    );
  });
});

describe('getNumCardsReviewedByDay', () => {
  it('gives [date, count] pairs, newest first', async () => {
    const { col, ctx } = await setup();
    expect(await ok(ctx, 'getNumCardsReviewedByDay')).toEqual([]);
    insertRevlog(col, [
      review(localMs(2026, 3, 10, 3, 59, 0, EST), 1),
      review(localMs(2026, 3, 10, 4, 0, 1, EST), 1),
      review(TEST_NOW, 2),
      review(localMs(2026, 2, 27, 12, 0, 0, EST), 2),
    ]);
    expect(await call(ctx, 'getNumCardsReviewedByDay')).toEqual({
      result: [
        ['2026-03-10', 2],
        ['2026-03-09', 1],
        ['2026-02-27', 1],
      ],
      error: null,
    });
  });
});

describe('cardReviews', () => {
  it('gives the 9-tuples of the deck’s reviews after startID', async () => {
    const { col, ctx, a, b, other } = await setup();
    expect(await ok(ctx, 'cardReviews', { deck: 'test_deck', startID: 0 })).toEqual([]);
    insertRevlog(col, [[456, a, -1, 3, 4, -60, 2500, 6157, 0], [789, b, -1, 1, -60, -60, 0, 4846, 0], [800, other, -1, 3, 1, 0, 2500, 1, 1]]);
    expect(await call(ctx, 'cardReviews', { deck: 'test_deck', startID: 0 })).toEqual({
      result: [
        [456, a, -1, 3, 4, -60, 2500, 6157, 0],
        [789, b, -1, 1, -60, -60, 0, 4846, 0],
      ],
      error: null,
    });
    expect(await ok(ctx, 'cardReviews', { deck: 'TEST_DECK', startID: 456 })).toEqual([[789, b, -1, 1, -60, -60, 0, 4846, 0]]);
    expect(await ok(ctx, 'cardReviews', { deck: 'test_deck', startID: '500' })).toHaveLength(1);
    expect(await ok(ctx, 'cardReviews', { deck: 'test_deck', startID: null })).toEqual([]);
  });

  it('creates a deck that does not exist, as upstream does', async () => {
    const { ctx } = await setup();
    expect(await ok(ctx, 'cardReviews', { deck: 'brand new', startID: 0 })).toEqual([]);
    expect(await ok(ctx, 'deckNames')).toContain('brand new');
  });

  it('refuses bad parameters without creating anything', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'cardReviews', { deck: 'x', startID: true })).error).toBe('startID must be a number, not bool');
    expect((await call(ctx, 'cardReviews', { deck: 'x', startID: [1] })).error).toBe('startID must be a number, not list');
    expect((await call(ctx, 'cardReviews', { deck: 5, startID: 0 })).error).toBe('expected deck name as str, got int');
    expect((await call(ctx, 'cardReviews', { deck: 5, startID: false })).error).toBe('expected deck name as str, got int');
    expect((await call(ctx, 'cardReviews', { deck: 'x' })).error).toBe("AnkiConnect.cardReviews() missing 1 required positional argument: 'startID'");
    expect((await call(ctx, 'cardReviews', {})).error).toBe(
      "AnkiConnect.cardReviews() missing 2 required positional arguments: 'deck' and 'startID'",
    );
    expect(await ok(ctx, 'deckNames')).toEqual(['Default', 'test_deck']);
  });
});

describe('getLatestReviewID', () => {
  it('gives the latest review id of the deck, 0 when none', async () => {
    const { col, ctx, a, other } = await setup();
    expect(await call(ctx, 'getLatestReviewID', { deck: 'test_deck' })).toEqual({ result: 0, error: null });
    insertRevlog(col, [review(456, a), review(789, a), review(999, other)]);
    expect(await ok(ctx, 'getLatestReviewID', { deck: 'test_deck' })).toBe(789);
    expect(await ok(ctx, 'getLatestReviewID', { deck: 'Default' })).toBe(999);
  });

  it('creates a missing deck, and refuses a name that is not a string', async () => {
    const { ctx } = await setup();
    expect(await ok(ctx, 'getLatestReviewID', { deck: 'new::deck' })).toBe(0);
    expect(await ok(ctx, 'deckNames')).toEqual(['Default', 'new', 'new::deck', 'test_deck']);
    expect((await call(ctx, 'getLatestReviewID', { deck: null })).error).toBe('expected deck name as str, got NoneType');
    expect((await call(ctx, 'getLatestReviewID', {})).error).toBe("AnkiConnect.getLatestReviewID() missing 1 required positional argument: 'deck'");
  });
});

describe('insertReviews', () => {
  it('inserts reviews that cardReviews, getLatestReviewID and getReviewsOfCards then give back (upstream test_stats)', async () => {
    const { ctx, a, b } = await setup();
    const reviews = [
      [456, a, -1, 3, 4, -60, 2500, 6157, 0],
      [789, b, -1, 1, -60, -60, 0, 4846, 0],
    ];
    expect(await call(ctx, 'insertReviews', { reviews })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'cardReviews', { deck: 'test_deck', startID: 0 })).toEqual(reviews);
    expect(await ok(ctx, 'getLatestReviewID', { deck: 'test_deck' })).toBe(789);
    expect(await ok(ctx, 'getReviewsOfCards', { cards: [a] })).toEqual({
      [a]: [{ id: 456, usn: -1, ease: 3, ivl: 4, lastIvl: -60, factor: 2500, time: 6157, type: 0 }],
    });
    expect(await call(ctx, 'insertReviews', { reviews: [] })).toEqual({ result: null, error: null });
  });

  it('refuses anything but lists of 9 integers in range, inserting none of the reviews', async () => {
    const { col, ctx, a } = await setup();
    const good = [1000, a, -1, 3, 4, -60, 2500, 6157, 0];
    const refused = async (reviews: unknown) => (await call(ctx, 'insertReviews', { reviews })).error;
    expect(await refused([good, [1, 2, 3]])).toBe(
      'reviews[1] must be a list of 9 integers [id, cid, usn, ease, ivl, lastIvl, factor, time, type], not [1, 2, 3]',
    );
    expect(await refused([good, { id: 5 }])).toBe(
      "reviews[1] must be a list of 9 integers [id, cid, usn, ease, ivl, lastIvl, factor, time, type], not {'id': 5}",
    );
    expect(await refused([[1001, a, -1, 3, 4, -60, 2500, '6157', 0]])).toBe("reviews[0]: time must be an integer from 0 to 4294967295, not 6157");
    expect(await refused([[1001, a, -1, 3, 4.5, -60, 2500, 6157, 0]])).toBe('reviews[0]: ivl must be an integer from -2147483648 to 2147483647, not 4.5');
    expect(await refused([[1001, a, -1, 256, 4, -60, 2500, 6157, 0]])).toBe('reviews[0]: ease must be an integer from 0 to 255, not 256');
    expect(await refused([[1001, a, -1, 3, 4, -60, -1, 6157, 0]])).toBe('reviews[0]: factor must be an integer from 0 to 4294967295, not -1');
    expect(await refused([[null, a, -1, 3, 4, -60, 2500, 6157, 0]])).toBe('reviews[0]: id must be an integer from -9007199254740991 to 9007199254740991, not None');
    expect(await refused([[1001, true, -1, 3, 4, -60, 2500, 6157, 0]])).toBe('reviews[0]: cid must be an integer from -9007199254740991 to 9007199254740991, not True');
    expect(await refused(5)).toBe("object of type 'int' has no len()");
    expect(await refused(null)).toBe("object of type 'NoneType' has no len()");
    expect(await refused('abc')).toBe('reviews must be a list of reviews, not str');
    expect(await refused({ a: 1 })).toBe('reviews must be a list of reviews, not dict');
    expect(await call(ctx, 'insertReviews', { reviews: '' })).toEqual({ result: null, error: null });
    expect((await call(ctx, 'insertReviews', {})).error).toBe("AnkiConnect.insertReviews() missing 1 required positional argument: 'reviews'");
    expect(revlogRows(col)).toEqual([]);
  });

  it('refuses ids already used, in the collection or twice in the request, keeping what was stored', async () => {
    const { col, ctx, a } = await setup();
    insertRevlog(col, [review(456, a)]);
    const before = revlogRows(col);
    const row = (id: number) => [id, a, -1, 3, 4, -60, 2500, 6157, 0];
    expect((await call(ctx, 'insertReviews', { reviews: [row(500), row(456)] })).error).toBe(
      'review id already in use (in the collection or twice in reviews): 456',
    );
    expect((await call(ctx, 'insertReviews', { reviews: [row(600), row(700), row(600), row(456)] })).error).toBe(
      'review ids already in use (in the collection or twice in reviews): 456, 600',
    );
    expect(revlogRows(col)).toEqual(before);
  });
});

describe('getReviewsOfCards', () => {
  it('maps every card asked for to its reviews, oldest first, [] when it has none', async () => {
    const { col, ctx, a, b } = await setup();
    insertRevlog(col, [review(900, a, { ease: 1 }), review(456, a), review(789, b, { ivl: 3, lastIvl: 1 })]);
    const result = await ok<Record<string, unknown[]>>(ctx, 'getReviewsOfCards', { cards: [b, a, 1234567890123] });
    expect(result).toEqual({
      [b]: [{ id: 789, usn: -1, ease: 3, ivl: 3, lastIvl: 1, factor: 2500, time: 5000, type: 1 }],
      [a]: [
        { id: 456, usn: -1, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 1 },
        { id: 900, usn: -1, ease: 1, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 1 },
      ],
      '1234567890123': [],
    });
    expect(Object.keys(result)).toEqual([String(b), String(a), '1234567890123']);
    expect(await ok(ctx, 'getReviewsOfCards', { cards: [] })).toEqual({});
  });

  it('keys a string id as given, with no reviews, as upstream does', async () => {
    const { col, ctx, a } = await setup();
    insertRevlog(col, [review(456, a)]);
    const result = await ok(ctx, 'getReviewsOfCards', { cards: [String(a), '__proto__'] });
    expect(JSON.stringify(result)).toBe(`{"${a}":[],"__proto__":[]}`);
  });

  it('refuses cards that are not a list of ids', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'getReviewsOfCards', { cards: 5 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'getReviewsOfCards', { cards: [1, null] })).error).toBe('card ids must be integers, not NoneType');
    expect((await call(ctx, 'getReviewsOfCards', { cards: [[1]] })).error).toBe('card ids must be integers, not list');
    expect((await call(ctx, 'getReviewsOfCards', {})).error).toBe("AnkiConnect.getReviewsOfCards() missing 1 required positional argument: 'cards'");
  });
});

describe('getCollectionStatsHTML', () => {
  it('reports the whole collection by default, the current deck when asked', async () => {
    const { col } = await seedStatsCollection();
    const ctx = contextFor(col);
    const whole = await ok<string>(ctx, 'getCollectionStatsHTML');
    expect(whole.startsWith('<center>')).toBe(true);
    expect(whole).toContain('Studied <b>7</b> cards');
    expect(whole).toContain('Scope: whole collection');
    expect(await ok(ctx, 'getCollectionStatsHTML', { wholeCollection: true })).toBe(whole);
    const deck = await ok<string>(ctx, 'getCollectionStatsHTML', { wholeCollection: false });
    expect(deck).toContain('Studied <b>6</b> cards');
    expect(deck).toContain('Scope: Lang');
    expect(await ok(ctx, 'getCollectionStatsHTML', { wholeCollection: 0 })).toBe(deck);
    expect(await ok(ctx, 'getCollectionStatsHTML', { wholeCollection: [] })).toBe(deck);
    expect((await call(ctx, 'getCollectionStatsHTML', { whole: true })).error).toBe(
      "AnkiConnect.getCollectionStatsHTML() got an unexpected keyword argument 'whole'",
    );
  });
});
