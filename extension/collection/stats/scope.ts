/**
 * What a statistics report covers: the whole collection, or the current
 * deck (`conf.curDeck`, the Default deck when that is gone) with its
 * subdecks, as Anki's legacy report limits itself to the active decks.
 * Cards count by the deck they are in now (`cards.did`).
 */
import type { Collection } from '../collection.ts';
import type { SqlParam } from '../db.ts';
import { DEFAULT_DECK_ID } from '../decks/defaults.ts';
import { childDecks, deckById } from '../decks/get.ts';

export interface StatsScope {
  /** null: every card. */
  deckIds: number[] | null;
  /** "whole collection", or the current deck's name. */
  label: string;
}

/** A SQL condition and its bound values. */
export interface SqlFilter {
  sql: string;
  args: SqlParam[];
}

export function statsScope(col: Collection, wholeCollection: boolean): StatsScope {
  if (wholeCollection) return { deckIds: null, label: 'whole collection' };
  const current = col.col.get('conf').curDeck;
  const deck = (current !== undefined && current !== null ? deckById(col, String(current)) : undefined) ?? deckById(col, DEFAULT_DECK_ID);
  if (!deck) return { deckIds: [], label: '' };
  const ids = [deck, ...childDecks(col, deck)].map((d) => Number(d.id));
  return { deckIds: ids, label: deck.name };
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** A condition on `cards` rows (columns unqualified). */
export function cardFilter(scope: StatsScope): SqlFilter {
  if (!scope.deckIds) return { sql: '1', args: [] };
  return { sql: `did in (${placeholders(scope.deckIds.length)})`, args: scope.deckIds };
}

/** A condition on `revlog` rows: reviews of cards in scope. */
export function revlogFilter(scope: StatsScope): SqlFilter {
  if (!scope.deckIds) return { sql: '1', args: [] };
  return { sql: `cid in (select id from cards where did in (${placeholders(scope.deckIds.length)}))`, args: scope.deckIds };
}
