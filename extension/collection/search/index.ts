/**
 * Searching the collection (Anki's `search/mod.rs` facade): a query in
 * Anki's search language → card or note ids. Ids come back in ascending
 * order (rowid order), whatever plan SQLite chose. Throws SearchError for a
 * malformed query, InvalidRegexError for a regex that does not compile.
 */
import type { Collection } from '../collection.ts';
import { InvalidRegexError } from './errors.ts';
import { registerSearchFunctions } from './functions.ts';
import { ensureSortFieldIndex } from './sort-field-index.ts';
import { collectionLookup } from './lookup.ts';
import { parse } from './parse.ts';
import { searchSql, type ItemType } from './sql.ts';

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
  const { sql, args } = searchSql(parse(query), item, lookup);
  const maxIndexes = sql.includes('regexp_fields(') ? Math.max(0, ...lookup.notetypes().map((nt) => nt.fields.length)) : 0;
  registerSearchFunctions(col.db.raw, Math.max(16, maxIndexes));
  if (sql.includes('lower(n.sfld)')) ensureSortFieldIndex(col.db.raw, col.db.inTransaction);
  // Prepared once and freed: a search's SQL (inlined ids) rarely repeats, so it stays out of Db's statement cache.
  const stmt = col.db.raw.prepare(sql);
  try {
    stmt.bind(args);
    const ids: number[] = [];
    while (stmt.step()) ids.push(stmt.get()[0] as number);
    return ascending(ids);
  } catch (e) {
    throw InvalidRegexError.recover(e);
  } finally {
    stmt.free();
  }
}

function ascending(ids: number[]): number[] {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i - 1]! > ids[i]!) return Array.from(Float64Array.from(ids).sort());
  }
  return ids;
}
