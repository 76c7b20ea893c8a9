/**
 * SQL for the note terms: text, fields, regexes, tags, duplicates, note
 * types and templates (Anki's `sqlwriter.rs`). Names resolve through the
 * lookup into id lists; texts go in as arguments.
 */
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../notes/text.ts';
import { checksumsAreFew, exactFieldChecksums } from './checksums.ts';
import { sortFieldKey } from './sort-field-index.ts';
import { NO_COMBINING, STRIP_CLOZES } from './functions.ts';
import type { NotetypeInfo } from './lookup.ts';
import type { TextMode } from './nodes.ts';
import type { SqlContext } from './sql.ts';
import { isGlob, likeLiteral, nameMatcher, toCustomRe, toRe, toSql, withoutCombining } from './text.ts';

const ESC = "escape '\\'";

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

/**
 * A LIKE pattern over the whole `flds`: the value (placeholder `p`) for the
 * fields of `range` (a `%` in the value may span them), `%` for the others.
 */
function fieldsPattern(total: number, range: Range, p: string): string {
  const parts: string[] = [];
  for (let i = 0; i < total; i++) {
    if (i === range.start) parts.push(`' || ${p} || '`);
    else if (i < range.start || i >= range.end) parts.push('%');
  }
  return `'${parts.join('\x1f')}'`;
}

const processed = (column: string, flags: number) => `coalesce(process_text(${column}, ${flags}), ${column})`;

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
export function unqualified(ctx: SqlContext, text: string, noCombining: boolean, stripClozes: boolean): string {
  let value = toSql(text);
  if (noCombining) value = withoutCombining(value);
  const p = ctx.arg(`%${value}%`);
  const flags = (noCombining ? NO_COMBINING : 0) | (stripClozes ? STRIP_CLOZES : 0);
  const sfld = flags ? `coalesce(process_text(cast(n.sfld as text), ${flags}), n.sfld)` : 'n.sfld';
  const flds = flags ? processed('n.flds', flags) : 'n.flds';
  const included = includedFields(ctx.lookup.notetypes());
  let body: string;
  if (included) {
    const clauses = included.map(({ nt, ranges, sortfExcluded }) => {
      const likes = ranges.map((r) => `${flds} like ${fieldsPattern(nt.fields.length, r, p)} ${ESC}`);
      if (!sortfExcluded) likes.push(`${sfld} like ${p} ${ESC}`);
      return `(n.mid = ${nt.id} and (${likes.join(' or ')}))`;
    });
    body = clauses.length ? `(${clauses.join(' or ')})` : 'false';
  } else {
    body = `(${sfld} like ${p} ${ESC} or ${flds} like ${p} ${ESC})`;
  }
  if (!stripClozes) return body;
  const cloze = ctx.lookup.notetypes().filter((nt) => nt.cloze).map((nt) => nt.id);
  return cloze.length ? `(n.mid in (${cloze.join(',')}) and ${body})` : 'false';
}

