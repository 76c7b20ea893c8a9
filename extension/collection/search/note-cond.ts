/**
 * A note condition as the SQL writer builds it: its SQL and, where every
 * part of it can be, the same test in JavaScript over a note's cached text
 * (note-cache.ts). The writers in sql-notes.ts build both side by side from
 * the same parts, so the test means exactly what the SQL means: SQLite's
 * LIKE (like.ts), the regexp functions (functions.ts), `n.mid`, and/or.
 * For the notes the cache holds as plain text, none of these is ever NULL.
 */
import { cachedRegex, fieldsMatch, processedText, tagsMatch } from './functions.ts';
import { likeTest } from './like.ts';
import { PROFILE_UNICODE, type TextProfile } from './regex-charsets.ts';

/** The cached columns of the notes, by slot (note-cache.ts). */
export interface NoteRows {
  readonly ids: readonly number[];
  readonly mid: readonly number[];
  readonly flds: readonly string[];
  /** `cast(sfld as text)`. */
  readonly sfld: readonly string[];
  readonly tags: readonly string[];
  /** Per note: the text profiles of flds (bits 0–4) and tags (bits 5–9), and KIND_ODD. */
  readonly kind: readonly number[];
}

export const KIND_TAGS_SHIFT = 5;
/** `kind` bit: a note whose text SQLite may read differently (blob, NUL, bad UTF-8): SQLite evaluates it. */
export const KIND_ODD = 1024;

export type NoteTest = (rows: NoteRows, slot: number) => boolean;

export interface Cond {
  readonly sql: string;
  /** Null when the condition can only be evaluated by SQLite. */
  readonly test: NoteTest | null;
}

export const sqlOnly = (sql: string): Cond => ({ sql, test: null });
export const cond = (sql: string, test: NoteTest | null): Cond => ({ sql, test });
export const FALSE: Cond = { sql: 'false', test: () => false };
export const TRUE: Cond = { sql: 'true', test: () => true };

/** A text column: its SQL, its value for a cached note, and what that value is known to hold. */
export interface Column {
  readonly sql: string;
  readonly get: (rows: NoteRows, slot: number) => string;
  readonly profile: (rows: NoteRows, slot: number) => TextProfile;
}

const unknown = () => PROFILE_UNICODE;
export const FLDS: Column = { sql: 'n.flds', get: (r, i) => r.flds[i]!, profile: (r, i) => r.kind[i]! & 31 };
export const SFLD: Column = { sql: 'n.sfld', get: (r, i) => r.sfld[i]!, profile: unknown };
export const TAGS: Column = { sql: 'n.tags', get: (r, i) => r.tags[i]!, profile: (r, i) => (r.kind[i]! >> KIND_TAGS_SHIFT) & 31 };

/** `coalesce(process_text(<sql>, flags), <fallback>)` over `column`. */
export function processedColumn(column: Column, sql: string, flags: number): Column {
  return { sql, get: (r, i) => { const t = column.get(r, i); return processedText(t, flags) ?? t; }, profile: unknown };
}

/** `'\x1f' || n.flds || '\x1f'`. */
export const DELIMITED_FLDS: Column = {
  sql: "'\x1f' || n.flds || '\x1f'",
  get: (r, i) => `\x1f${r.flds[i]!}\x1f`,
  profile: unknown,
};

/** `column LIKE pattern ESCAPE '\'`, the pattern's SQL and its value. */
export function likeIn(column: Column, patternSql: string, pattern: string): Cond {
  const like = likeTest(pattern);
  return cond(`${column.sql} like ${patternSql} escape '\\'`, like && ((r, i) => like(column.get(r, i))));
}

/** The pattern compiled for a text profile, on first use (a bad pattern throws then, as in SQLite). */
function regexByProfile(pattern: string): (profile: TextProfile) => RegExp {
  const compiled: RegExp[] = [];
  return (profile) => (compiled[profile] ??= cachedRegex(pattern, profile));
}

/** `column regexp pattern`. */
export function regexpIn(column: Column, patternSql: string, pattern: string): Cond {
  const re = regexByProfile(pattern);
  return cond(`${column.sql} regexp ${patternSql}`, (r, i) => re(column.profile(r, i)).test(column.get(r, i)));
}

/** `regexp_fields(pattern, column[, ords])`, written as `sql`. */
export function regexpFieldsIn(sql: string, column: Column, pattern: string, ords: readonly number[]): Cond {
  const re = regexByProfile(pattern);
  return cond(sql, (r, i) => fieldsMatch(re(column.profile(r, i)), column.get(r, i), ords));
}

/** `regexp_tags(pattern, n.tags)`, written as `sql`. */
export function regexpTagsIn(sql: string, pattern: string): Cond {
  const re = regexByProfile(pattern);
  return cond(sql, (r, i) => tagsMatch(re(TAGS.profile(r, i)), r.tags[i]!));
}

/** The note type test for `sql` (`n.mid = X`, `n.mid in (…)`): ids in decimal. */
export function midIn(sql: string, ids: readonly string[]): Cond {
  const wanted = ids.map(Number).filter(Number.isSafeInteger);
  if (wanted.length === 1) {
    const id = wanted[0]!;
    return cond(sql, (r, i) => r.mid[i] === id);
  }
  const set = new Set(wanted);
  return cond(sql, (r, i) => set.has(r.mid[i]!));
}

/** All tests hold, left to right (null if one is missing). */
export function allOf(tests: readonly (NoteTest | null)[]): NoteTest | null {
  if (tests.some((t) => t === null)) return null;
  const ts = tests as NoteTest[];
  if (ts.length === 1) return ts[0]!;
  if (ts.length === 2) {
    const [a, b] = ts as [NoteTest, NoteTest];
    return (r, i) => a(r, i) && b(r, i);
  }
  return (r, i) => {
    for (let k = 0; k < ts.length; k++) if (!ts[k]!(r, i)) return false;
    return true;
  };
}

/** Some test holds, left to right (null if one is missing). */
export function anyOf(tests: readonly (NoteTest | null)[]): NoteTest | null {
  if (tests.some((t) => t === null)) return null;
  const ts = tests as NoteTest[];
  if (ts.length === 1) return ts[0]!;
  if (ts.length === 2) {
    const [a, b] = ts as [NoteTest, NoteTest];
    return (r, i) => a(r, i) || b(r, i);
  }
  return (r, i) => {
    for (let k = 0; k < ts.length; k++) if (ts[k]!(r, i)) return true;
    return false;
  };
}

/** `(a and b …)`, parenthesised as the writers write it. */
export function andCond(parts: readonly Cond[]): Cond {
  return cond(`(${parts.map((p) => p.sql).join(' and ')})`, allOf(parts.map((p) => p.test)));
}

/** `(a or b …)`. */
export function orCond(parts: readonly Cond[]): Cond {
  return cond(`(${parts.map((p) => p.sql).join(' or ')})`, anyOf(parts.map((p) => p.test)));
}
