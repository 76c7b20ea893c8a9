/** Statistic actions: review counts, the review log of decks and cards, inserting reviews, the stats report. */
import type { SqlParam } from '../collection/db.ts';
import { getOrCreateDeck } from '../collection/decks/add.ts';
import { collectionStatsHtml } from '../collection/stats/report-html.ts';
import { cardsReviewedByDay, cardsReviewedToday } from '../collection/stats/reviewed-count.ts';
import {
  conflictingRevlogIds,
  deckReviews,
  insertRevlogRows,
  latestDeckReviewId,
  REVLOG_COLUMN_RANGES,
  REVLOG_COLUMNS,
  reviewsOfCards,
  type ReviewEntry,
  type RevlogTuple,
} from '../collection/stats/revlog.ts';
import { action, opt, req } from './define.ts';
import {
  cardIdNotNumber,
  deckNameNotString,
  hasNoLen,
  reviewIdsTaken,
  reviewNotNineValues,
  reviewsNotList,
  reviewValueInvalid,
  startIdNotNumber,
} from './errors.ts';
import { pyRepr, pyTypeName } from './python.ts';
import { pyIterate, pyTruthy as truthy } from './python-values.ts';

/** A deck name; upstream: anything else fails inside Anki's backend with a TypeError. */
function deckName(name: unknown): string {
  if (typeof name !== 'string') throw new Error(deckNameNotString(pyTypeName(name)));
  return name;
}

/** A value SQLite can compare review ids with, as upstream binds it (a string compares by SQLite's rules). */
function startIdParam(value: unknown): SqlParam {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(startIdNotNumber(pyTypeName(value)));
}

/** One review tuple, each value an integer Anki can read back in its column. */
function reviewTuple(value: unknown, index: number): RevlogTuple {
  if (!Array.isArray(value) || value.length !== REVLOG_COLUMNS.length) throw new Error(reviewNotNineValues(index, value));
  REVLOG_COLUMNS.forEach((column, k) => {
    const v: unknown = value[k];
    const [min, max] = REVLOG_COLUMN_RANGES[column];
    const valid = typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    if (!valid) throw new Error(reviewValueInvalid(index, column, v, min, max));
  });
  return value as RevlogTuple;
}

/** The reviews parameter as tuples; upstream's `len(reviews)` decides what is refused first. */
function reviewTuples(reviews: unknown): RevlogTuple[] {
  if (Array.isArray(reviews)) return reviews.map(reviewTuple);
  if (typeof reviews === 'string' || (reviews !== null && typeof reviews === 'object')) {
    // upstream: an empty str or dict has len 0, so nothing happens.
    if (!truthy(reviews)) return [];
    throw new Error(reviewsNotList(pyTypeName(reviews)));
  }
  throw new Error(hasNoLen(pyTypeName(reviews)));
}

/** The key a card id becomes in the JSON reply (Python's json.dumps of a dict key). */
function cardKey(card: number | string): string {
  if (typeof card === 'string') return card;
  return Number.isInteger(card) ? String(card) : pyRepr(card, true);
}

export const getNumCardsReviewedToday = action({}, ({ col }) => cardsReviewedToday(col));

export const getNumCardsReviewedByDay = action({}, ({ col }) => cardsReviewedByDay(col));

export const getCollectionStatsHTML = action({ wholeCollection: opt<unknown>(true) }, ({ col }, { wholeCollection }) =>
  collectionStatsHtml(col, truthy(wholeCollection)),
);

export const cardReviews = action({ deck: req<string>(), startID: req<number>() }, ({ col }, { deck, startID }) => {
  const name = deckName(deck);
  const start = startIdParam(startID);
  // upstream: `decks.id(deck)` creates a deck that does not exist (its reviews are then none).
  return deckReviews(col, getOrCreateDeck(col, name), start);
});

export const getLatestReviewID = action({ deck: req<string>() }, ({ col }, { deck }) => {
  // upstream: `decks.id(deck)` creates a deck that does not exist; no review gives 0.
  return latestDeckReviewId(col, getOrCreateDeck(col, deckName(deck))) ?? 0;
});

export const insertReviews = action({ reviews: req<RevlogTuple[]>() }, ({ col }, { reviews }) => {
  // Ours: upstream pastes the values into SQL text; we bind them, after checking each.
  const rows = reviewTuples(reviews);
  const taken = conflictingRevlogIds(col, rows.map((r) => r[0]));
  if (taken.length) throw new Error(reviewIdsTaken(taken));
  insertRevlogRows(col, rows);
  return null;
});

export const getReviewsOfCards = action({ cards: req<number[]>() }, ({ col }, { cards }) => {
  const items = pyIterate(cards).map((card) => {
    if (typeof card === 'number' || typeof card === 'string') return card;
    throw new Error(cardIdNotNumber(pyTypeName(card)));
  });
  const found = reviewsOfCards(col, items.filter((c): c is number => typeof c === 'number' && Number.isInteger(c)));
  const out = Object.create(null) as Record<string, ReviewEntry[]>; // a card named "__proto__" is a key too
  // upstream: a string id matches no review (reviews are grouped under integer card ids).
  for (const card of items) out[cardKey(card)] = typeof card === 'number' ? (found.get(card) ?? []) : [];
  return out;
});
