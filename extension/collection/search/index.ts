/**
 * Searching the collection (Anki's `search/mod.rs` facade): a query in
 * Anki's search language → card or note ids. Ids come back in ascending
 * order (rowid order), whatever plan SQLite chose. Throws SearchError for a
 * malformed query, InvalidRegexError for a regex that does not compile.
 * Note-text conjuncts run over the note cache where that pays
 * (cached-search.ts); the rest, or everything, is SQL.
 */
import type { Collection } from '../collection.ts';
import { cachedSearch } from './cached-search.ts';
import { InvalidRegexError } from './errors.ts';
import { registerSearchFunctions } from './functions.ts';
import { ensureSortFieldIndex } from './sort-field-index.ts';
import { collectionLookup, type SearchLookup } from './lookup.ts';
import { parse } from './parse.ts';
import { readsCards, searchSql, type ItemType, type SearchSql } from './sql.ts';

export { SearchError, InvalidRegexError } from './errors.ts';

/** Ids of the cards matching `query` (Anki's `find_cards` without an order). */
export function findCardIds(col: Collection, query: string): number[] {
  return find(col, query, 'cards');
}

/** Ids of the notes matching `query` (Anki's `find_notes` without an order). */
export function findNoteIds(col: Collection, query: string): number[] {
  return find(col, query, 'notes');
}

function find(col: Collection, query: string, item: ItemType): number[] {
  const lookup = collectionLookup(col);
  const node = parse(query);
  const run = (s: SearchSql) => runSearch(col, s, lookup);
  const cached = cachedSearch(col, node, item, lookup, run);
  if (cached) return ascending(cached);
  // Notes found through their cards: deduplicated here, faster than SQLite's `distinct`.
  if (item === 'notes' && readsCards(node)) return ascendingUnique(run(searchSql(node, item, lookup, { distinct: false })));
  return ascending(run(searchSql(node, item, lookup)));
}

/** Runs a search statement: the values of its rows, one after the other (ids, or card and note ids). */
function runSearch(col: Collection, { sql, args }: SearchSql, lookup: SearchLookup): number[] {
  const maxIndexes = sql.includes('regexp_fields(') ? Math.max(0, ...lookup.notetypes().map((nt) => nt.fields.length)) : 0;
  registerSearchFunctions(col.db.raw, Math.max(16, maxIndexes));
  if (sql.includes('lower(n.sfld)')) ensureSortFieldIndex(col.db.raw, col.db.inTransaction);
  // Prepared once and freed: a search's SQL (inlined ids) rarely repeats, so it stays out of Db's statement cache.
  const stmt = col.db.raw.prepare(sql);
  try {
    stmt.bind(args);
    const values: number[] = [];
    while (stmt.step()) for (const v of stmt.get()) values.push(v as number);
    return values;
  } catch (e) {
    throw InvalidRegexError.recover(e);
  } finally {
    stmt.free();
  }
}

/** The ids ascending, each once. */
function ascendingUnique(ids: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (i > 0 && id < ids[i - 1]!) return ascendingUnique(Array.from(Float64Array.from(ids).sort()));
    if (i === 0 || id !== ids[i - 1]) out.push(id);
  }
  return out;
}

function ascending(ids: number[]): number[] {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i - 1]! > ids[i]!) return Array.from(Float64Array.from(ids).sort());
  }
  return ids;
}
