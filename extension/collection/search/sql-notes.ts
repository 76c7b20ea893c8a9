/**
 * SQL for the note terms: text, fields, regexes, tags, duplicates, note
 * types and templates (Anki's `sqlwriter.rs`). Names resolve through the
 * lookup into id lists; texts go in as arguments. Each writer returns a
 * Cond: the SQL and, built from the same parts, the same test over a
 * cached note (note-cond.ts) where one exists.
 */
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../notes/text.ts';
import { checksumsAreFew, exactFieldChecksums } from './checksums.ts';
import { sortFieldKey } from './sort-field-index.ts';
import { NO_COMBINING, STRIP_CLOZES } from './functions.ts';
import type { NotetypeInfo } from './lookup.ts';
import type { TextMode } from './nodes.ts';
import {
  andCond, cond, DELIMITED_FLDS, FALSE, FLDS, likeIn, midIn, orCond, processedColumn, regexpFieldsIn, regexpIn, regexpTagsIn,
  SFLD, sqlOnly, TAGS, TRUE, type Column, type Cond,
} from './note-cond.ts';
import type { SqlContext } from './sql.ts';
import { isGlob, likeLiteral, nameMatcher, toCustomRe, toRe, toSql, withoutCombining } from './text.ts';

interface Range {
  start: number;
  end: number;
}

/** Consecutive ordinals as ranges (joined only when `join`). */
function collectRanges(ords: number[], join: boolean): Range[] {
  const out: Range[] = [];
  for (const ord of ords) {
    const last = out[out.length - 1];
    if (join && last && ord === last.end) last.end++;
    else out.push({ start: ord, end: ord + 1 });
  }
  return out;
}

/** An argument: its placeholder and its value. */
interface Arg {
  sql: string;
  value: string;
}

const arg = (ctx: SqlContext, value: string): Arg => ({ sql: ctx.arg(value), value });

/**
 * A LIKE pattern over the whole `flds`: the value (argument `p`) for the
 * fields of `range` (a `%` in the value may span them), `%` for the others.
 */
function fieldsPattern(total: number, range: Range, p: Arg): Arg {
  const parts: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < total; i++) {
    if (i === range.start) {
      parts.push(`' || ${p.sql} || '`);
      values.push(p.value);
    } else if (i < range.start || i >= range.end) {
      parts.push('%');
      values.push('%');
    }
  }
  return { sql: `'${parts.join('\x1f')}'`, value: values.join('\x1f') };
}

/** `coalesce(process_text(column, flags), column)`. */
const processed = (column: Column, flags: number): Column =>
  processedColumn(column, `coalesce(process_text(${column.sql}, ${flags}), ${column.sql})`, flags);

const like = (column: Column, p: Arg): Cond => likeIn(column, p.sql, p.value);
const midIs = (id: string): Cond => midIn(`n.mid = ${id}`, [id]);

/** Per note type, the searchable field ranges, or null when no field is excluded from search. */
function includedFields(nts: readonly NotetypeInfo[]): { nt: NotetypeInfo; ranges: Range[]; sortfExcluded: boolean }[] | null {
  if (!nts.some((nt) => nt.fields.some((f) => f.excludeFromSearch))) return null;
  return nts
    .map((nt) => ({
      nt,
      ranges: collectRanges(nt.fields.filter((f) => !f.excludeFromSearch).map((f) => f.ord), true),
      sortfExcluded: nt.fields.some((f) => f.excludeFromSearch && f.ord === nt.sortIdx),
    }))
    .filter((x) => x.ranges.length > 0);
}

