/**
 * Reviews through the whole chain over several simulated days: cards are
 * added, answered with answerCards day after day (the service worker's clock
 * is moved forward through DevTools), and then getIntervals, cardReviews,
 * getDeckStats, cardsInfo and getCollectionStatsHTML must agree with each other.
 */
import type { Browser, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { invoke, removeProfile, startChain, type Chain } from '../helpers/chain.ts';
import { connectDevtools, serviceWorker } from '../helpers/devtools.ts';

let chain: Chain;
let browser: Browser;
let worker: WebWorker;
const DAY = 86_400_000;

async function ok<T>(action: string, params?: Record<string, unknown>): Promise<T> {
  const r = (await invoke(chain.port, action, params)) as { result: T; error: string | null };
  expect(r.error, action).toBeNull();
  return r.result;
}

/** Moves the service worker's clock (Date.now) forward by `days`. */
async function travel(days: number): Promise<void> {
  await worker.evaluate((ms) => {
    const g = globalThis as unknown as { __realNow?: () => number; __offset?: number };
    g.__realNow ??= Date.now.bind(Date);
    g.__offset = (g.__offset ?? 0) + ms;
    Date.now = () => g.__realNow!() + g.__offset!;
  }, days * DAY);
}

beforeAll(async () => {
  chain = await startChain();
  browser = await connectDevtools(chain.debugPort);
  worker = await serviceWorker(browser);
});

afterAll(async () => {
  await browser?.disconnect();
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
});

it('answers over several days and every report agrees', async () => {
  const deck = 'Sched';
  await ok('createDeck', { deck });
  const noteIds = await ok<number[]>('addNotes', {
    notes: ['one', 'two', 'three'].map((w) => ({ deckName: deck, modelName: 'Basic', fields: { Front: w, Back: w.toUpperCase() } })),
  });
  const cards = await ok<number[]>('findCards', { query: `deck:${deck}` });
  expect(cards).toHaveLength(3);
  const [a, b, c] = cards as [number, number, number];
  const stats0 = await ok<Record<string, { deck_id: number; name: string }>>('getDeckStats', { decks: [deck] });
  expect(Object.values(stats0)).toEqual([
    { deck_id: Number(Object.keys(stats0)[0]), name: deck, new_count: 3, learn_count: 0, review_count: 0, total_in_deck: 3 },
  ]);

  // Day 0: a → Good, Good (graduates to review, 1 day); b → Easy (review, 4 days); c stays new.
  expect(await ok('answerCards', { answers: [{ cardId: a, ease: 3 }, { cardId: b, ease: 4 }] })).toEqual([true, true]);
  expect(await ok('answerCards', { answers: [{ cardId: a, ease: 3 }] })).toEqual([true]);
  let info = await ok<{ cardId: number; type: number; queue: number; interval: number; reps: number }[]>('cardsInfo', { cards });
  expect(info.map((i) => [i.type, i.queue, i.reps])).toEqual([
    [2, 2, 2],
    [2, 2, 1],
    [0, 0, 0],
  ]);
  expect(info[0]!.interval).toBe(1);
  expect(info[1]!.interval).toBeGreaterThanOrEqual(3);
  expect(await ok('areDue', { cards: [a, b, c] })).toEqual([false, false, true]);

  // Day 1: a is due; Good again.
  await travel(1);
  expect(await ok('areDue', { cards: [a, b] })).toEqual([true, false]);
  const stats1 = Object.values(await ok<Record<string, { review_count: number; new_count: number }>>('getDeckStats', { decks: [deck] }))[0]!;
  expect(stats1.review_count).toBe(1);
  expect(stats1.new_count).toBe(1);
  expect(await ok('answerCards', { answers: [{ cardId: a, ease: 3 }] })).toEqual([true]);

  // Day 6: a and b are both due; a Again (lapse, relearning), b Good.
  await travel(5);
  expect(await ok('areDue', { cards: [a, b] })).toEqual([true, true]);
  expect(await ok('answerCards', { answers: [{ cardId: a, ease: 1 }, { cardId: b, ease: 3 }] })).toEqual([true, true]);
  info = await ok('cardsInfo', { cards });
  expect(info[0]).toMatchObject({ type: 3, queue: 1 });

  // getIntervals (complete) equals the revlog intervals in cardReviews, card by card.
  const intervals = await ok<number[][]>('getIntervals', { cards: [a, b], complete: true });
  const reviews = await ok<number[][]>('cardReviews', { deck, startID: 0 });
  expect(reviews).toHaveLength(6);
  const ivlsOf = (cid: number) => reviews.filter((r) => r[1] === cid).map((r) => r[4]);
  expect(intervals[0]).toEqual(ivlsOf(a));
  expect(intervals[1]).toEqual(ivlsOf(b));
  expect(await ok('getIntervals', { cards: [a, b] })).toEqual([intervals[0]!.at(-1), intervals[1]!.at(-1)]);
  expect(reviews.map((r) => r[3])).toEqual([3, 4, 3, 3, 1, 3]); // eases in id order
  const reviewsOf = await ok<Record<string, { ease: number }[]>>('getReviewsOfCards', { cards: [a, b, c] });
  expect(reviewsOf[String(a)]!.map((r) => r.ease)).toEqual([3, 3, 3, 1]);
  expect(reviewsOf[String(c)]).toEqual([]);

  // Today's reviews: the two answers of day 6.
  expect(await ok('getNumCardsReviewedToday')).toBe(2);
  const byDay = await ok<[string, number][]>('getNumCardsReviewedByDay');
  expect(byDay.map(([, n]) => n)).toEqual([2, 1, 3]);

  // Deck stats: a in learning, b not due, c new.
  const stats6 = Object.values(await ok<Record<string, { learn_count: number; review_count: number; new_count: number; total_in_deck: number }>>('getDeckStats', { decks: [deck] }))[0]!;
  expect(stats6).toMatchObject({ new_count: 1, review_count: 0, total_in_deck: 3 });
  expect(stats6.learn_count).toBe(1);

  // The report shows the same numbers.
  const html = await ok<string>('getCollectionStatsHTML', { wholeCollection: true });
  expect(html).not.toMatch(/<script/i);
  expect(html).toMatch(/<svg/);
  expect(html).toMatch(/Studied\s*<b>2<\/b>/);
  expect(noteIds).toHaveLength(3);
});
