/**
 * Search text conversions (Anki's `text.rs`: is_glob, to_re, to_custom_re,
 * to_sql, to_text, without_combining, glob_matcher). A search text keeps
 * `\\`, `\*` and `\_` escapes; `*` and `_` are wildcards.
 */

/** Characters Rust's `regex::escape` escapes. */
const RUST_META = new Set('\\.+*?()|[]{}^$#&-~');
/** Characters that must be escaped in a JavaScript `u`-mode regex. */
const JS_META = new Set('\\.+*?()|[]{}^$/');

/** Rust's `regex::escape`: the text as a Rust regex literal (pattern text for the SQL functions). */
export function rustRegexEscape(text: string): string {
  let out = '';
  for (const ch of text) out += RUST_META.has(ch) ? '\\' + ch : ch;
  return out;
}

/** The text as a JavaScript (`u` flag) regex literal. */
export function jsRegexEscape(text: string): string {
  let out = '';
  for (const ch of text) out += JS_META.has(ch) ? '\\' + ch : ch;
  return out;
}

/** True if the text has an unescaped `*` or `_`. */
export function isGlob(text: string): boolean {
  return /(?:^|[^\\])(?:\\\\)*[*_]/u.test(text);
}

/**
 * Anki's `to_custom_re`: a Rust regex for the glob, `*` → `<wildcard>*`,
 * `_` → `<wildcard>`, `\_` → `_`, `\\` and `\*` kept, the rest escaped.
 * (Rust's `\\?.` does not match a newline, which is left as it is.)
 */
export function toCustomRe(text: string, wildcard: string, escape = rustRegexEscape): string {
  return text.replace(/\\?[^\n]/gu, (s) => {
    if (s === '\\\\' || s === '\\*') return s;
    if (s === '\\_') return '_';
    if (s === '*') return wildcard + '*';
    if (s === '_') return wildcard;
    return escape(s);
  });
}

/** Anki's `to_re` (Rust flavour, for SQL function arguments). */
export function toRe(text: string): string {
  return toCustomRe(text, '.');
}

/** The glob as JavaScript regex source; `.` there excludes only `\n`, as Rust's does. */
export function globToJsRegex(text: string): string {
  return toCustomRe(text, '[^\\n]', jsRegexEscape);
}

/** Anki's `to_sql`: a LIKE pattern (escape `\`): `*` → `%`, `\*` → `*`, `%` → `\%`; `_` stays a wildcard. */
export function toSql(text: string): string {
  return text.replace(/\\[\\*]|[*%]/gu, (s) => (s === '\\\\' ? '\\\\' : s === '\\*' ? '*' : s === '*' ? '%' : '\\%'));
}

/** Anki's `to_text`: every `\x` becomes `x`. */
export function toText(text: string): string {
  return text.replace(/\\([^\n])/gu, '$1');
}

/** The literal a LIKE pattern (escape `\`) matches, or null if it has a wildcard. */
export function likeLiteral(pattern: string): string | null {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      out += pattern[++i];
    } else if (ch === '%' || ch === '_') {
      return null;
    } else {
      out += ch;
    }
  }
  return out;
}

const EXTRA_NO_COMBINING: Record<string, string> = {
  '€': 'E', Æ: 'AE', Ð: 'D', Ø: 'O', Þ: 'TH', ß: 's', æ: 'ae', ð: 'd', ø: 'o', þ: 'th',
  Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', ĸ: 'k', Ł: 'L', ł: 'l', Ŋ: 'N', ŋ: 'n',
  Œ: 'OE', œ: 'oe', Ŧ: 'T', ŧ: 't', Ə: 'E', ǝ: 'e', ɑ: 'a',
};
const EXTRA_KEYS = new RegExp(`[${Object.keys(EXTRA_NO_COMBINING).join('')}]`, 'gu');

/** Anki's `without_combining`: NFKD, combining marks dropped, a few letters spelled out. */
export function withoutCombining(text: string): string {
  // Pure ASCII is already NFKD and has neither marks nor replaced letters.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(EXTRA_KEYS, (ch) => EXTRA_NO_COMBINING[ch] ?? ch);
}

/** NFC, as Anki normalises search text when `normalize_note_text` is on. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** A case fold close to unicase's (full Unicode folding; `ß` = `ss`). */
export function foldCase(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.toUpperCase().toLowerCase();
}

/**
 * Anki's `glob_matcher` for names (fields, note types, templates): a glob
 * matches the whole name case-insensitively; plain text compares unicase
 * after its escapes are removed.
 */
export function nameMatcher(search: string): (name: string) => boolean {
  if (isGlob(search)) {
    const re = new RegExp(`^(?:${globToJsRegex(search)})$`, 'iu');
    return (name) => re.test(name);
  }
  const folded = foldCase(toText(search));
  return (name) => foldCase(name) === folded;
}
