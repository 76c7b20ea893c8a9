/**
 * The SQL functions Anki registers on its connection (rslib
 * `storage/sqlite.rs`) that sql.js lacks: regexp, regexp_fields,
 * regexp_tags, process_text, field_at_index, extract_custom_data,
 * extract_fsrs_variable, extract_fsrs_retrievability. Patterns use Rust
 * regex syntax and are compiled once (bounded cache). Registering is
 * idempotent per database. Reading only: nothing here writes.
 */
import type { Database, SqlValue } from 'sql.js';
import { withoutCombining } from './text.ts';
import { PROFILE_UNICODE, type TextProfile } from './regex-charsets.ts';
import { compileRustRegex } from './rust-regex.ts';

/** `process_text` flags (Anki's ProcessTextFlags). */
export const NO_COMBINING = 1;
export const STRIP_CLOZES = 2;

const CACHE_LIMIT = 128;
const caches = new Map<TextProfile, Map<string, RegExp>>();

/**
 * A compiled Rust-syntax pattern, from a bounded cache; with a text profile,
 * for texts of that profile only (regex-charsets.ts). Throws InvalidRegexError.
 */
export function cachedRegex(pattern: string, profile: TextProfile = PROFILE_UNICODE): RegExp {
  let cache = caches.get(profile);
  if (!cache) caches.set(profile, (cache = new Map()));
  let re = cache.get(pattern);
  if (!re) {
    re = compileRustRegex(pattern, profile);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(pattern, re);
  }
  return re;
}

const asText = (v: SqlValue): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

const registered = new WeakMap<Database, number>();

/**
 * Registers the functions on `raw`, with `regexp_fields` accepting up to
 * `maxIndexes` field indexes (sql.js fixes a function's argument count).
 */
export function registerSearchFunctions(raw: Database, maxIndexes = 16): void {
  const have = registered.get(raw);
  if (have === undefined) {
    define(raw, 'regexp', 2, (pattern, text) => regexpMatch(pattern, text));
    define(raw, 'regexp_tags', 2, (pattern, tags) => regexpTags(pattern, tags));
    define(raw, 'process_text', 2, (text, flags) => processText(text, flags));
    define(raw, 'field_at_index', 2, (flds, index) => fieldAtIndex(flds, index));
    define(raw, 'extract_custom_data', 2, (data, key) => extractCustomData(data, key));
    define(raw, 'extract_fsrs_variable', 2, (data, key) => extractFsrsVariable(data, key));
    define(raw, 'extract_fsrs_retrievability', 6, (...a) => extractFsrsRetrievability(a));
  }
  for (let n = (have ?? -1) + 1; n <= maxIndexes; n++) {
    define(raw, 'regexp_fields', 2 + n, (pattern, flds, ...indexes) => regexpFields(pattern, flds, indexes));
  }
  registered.set(raw, Math.max(have ?? -1, maxIndexes));
}

/** sql.js takes a function's arity from its `length`. */
function define(raw: Database, name: string, arity: number, fn: (...args: SqlValue[]) => SqlValue | boolean): void {
  const wrapper = (...args: SqlValue[]) => fn(...args);
  Object.defineProperty(wrapper, 'length', { value: arity });
  raw.create_function(name, wrapper as (...args: SqlValue[]) => SqlValue);
}

function regexpMatch(pattern: SqlValue, text: SqlValue): boolean {
  const t = asText(text);
  return t !== null && cachedRegex(String(pattern)).test(t);
}

/** True if any field (or any of the given field indexes) matches. */
function regexpFields(pattern: SqlValue, flds: SqlValue, indexes: SqlValue[]): boolean {
  const text = asText(flds);
  return text !== null && fieldsMatch(cachedRegex(String(pattern)), text, indexes);
}

/** `regexp_fields` on a text: any field, or any of the given field indexes, matches `re`. */
export function fieldsMatch(re: RegExp, flds: string, indexes: readonly SqlValue[]): boolean {
  const fields = flds.split('\x1f');
  if (indexes.length === 0) return fields.some((f) => re.test(f));
  return indexes.some((i) => typeof i === 'number' && i < fields.length && re.test(fields[i]!));
}

