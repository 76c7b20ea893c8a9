/**
 * Search actions: findCards, findNotes, and guiBrowse's query half (the
 * browse page comes later). A malformed query fails with Anki's own
 * "Invalid search: …" text, which AnkiConnect passes through.
 */
import { activeBrowserColumns } from '../collection/search/browser-columns.ts';
import { findCardIds, findNoteIds } from '../collection/search/index.ts';
import type { Collection } from '../collection/collection.ts';
import { action, opt } from './define.ts';
import * as E from './errors.ts';
import { pyEquals, pyTypeName } from './python.ts';

function queryText(query: unknown): string {
  if (typeof query !== 'string') throw new Error(E.queryNotString(pyTypeName(query)));
  return query;
}

// upstream: without a query both return [] (not the whole collection).
export const findNotes = action({ query: opt<unknown>(null) }, ({ col }, { query }) =>
  query === null ? [] : findNoteIds(col, queryText(query)),
);

export const findCards = action({ query: opt<unknown>(null) }, ({ col }, { query }) =>
  query === null ? [] : findCardIds(col, queryText(query)),
);

/** AnkiConnect's checks of `reorderCards`, in its order. */
function checkReorderCards(col: Collection, reorder: unknown): void {
  if (reorder === null || typeof reorder !== 'object' || Array.isArray(reorder)) {
    throw new Error(E.reorderCardsNotDict(reorder));
  }
  const r = reorder as Record<string, unknown>;
  if (!Object.hasOwn(r, 'columnId') || !Object.hasOwn(r, 'order')) throw new Error(E.reorderCardsKeysMissing);
  if (!pyEquals(r.order, 'ascending') && !pyEquals(r.order, 'descending')) throw new Error(E.invalidCardOrder(r.order));
  if (!activeBrowserColumns(col).some((c) => pyEquals(c, r.columnId))) throw new Error(E.invalidColumnId(r.columnId));
}

export const guiBrowse = action({ query: opt<unknown>(null), reorderCards: opt<unknown>(null) }, ({ col }, p) => {
  const query = p.query === null ? null : queryText(p.query);
  if (p.reorderCards !== null) checkReorderCards(col, p.reorderCards);
  // upstream: the reply is findCards(query): the column order sorts the browser's table, not these ids.
  return query === null ? [] : findCardIds(col, query);
});