/** Text without a key (also `nc:` and `sc:`): sort field or fields contain it. */
export function unqualified(ctx: SqlContext, text: string, noCombining: boolean, stripClozes: boolean): Cond {
  let value = toSql(text);
  if (noCombining) value = withoutCombining(value);
  const p = arg(ctx, `%${value}%`);
  const flags = (noCombining ? NO_COMBINING : 0) | (stripClozes ? STRIP_CLOZES : 0);
  const sfld = flags ? processedColumn(SFLD, `coalesce(process_text(cast(n.sfld as text), ${flags}), n.sfld)`, flags) : SFLD;
  const flds = flags ? processed(FLDS, flags) : FLDS;
  const included = includedFields(ctx.lookup.notetypes());
  let body: Cond;
  if (included) {
    const clauses = included.map(({ nt, ranges, sortfExcluded }) => {
      const likes = ranges.map((r) => like(flds, fieldsPattern(nt.fields.length, r, p)));
      if (!sortfExcluded) likes.push(like(sfld, p));
      return andCond([midIs(nt.id), orCond(likes)]);
    });
    body = clauses.length ? orCond(clauses) : FALSE;
  } else {
    body = orCond([like(sfld, p), like(flds, p)]);
  }
  if (!stripClozes) return body;
  const cloze = ctx.lookup.notetypes().filter((nt) => nt.cloze).map((nt) => nt.id);
  return cloze.length ? andCond([midIn(`n.mid in (${cloze.join(',')})`, cloze), body]) : FALSE;
}

/** `field:value` (and `field:nc:value`, `field:re:x`, `*:value`). */
export function field(ctx: SqlContext, name: string, text: string, mode: TextMode): Cond {
  if (name === '*' || name === '_*' || name === '*_') return anyField(ctx, text, mode);
  const byNotetype = fieldOrdsByNotetype(ctx, name);
  if (byNotetype.length === 0) return FALSE;
  if (mode === 'regex') {
    const p = arg(ctx, `(?i)${text}`);
    const clauses = byNotetype.map(({ nt, ords }) =>
      andCond([midIs(nt.id), regexpFieldsIn(`regexp_fields(${p.sql}, n.flds, ${ords.join(', ')})`, FLDS, p.value, ords)]),
    );
    return orCond(clauses);
  }
  const testNonEmpty = text === '*' || text === '_*' || text === '*_';
  let value = toSql(text);
  if (mode === 'nocombining') value = withoutCombining(value);
  const p = arg(ctx, value);
  const flds = mode === 'nocombining' ? processed(FLDS, NO_COMBINING) : FLDS;
  const clauses = byNotetype.map(({ nt, ords }) => {
    const ranges = collectRanges(ords, !testNonEmpty);
    return andCond([midIs(nt.id), orCond(ranges.map((r) => like(flds, fieldsPattern(nt.fields.length, r, p))))]);
  });
  const any = orCond(clauses);
  // Only the first field, matched exactly, in every note type: narrow through the csum index first.
  const sums = narrowsByChecksum(ctx, name, text, mode) ? exactFieldChecksums(likeLiteral(value)!) : null;
  if (sums) return sqlOnly(`(n.csum in (${sums.join(',')}) and ${any.sql})`);
  // Only the sort field, matched exactly: narrow through the lower(sfld) index.
  const key = narrowsBySortField(ctx, name, text, mode);
  return key === null ? any : sqlOnly(`(lower(n.sfld) = ${ctx.arg(key)} and ${any.sql})`);
}

/** `*:value` (also `_*`, `*_`): any field. */
function anyField(ctx: SqlContext, text: string, mode: TextMode): Cond {
  if (mode === 'regex') {
    const p = arg(ctx, `(?i)${text}`);
    return regexpFieldsIn(`regexp_fields(${p.sql}, n.flds)`, FLDS, p.value, []);
  }
  const glob = globLike(text);
  // A whole field equal to a plain text: LIKE over the fields between separators.
  if (glob !== null && !isGlob(text)) {
    const whole = like(DELIMITED_FLDS, arg(ctx, `%\x1f${glob}\x1f%`));
    return cond(`(${whole.sql})`, whole.test);
  }
  const p = arg(ctx, `(?is)^${toRe(text)}$`);
  const test = regexpFieldsIn(`regexp_fields(${p.sql}, n.flds)`, FLDS, p.value, []);
  return glob === null ? test : andCond([like(FLDS, arg(ctx, `%${glob}%`)), test]);
}

