/**
 * SQLite's `text LIKE pattern ESCAPE '\'` (case_sensitive_like off) as a JS
 * test, for texts evaluated outside SQLite (note-cache.ts): `%` matches any
 * run of characters, `_` one character (a code point), `\x` the character
 * x, a trailing lone `\` nothing at all; only ASCII letters match their
 * other case. SQLite reads the pattern up to a NUL.
 *
 * The text must be well-formed (no lone surrogates) and hold no NUL or
 * U+FFFD (SQLite would read it differently); note-cache.ts leaves such
 * notes to SQL. A lone surrogate or U+FFFD in the pattern is U+FFFD to
 * SQLite, which then matches nothing in such a text.
 */
export type LikeTest = (text: string) => boolean;

/** SQLite's SQLITE_MAX_LIKE_PATTERN_LENGTH: a longer pattern is an SQL error, left to SQLite. */
const MAX_PATTERN_BYTES = 50_000;

const NEVER: LikeTest = () => false;

/** One `%`-free run of the pattern: literal characters and `_` (null). */
type Segment = (string | null)[];

/** The test for `pattern`, or null when only SQLite can evaluate it (too long). */
export function likeTest(pattern: string): LikeTest | null {
  if (new TextEncoder().encode(pattern).length > MAX_PATTERN_BYTES) return null;
  const nul = pattern.indexOf('\0');
  const segments = parseSegments(nul < 0 ? pattern : pattern.slice(0, nul));
  if (segments === null) return NEVER;
  const first = segments[0]!;
  if (segments.length === 1) return whole(first);
  const tail = segments.slice(1, -1).filter((s) => s.length > 0);
  const last = segments[segments.length - 1]!;
  const start = first.length ? new RegExp(source(first), `y${flagsFor(first)}`) : null;
  const middle = tail.map((s) => new RegExp(source(s), `g${flagsFor(s)}`));
  const end = last.length ? new RegExp(`(?:${source(last)})$`, `g${flagsFor(last)}`) : null;
  return (text) => {
    let pos = 0;
    if (start) {
      start.lastIndex = 0;
      if (!start.test(text)) return false;
      pos = start.lastIndex;
    }
    // Each run at its leftmost place after the previous one: the `%`s between take the rest.
    for (const re of middle) {
      re.lastIndex = pos;
      if (!re.test(text)) return false;
      pos = re.lastIndex;
    }
    if (!end) return true;
    end.lastIndex = pos;
    return end.test(text);
  };
}

/** A pattern without `%`: the whole text. */
function whole(segment: Segment): LikeTest {
  const re = new RegExp(`^(?:${source(segment)})$`, flagsFor(segment));
  return (text) => re.test(text);
}

/** The pattern split at `%`; null if it can never match. */
function parseSegments(pattern: string): Segment[] | null {
  const segments: Segment[] = [[]];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (ch === '%') {
      segments.push([]);
      continue;
    }
    if (ch === '_') {
      segments[segments.length - 1]!.push(null);
      continue;
    }
    if (ch === '\\') {
      if (i + 1 >= chars.length) return null;
      ch = chars[++i]!;
    }
    if (ch === '\ufffd' || /^[\ud800-\udfff]$/.test(ch)) return null;
    segments[segments.length - 1]!.push(ch);
  }
  return segments;
}

const JS_META = /[\\^$.*+?()[\]{}|/]/;

/**
 * A `_` needs `u` mode (one code point, never half a pair); then an ASCII
 * letter is written as both cases. Without `_`, `i` mode is exact when all
 * literals are ASCII (without `u`, `i` folds no other character onto ASCII).
 */
function flagsFor(segment: Segment): string {
  if (segment.includes(null)) return 'u';
  return segment.every((ch) => ch! < '\x80') ? 'i' : '';
}

function source(segment: Segment): string {
  const caseless = flagsFor(segment) !== 'i';
  return segment
    .map((ch) => {
      if (ch === null) return '[\\s\\S]';
      if (caseless && /^[A-Za-z]$/.test(ch)) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      return JS_META.test(ch) ? `\\${ch}` : ch;
    })
    .join('');
}
