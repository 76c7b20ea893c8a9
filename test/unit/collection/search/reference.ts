/**
 * The reference answer for the note-cache tests: the search's SQL exactly
 * as the writer produces it (searchSql, goldened in sql.test.ts), run by
 * SQLite alone with `distinct`, no cache and no JS tests.
 */
import type { Collection } from '../../../../extension/collection/collection.ts';
import { registerSearchFunctions } from '../../../../extension/collection/search/functions.ts';
import { collectionLookup } from '../../../../extension/collection/search/lookup.ts';
import { parse } from '../../../../extension/collection/search/parse.ts';
import { searchSql } from '../../../../extension/collection/search/sql.ts';

export type Mode = 'cards' | 'notes';

/** Ids ascending, as SQLite alone finds them. */
export function referenceIds(col: Collection, query: string, mode: Mode): number[] {
  const { sql, args } = searchSql(parse(query), mode, collectionLookup(col));
  registerSearchFunctions(col.db.raw, 64);
  const stmt = col.db.raw.prepare(sql);
  try {
    stmt.bind(args);
    const ids: number[] = [];
    while (stmt.step()) ids.push(stmt.get()[0] as number);
    return ids.sort((a, b) => a - b);
  } finally {
    stmt.free();
  }
}