/** `field:value` (and `field:nc:value`, `field:re:x`, `*:value`). */
export function field(ctx: SqlContext, name: string, text: string, mode: TextMode): string {
  if (name === '*' || name === '_*' || name === '*_') {
    if (mode === 'regex') return `regexp_fields(${ctx.arg(`(?i)${text}`)}, n.flds)`;
    const like = globLike(text);
    // A whole field equal to a plain text: LIKE over the fields between separators.
    if (like !== null && !isGlob(text)) return `('\x1f' || n.flds || '\x1f' like ${ctx.arg(`%\x1f${like}\x1f%`)} ${ESC})`;
    const test = `regexp_fields(${ctx.arg(`(?is)^${toRe(text)}$`)}, n.flds)`;
    return like === null ? test : `(n.flds like ${ctx.arg(`%${like}%`)} ${ESC} and ${test})`;
  }
  const byNotetype = fieldOrdsByNotetype(ctx, name);
  if (byNotetype.length === 0) return 'false';
  if (mode === 'regex') {
    const p = ctx.arg(`(?i)${text}`);
    const clauses = byNotetype.map(({ nt, ords }) => `(n.mid = ${nt.id} and regexp_fields(${p}, n.flds, ${ords.join(', ')}))`);
    return `(${clauses.join(' or ')})`;
  }
  const testNonEmpty = text === '*' || text === '_*' || text === '*_';
  let value = toSql(text);
  if (mode === 'nocombining') value = withoutCombining(value);
  const p = ctx.arg(value);
  const flds = mode === 'nocombining' ? processed('n.flds', NO_COMBINING) : 'n.flds';
  const clauses = byNotetype.map(({ nt, ords }) => {
    const ranges = collectRanges(ords, !testNonEmpty);
    const likes = ranges.map((r) => `${flds} like ${fieldsPattern(nt.fields.length, r, p)} ${ESC}`).join(' or ');
    return `(n.mid = ${nt.id} and (${likes}))`;
  });
  const any = `(${clauses.join(' or ')})`;
  // Only the first field, matched exactly, in every note type: narrow through the csum index first.
  const sums = narrowsByChecksum(ctx, name, text, mode) ? exactFieldChecksums(likeLiteral(value)!) : null;
  if (sums) return `(n.csum in (${sums.join(',')}) and ${any})`;
  // Only the sort field, matched exactly: narrow through the lower(sfld) index.
  const key = narrowsBySortField(ctx, name, text, mode);
  return key === null ? any : `(lower(n.sfld) = ${ctx.arg(key)} and ${any})`;
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
export function regex(ctx: SqlContext, text: string, noCombining: boolean): string {
  const flds = noCombining ? processed('n.flds', NO_COMBINING) : 'n.flds';
  const p = ctx.arg(`(?i)${noCombining ? withoutCombining(text) : text}`);
  const nts = ctx.lookup.notetypes();
  if (!nts.some((nt) => nt.fields.some((f) => f.excludeFromSearch))) return `${flds} regexp ${p}`;
  const clauses = nts.map((nt) => {
    const ords = nt.fields.filter((f) => !f.excludeFromSearch).map((f) => f.ord);
    if (ords.length === 0) return `(n.mid = ${nt.id} and false)`;
    const test = ords.length === nt.fields.length ? `${flds} regexp ${p}` : `regexp_fields(${p}, ${flds}, ${ords.join(',')})`;
    return `(n.mid = ${nt.id} and ${test})`;
  });
  return clauses.length ? `(${clauses.join(' or ')})` : 'false';
}

/** `w:word`: the glob as a whole word (after a LIKE that rules most notes out, when one is exact). */
export function wordBoundary(ctx: SqlContext, text: string, noCombining: boolean): string {
  const test = regex(ctx, `\\b${toRe(text)}\\b`, noCombining);
  const like = noCombining ? null : globLike(text);
  return like === null ? test : `(n.flds like ${ctx.arg(`%${like}%`)} ${ESC} and ${test})`;
}

/**
 * `tag:x` (children included), `tag:none`, `tag:*`, `tag:re:x`, `tag:nc:x`.
 * Anki's pattern is `(?i).* x(::| ).*`; the `.*` ends change nothing for a
 * search anywhere in the string but cost a JS regex quadratic time, so they
 * are left out. A tag without wildcards whose case folding LIKE shares is
 * pure LIKE; with wildcards, LIKE rules most notes out before the regex.
 */
export function tag(ctx: SqlContext, text: string, mode: TextMode): string {
  if (mode === 'regex') return `regexp_tags(${ctx.arg(`(?i)${text}`)}, n.tags)`;
  if (text === 'none') return "n.tags = ''";
  if (text === '*') return 'true';
  if (text.includes(' ')) return 'false';
  if (mode === 'nocombining') {
    const p = ctx.arg(`(?i) ${toCustomRe(withoutCombining(text), '\\S')}(::| )`);
    return `${processed('n.tags', NO_COMBINING)} regexp ${p}`;
  }
  const like = globLike(text);
  if (like !== null && !isGlob(text)) {
    return `(n.tags like ${ctx.arg(`% ${like} %`)} ${ESC} or n.tags like ${ctx.arg(`% ${like}::%`)} ${ESC})`;
  }
  const p = ctx.arg(`(?i) ${toCustomRe(text, '\\S')}(::| )`);
  return like === null ? `n.tags regexp ${p}` : `(n.tags like ${ctx.arg(`% ${like}%`)} ${ESC} and n.tags regexp ${p})`;
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
export function dupe(ctx: SqlContext, notetypeId: string, text: string): string {
  const stripped = stripHtmlPreservingMediaFilenames(text);
  const ids = ctx.lookup
    .notesByChecksum(notetypeId, fieldChecksum(stripped))
    .filter((n) => stripHtmlPreservingMediaFilenames(n.firstField) === stripped)
    .map((n) => n.id);
  return ids.length ? `n.id in (${ids.join(',')})` : 'false';
}

/** `note:Name` (a glob or a unicase name). */
export function notetype(ctx: SqlContext, name: string): string {
  const match = nameMatcher(name);
  const ids = ctx.lookup.notetypes().filter((nt) => match(nt.name)).map((nt) => nt.id);
  return ids.length ? `n.mid in (${ids.join(',')})` : 'false';
}

/** `card:Name`: the (note type, ordinal) pairs of the templates with that name. */
export function templateName(ctx: SqlContext, name: string): string {
  const match = nameMatcher(name);
  const clauses: string[] = [];
  for (const nt of ctx.lookup.notetypes()) {
    const ords = nt.templates.filter((t) => match(t.name)).map((t) => t.ord);
    if (ords.length) clauses.push(`(n.mid = ${nt.id} and c.ord in (${ords.join(',')}))`);
  }
  return clauses.length ? `(${clauses.join(' or ')})` : 'false';
}
