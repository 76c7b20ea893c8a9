/**
 * An exact `field:value` search on a note type's sort field, for values the
 * checksum index cannot narrow (more than a few ASCII letters: their case
 * variants grow as 2^n). `sfld` holds the sort field stripped of HTML, and
 * SQLite's lower() folds only ASCII, exactly as LIKE does, so a note whose
 * field equals the value up to ASCII case has
 * `lower(sfld) = lower(strip(value))` for any value without `<` or `&` that
 * SQLite would not store as a number. An expression index on `lower(sfld)`
 * (ours, outside Anki's schema; created once, never journaled, harmless to
 * Anki) makes that a lookup; the LIKE still decides.
 */
import type { Database } from 'sql.js';
import { stripHtmlPreservingMediaFilenames } from '../notes/text.ts';

export const SORT_FIELD_INDEX = 'ix_acb_notes_sfld_lower';

const ready = new WeakSet<Database>();

/** Creates the index once per database; not inside a write transaction. */
export function ensureSortFieldIndex(raw: Database, inTransaction: boolean): void {
  if (ready.has(raw) || inTransaction) return;
  raw.run(`create index if not exists ${SORT_FIELD_INDEX} on notes (lower(sfld))`);
  ready.add(raw);
}

/** Text SQLite's integer column affinity would turn into a number (then lower() differs). */
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The `lower(sfld)` key for a wildcard-free literal, or null when this narrowing does not apply. */
export function sortFieldKey(literal: string): string | null {
  if (/[<&\x1f]/.test(literal) || !/[A-Za-z]/.test(literal)) return null;
  const stripped = stripHtmlPreservingMediaFilenames(literal);
  if (stripped === '' || NUMERIC.test(stripped)) return null;
  return stripped.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