function regexpTags(pattern: SqlValue, tags: SqlValue): boolean {
  const text = asText(tags);
  return text !== null && tagsMatch(cachedRegex(String(pattern)), text);
}

/** `regexp_tags` on a text: any space-separated tag matches `re`. */
export function tagsMatch(re: RegExp, tags: string): boolean {
  return tags.split(' ').some((t) => re.test(t));
}

const CLOZE = /\{\{c[\p{Nd},]+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/gu;

/** The processed text, or null when nothing changed (callers coalesce). */
function processText(text: SqlValue, flags: SqlValue): string | null {
  const t = asText(text);
  return t === null ? null : processedText(t, typeof flags === 'number' ? flags : 0);
}

/** `process_text` on a text: the processed text, or null when nothing changed. */
export function processedText(t: string, bits: number): string | null {
  let out = t;
  if (bits & STRIP_CLOZES && out.includes('{{c')) out = out.replace(CLOZE, '$1');
  if (bits & NO_COMBINING) out = withoutCombining(out);
  return out === t ? null : out;
}

function fieldAtIndex(flds: SqlValue, index: SqlValue): string {
  const text = asText(flds) ?? '';
  return typeof index === 'number' ? (text.split('\x1f')[index] ?? '') : '';
}

// ---------------------------------------------------------------- card data

interface CardData {
  s?: number;
  d?: number;
  dr?: number;
  decay?: number;
  lrt?: number;
  cd: string;
}

/** `cards.data` as Anki's CardData reads it: bad values default, a bad document is empty. */
function cardData(value: SqlValue): CardData | null {
  if (typeof value !== 'string' || value === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { cd: '' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { cd: '' };
  const o = parsed as Record<string, unknown>;
  if (o.cd !== undefined && typeof o.cd !== 'string') return { cd: '' };
  const num = (v: unknown) => (typeof v === 'number' ? Math.fround(v) : undefined);
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  return { s: num(o.s), d: num(o.d), dr: num(o.dr), decay: num(o.decay), lrt: int(o.lrt), cd: (o.cd as string) ?? '' };
}

function extractCustomData(data: SqlValue, key: SqlValue): string | null {
  const cd = cardData(data);
  if (!cd || typeof key !== 'string') return null;
  let custom: unknown;
  try {
    custom = JSON.parse(cd.cd);
  } catch {
    return null;
  }
  if (custom === null || typeof custom !== 'object' || Array.isArray(custom) || !Object.hasOwn(custom, key)) return null;
  const v = (custom as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function extractFsrsVariable(data: SqlValue, key: SqlValue): number | null {
  const cd = cardData(data);
  if (!cd) return null;
  const v = key === 's' ? cd.s : key === 'd' ? cd.d : key === 'dr' ? cd.dr : undefined;
  return v ?? null;
}

const FSRS5_DEFAULT_DECAY = 0.5;
const u32 = (n: number) => n >>> 0;
const satSub = (a: number, b: number) => Math.max(0, a - b);

/** extract_fsrs_retrievability(data, due, ivl, days_elapsed, next_day_at, now). */
function extractFsrsRetrievability([data, due, ivl, today, , now]: SqlValue[]): number | null {
  const cd = cardData(data ?? null);
  if (!cd || typeof due !== 'number' || typeof now !== 'number') return null;
  let secs: number;
  if (cd.lrt !== undefined) {
    secs = satSub(u32(now), u32(cd.lrt));
  } else if (due > 365_000) {
    if (typeof ivl !== 'number') return null;
    secs = satSub(u32(now), satSub(u32(due), u32(ivl)));
  } else {
    if (typeof ivl !== 'number' || typeof today !== 'number') return null;
    secs = satSub(u32(today), satSub(u32(due), u32(ivl))) * 86_400;
  }
  if (cd.s === undefined || cd.d === undefined) return null;
  const decay = cd.decay ?? FSRS5_DEFAULT_DECAY;
  const factor = Math.fround(Math.pow(0.9, 1 / -decay) - 1);
  const days = Math.fround(secs / 86_400);
  return Math.fround(Math.pow((days / cd.s) * factor + 1, -decay));
}
