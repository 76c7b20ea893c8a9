/**
 * Card actions: ease, values, suspension, due state, intervals, forgetting,
 * relearning, answering and due dates (AnkiConnect's "Card" group, except
 * cardsInfo in cards-info.ts and findCards in search.ts).
 */
import { CardQueue } from '../collection/cards/row.ts';
import type { Collection } from '../collection/collection.ts';
import { noteIdsOfCards } from '../collection/cards/notes-of.ts';
import { markCardsRelearning } from '../collection/cards/relearn.ts';
import { lastReview, revlogIntervals } from '../collection/cards/reviews.ts';
import { suspendCards, unsuspendCards } from '../collection/cards/suspend.ts';
import { updateCardColumns } from '../collection/cards/update.ts';
import { answerCard, CardNotFoundError } from '../collection/scheduler/answer.ts';
import { InvalidDueDateError, setDueDate as setCardsDueDate } from '../collection/scheduler/due-date.ts';
import { forgetCards as forgetCardIds } from '../collection/scheduler/forget.ts';
import { findCardIds } from '../collection/search/index.ts';
import { action, opt, req } from './define.ts';
import * as E from './errors.ts';
import { cardId, cardIdsForSql, pyIndex, pylibCard, ratingOf, specificValues, uint32Value } from './card-params.ts';
import { pyIterate, pyTruthy } from './python-values.ts';
import { pyEquals, pyStrOf } from './python.ts';

export const cardsModTime = action({ cards: req<number[]>() }, ({ col }, { cards }) =>
  pyIterate(cards).map((c) => {
    const card = pylibCard(col, c);
    return card ? { cardId: card.id, mod: card.mod } : {};
  }),
);

export const cardsToNotes = action({ cards: req<number[]>() }, ({ col }, { cards }) => noteIdsOfCards(col, cardIdsForSql(cards)));

export const getEaseFactors = action({ cards: req<number[]>() }, ({ col }, { cards }) =>
  pyIterate(cards).map((c) => pylibCard(col, c)?.factor ?? null),
);

export const setEaseFactors = action({ cards: req<number[]>(), easeFactors: req<number[]>() }, ({ col }, p) => {
  const out: boolean[] = [];
  for (const [i, c] of pyIterate(p.cards).entries()) {
    const card = pylibCard(col, c);
    out.push(card !== undefined);
    if (!card) continue;
    // upstream: each card is saved on its own; a bad value fails the action after the earlier cards were saved.
    const factor = uint32Value(pyIndex(p.easeFactors, i)) & 0xffff;
    if (!updateCardColumns(col, card.id, { factor })) throw new Error(E.noSuchCard(card.id));
  }
  return out;
});

export const setSpecificValueOfCard = action(
  { card: req<number>(), keys: req<string[]>(), newValues: req<unknown[]>(), warning_check: opt<unknown>(false) },
  ({ col }, p) => {
    // upstream: bad arguments and protected keys give false, not an error.
    if (Array.isArray(p.card) || !Array.isArray(p.keys) || !Array.isArray(p.newValues)) return false;
    if (p.keys.length !== p.newValues.length) return false;
    if (p.warning_check === false && p.keys.some((k) => PROTECTED_KEYS.some((name) => pyEquals(k, name)))) return false;
    try {
      const card = pylibCard(col, p.card);
      if (!card) throw new Error(E.cardNotFound(p.card));
      const changes = specificValues(col, card, p.keys, p.newValues);
      if (!updateCardColumns(col, card.id, changes)) throw new Error(E.noSuchCard(card.id));
      return [true];
    } catch (e) {
      return [[false, (e as Error).message]];
    }
  },
);

const PROTECTED_KEYS = ['did', 'id', 'ivl', 'lapses', 'left', 'mod', 'nid', 'odid', 'odue', 'ord', 'queue', 'reps', 'type', 'usn'];

/** AnkiConnect's `suspended(card)`: raises for a card that does not exist. */
function suspendedOrThrow(col: Collection, card: unknown): boolean {
  const found = pylibCard(col, card);
  if (!found) throw new Error(E.cardNotFound(card));
  return found.queue === CardQueue.Suspended;
}

export const suspend = action({ cards: req<number[]>(), suspend: opt<unknown>(true) }, ({ col }, p) => {
  const cards = Array.isArray(p.cards) ? [...p.cards] : pyIterate(p.cards);
  // upstream: removes from the list it iterates, so the card after a removed one is not looked at.
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i];
    if (pyEquals(suspendedOrThrow(col, card), p.suspend)) cards.splice(cards.findIndex((c) => pyEquals(c, card)), 1);
  }
  if (cards.length === 0) return false;
  const ids = cards.map(cardId);
  if (pyTruthy(p.suspend)) suspendCards(col, ids);
  else unsuspendCards(col, ids);
  return true;
});