/**
 * The `lower(sfld)` key when `name:text` is an exact search on the sort
 * field of every note type having it and the checksum cannot narrow it
 * (sort-field-index.ts); else null.
 */
export function narrowsBySortField(ctx: SqlContext, name: string, text: string, mode: TextMode): string | null {
  if (mode !== 'normal' || name === '*' || name === '_*' || name === '*_') return null;
  const literal = likeLiteral(toSql(text));
  if (literal === null || narrowsByChecksum(ctx, name, text, mode)) return null;
  const byNotetype = fieldOrdsByNotetype(ctx, name);
  if (byNotetype.length === 0 || !byNotetype.every(({ nt, ords }) => ords.length === 1 && ords[0] === nt.sortIdx)) return null;
  return sortFieldKey(literal);
}

function fieldOrdsByNotetype(ctx: SqlContext, name: string): { nt: NotetypeInfo; ords: number[] }[] {
  const match = nameMatcher(name);
  return ctx.lookup
    .notetypes()
    .map((nt) => ({ nt, ords: nt.fields.filter((f) => match(f.name)).map((f) => f.ord) }))
    .filter((x) => x.ords.length > 0);
}

/**
 * True if `name:text` is written with a first-field checksum test
 * (ix_notes_csum): the field is the first one in every note type having
 * it, the text has no wildcard, and its case variants are few enough.
 */
export function narrowsByChecksum(ctx: SqlContext, name: string, text: string, mode: TextMode): boolean {
  if (mode !== 'normal' || name === '*' || name === '_*' || name === '*_') return false;
  const literal = likeLiteral(toSql(text));
  if (literal === null || !checksumsAreFew(literal)) return false;
  const byNotetype = fieldOrdsByNotetype(ctx, name);
  return byNotetype.length > 0 && byNotetype.every(({ ords }) => ords.length === 1 && ords[0] === 0);
}

/** `re:` (and `w:` after conversion): a regex over the fields. */
export function regex(ctx: SqlContext, text: string, noCombining: boolean): Cond {
  const flds = noCombining ? processed(FLDS, NO_COMBINING) : FLDS;
  const p = arg(ctx, `(?i)${noCombining ? withoutCombining(text) : text}`);
  const nts = ctx.lookup.notetypes();
  if (!nts.some((nt) => nt.fields.some((f) => f.excludeFromSearch))) return regexpIn(flds, p.sql, p.value);
  const clauses = nts.map((nt) => {
    const ords = nt.fields.filter((f) => !f.excludeFromSearch).map((f) => f.ord);
    if (ords.length === 0) return andCond([midIs(nt.id), FALSE]);
    const test = ords.length === nt.fields.length
      ? regexpIn(flds, p.sql, p.value)
      : regexpFieldsIn(`regexp_fields(${p.sql}, ${flds.sql}, ${ords.join(',')})`, flds, p.value, ords);
    return andCond([midIs(nt.id), test]);
  });
  return clauses.length ? orCond(clauses) : FALSE;
}

/** `w:word`: the glob as a whole word (after a LIKE that rules most notes out, when one is exact). */
export function wordBoundary(ctx: SqlContext, text: string, noCombining: boolean): Cond {
  const test = regex(ctx, `\\b${toRe(text)}\\b`, noCombining);
  const glob = noCombining ? null : globLike(text);
  return glob === null ? test : andCond([like(FLDS, arg(ctx, `%${glob}%`)), test]);
}

/**
 * `tag:x` (children included), `tag:none`, `tag:*`, `tag:re:x`, `tag:nc:x`.
 * Anki's pattern is `(?i).* x(::| ).*`; the `.*` ends change nothing for a
 * search anywhere in the string but cost a JS regex quadratic time, so they
 * are left out. A tag without wildcards whose case folding LIKE shares is
 * pure LIKE; with wildcards, LIKE rules most notes out before the regex.
 */