export const unsuspend = action({ cards: req<number[]>() }, async (ctx, { cards }) => {
  await suspend.run(ctx, 'unsuspend', { cards, suspend: false });
  // upstream: unsuspend drops suspend's result.
  return null;
});

export const suspended = action({ card: req<number>() }, ({ col }, { card }) => suspendedOrThrow(col, card));

export const areSuspended = action({ cards: req<number[]>() }, ({ col }, { cards }) =>
  pyIterate(cards).map((c) => {
    const card = pylibCard(col, c);
    return card ? card.queue === CardQueue.Suspended : null;
  }),
);

/** AnkiConnect's `findCards('cid:<card> <state>')`. */
function cardInSearch(col: Collection, card: unknown, state: string): boolean {
  return findCardIds(col, `cid:${pyStrOf(card)} ${state}`).length > 0;
}

/** The value AnkiConnect binds for `where cid = ?`. */
function revlogCid(card: unknown): number | string {
  if (typeof card === 'string') return card;
  return cardId(card);
}

export const areDue = action({ cards: req<number[]>() }, ({ col }, { cards }) =>
  pyIterate(cards).map((card) => {
    if (cardInSearch(col, card, 'is:new')) return true;
    const last = lastReview(col, revlogCid(card));
    if (!last) throw new Error(E.listIndexOutOfRange);
    // upstream: a learning step over 20 minutes is due by its log time, not by the learn-ahead limit.
    if (last.ivl >= -1200) return cardInSearch(col, card, 'is:due');
    return last.secs - last.ivl <= col.nowMs() / 1000;
  }),
);

export const getIntervals = action({ cards: req<number[]>(), complete: opt<unknown>(false) }, ({ col }, p) =>
  pyIterate(p.cards).map((card) => {
    if (cardInSearch(col, card, 'is:new')) return 0;
    const intervals = revlogIntervals(col, revlogCid(card));
    if (pyTruthy(p.complete)) return intervals;
    if (intervals.length === 0) throw new Error(E.listIndexOutOfRange);
    return intervals[intervals.length - 1];
  }),
);

export const forgetCards = action({ cards: req<number[]>() }, ({ col }, { cards }) => {
  forgetCardIds(col, pyIterate(cards).map(cardId));
  return null;
});

export const relearnCards = action({ cards: req<number[]>() }, ({ col }, { cards }) => {
  markCardsRelearning(col, cardIdsForSql(cards));
  return null;
});

/** A valid answer's card and rating, `false` for an answer upstream reports as not done; throws upstream's errors. */
function checkedAnswer(col: Collection, answer: unknown): { id: number; rating: ReturnType<typeof ratingOf> } | false {
  const id = pyIndex(answer, 'cardId');
  const ease = pyIndex(answer, 'ease');
  const card = pylibCard(col, id);
  if (!card) return false;
  const rating = ratingOf(ease);
  // upstream: a falsy id gives a blank card, which Anki then does not find.
  return card.id === 0 ? false : { id: card.id, rating };
}

export const answerCards = action({ answers: req<{ cardId: number; ease: number }[]>() }, ({ col }, { answers }) => {
  const items = pyIterate(answers);
  // One transaction for the whole request (one journal entry, one col write).
  // upstream: each answer is saved on its own, so an invalid answer fails the
  // action with the earlier answers kept: they are committed, then the error is raised.
  let failure: unknown = null;
  const { result } = col.transact(() => {
    const out: boolean[] = [];
    for (const answer of items) {
      let checked: ReturnType<typeof checkedAnswer>;
      try {
        checked = checkedAnswer(col, answer);
      } catch (e) {
        failure = e;
        break;
      }
      if (checked === false) {
        out.push(false);
        continue;
      }
      try {
        answerCard(col, checked.id, checked.rating);
        out.push(true);
      } catch (e) {
        if (!(e instanceof CardNotFoundError)) throw e; // anything unexpected undoes the whole request
        out.push(false);
      }
    }
    return out;
  });
  if (failure !== null) throw failure;
  return result;
});

export const setDueDate = action({ cards: req<number[]>(), days: req<string>() }, ({ col }, p) => {
  const ids = pyIterate(p.cards).map(cardId);
  if (typeof p.days !== 'string') throw new Error(E.badArgumentType);
  try {
    setCardsDueDate(col, ids, p.days);
  } catch (e) {
    // upstream: Anki's error text is the input itself; an empty one would read as no error to clients testing `if (error)`.
    if (e instanceof InvalidDueDateError) throw new Error(e.reason === 'invalid' ? e.input || E.emptyDueDate : E.numberInvalidOrOutOfRange);
    throw e;
  }
  return true;
});