export function tag(ctx: SqlContext, text: string, mode: TextMode): Cond {
  if (mode === 'regex') {
    const p = arg(ctx, `(?i)${text}`);
    return regexpTagsIn(`regexp_tags(${p.sql}, n.tags)`, p.value);
  }
  if (text === 'none') return cond("n.tags = ''", (r, i) => r.tags[i] === '');
  if (text === '*') return TRUE;
  if (text.includes(' ')) return FALSE;
  if (mode === 'nocombining') {
    const p = arg(ctx, `(?i) ${toCustomRe(withoutCombining(text), '\\S')}(::| )`);
    return regexpIn(processed(TAGS, NO_COMBINING), p.sql, p.value);
  }
  const glob = globLike(text);
  if (glob !== null && !isGlob(text)) return orCond([like(TAGS, arg(ctx, `% ${glob} %`)), like(TAGS, arg(ctx, `% ${glob}::%`))]);
  const p = arg(ctx, `(?i) ${toCustomRe(text, '\\S')}(::| )`);
  const re = regexpIn(TAGS, p.sql, p.value);
  return glob === null ? re : andCond([like(TAGS, arg(ctx, `% ${glob}%`)), re]);
}

/**
 * The glob as the body of a LIKE pattern that every text the glob's
 * case-insensitive regex finds also matches; null if SQLite's ASCII-only
 * LIKE folding could miss a Unicode case match.
 */
function globLike(text: string): string | null {
  let out = '';
  for (const token of text.match(/\\?[^\n]/gu) ?? []) {
    if (token === '\\\\') out += '\\\\';
    else if (token === '\\*') out += '*';
    else if (token === '\\_') out += '\\_';
    else if (token === '*') out += '%';
    else if (token === '_') out += '_';
    else if (token === '%') out += '\\%';
    else if (foldsLikeLike(token)) out += token;
    else return null;
  }
  return text.includes('\n') ? null : out;
}

/** True if every case variant regex `(?i)` accepts for `ch` is one SQLite's LIKE also accepts. */
function foldsLikeLike(ch: string): boolean {
  if (/^[\x00-\x7f]$/.test(ch)) return !/[kKsS]/.test(ch);
  return /^[\p{Lo}\p{Nd}]$/u.test(ch) && ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

/** `dupe:ntid,text`: notes of that type whose stripped first field equals the stripped text. */
export function dupe(ctx: SqlContext, notetypeId: string, text: string): Cond {
  const stripped = stripHtmlPreservingMediaFilenames(text);
  const ids = ctx.lookup
    .notesByChecksum(notetypeId, fieldChecksum(stripped))
    .filter((n) => stripHtmlPreservingMediaFilenames(n.firstField) === stripped)
    .map((n) => n.id);
  return sqlOnly(ids.length ? `n.id in (${ids.join(',')})` : 'false');
}

/** `note:Name` (a glob or a unicase name). */
export function notetype(ctx: SqlContext, name: string): Cond {
  const match = nameMatcher(name);
  const ids = ctx.lookup.notetypes().filter((nt) => match(nt.name)).map((nt) => nt.id);
  return ids.length ? midIn(`n.mid in (${ids.join(',')})`, ids) : FALSE;
}

/** `card:Name`: the (note type, ordinal) pairs of the templates with that name. */
export function templateName(ctx: SqlContext, name: string): Cond {
  const match = nameMatcher(name);
  const clauses: string[] = [];
  for (const nt of ctx.lookup.notetypes()) {
    const ords = nt.templates.filter((t) => match(t.name)).map((t) => t.ord);
    if (ords.length) clauses.push(`(n.mid = ${nt.id} and c.ord in (${ords.join(',')}))`);
  }
  return sqlOnly(clauses.length ? `(${clauses.join(' or ')})` : 'false');
}
