/**
 * The character classes rust-regex.ts writes for Rust's Unicode `\d`, `\s`,
 * `\w`, their negations and `.`, narrowed to what a given text can hold.
 *
 * A text's profile says what it holds: BMP characters only (no surrogates),
 * or ASCII only, and for each class (digits, white space, word characters)
 * whether it has no member beyond ASCII. On such a text a narrowed class
 * (the members the text can hold; a negation as the positive class of the
 * rest of its range) matches exactly the characters the Unicode class
 * matches, also under `(?i)` (the tests check every BMP character). V8 runs
 * the narrow ones far faster: a class of many ranges, or a `u`-mode class
 * reaching past the BMP, costs it a test per position (`\d{3}` over
 * Japanese text: ~15×).
 */

/** A text's profile: a bit set of PROFILE_*; 0 for any text (Unicode classes). */
export type TextProfile = number;
export const PROFILE_UNICODE = 0;
/** No surrogates: every character is in the BMP. */
export const PROFILE_BMP = 1;
/** No decimal digit (Nd) beyond ASCII. */
export const PROFILE_ASCII_DIGITS = 2;
/** No white space beyond ASCII. */
export const PROFILE_ASCII_SPACES = 4;
/** No word character beyond ASCII. */
export const PROFILE_ASCII_WORD = 8;
/** Nothing beyond ASCII (implies the others). */
export const PROFILE_ASCII = 31;
const ASCII_ONLY = 16;

/** How each class is written: `body` inside `[…]`, `atom` on its own. */
export interface CharsetClasses {
  digit: { body: string; atom: string };
  notDigit: { body: string; atom: string };
  space: { body: string; atom: string };
  notSpace: { body: string; atom: string };
  /** `\w` (Rust's Unicode word characters). */
  word: { body: string; atom: string };
  /** `\W` outside a class (inside one, rust-regex keeps JS's own `\W`). */
  notWordAtom: string;
  /** `.` without `(?s)`: anything but `\n`. */
  notNewline: string;
  /** `.` with `(?s)`: anything. */
  any: string;
}

export const WORD_BODY = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`;

const UNICODE: CharsetClasses = {
  digit: { body: '\\p{Nd}', atom: '\\p{Nd}' },
  notDigit: { body: '\\P{Nd}', atom: '\\P{Nd}' },
  space: { body: '\\p{White_Space}', atom: '\\p{White_Space}' },
  notSpace: { body: '\\P{White_Space}', atom: '\\P{White_Space}' },
  word: { body: WORD_BODY, atom: `[${WORD_BODY}]` },
  notWordAtom: `[^${WORD_BODY}]`,
  notNewline: '[^\\n]',
  any: '[\\s\\S]',
};

// Per BMP character: which classes hold it, and what makes a text odd to SQLite.
const DIGIT = 1;
const SPACE = 2;
const WORD = 4;
const SURROGATE = 8;
/** NUL (SQLite's LIKE stops there) or U+FFFD (stands for bytes that were not UTF-8). */
const ODD = 16;
/** A character beyond ASCII that `(?i)` matches with an ASCII member of the class `bit` (K for k, ſ for s). */
const foldsOnto = (bit: number) => bit << 5;

let table: Uint8Array | null = null;

function charTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  // Every BMP character once, surrogates replaced, so that a match's index is its code point.
  let all = '';
  for (let cp = 0; cp < 0x10000; cp++) all += cp >= 0xd800 && cp <= 0xdfff ? 'x' : String.fromCharCode(cp);
  const mark = (source: string, bit: number) => {
    for (const m of all.matchAll(new RegExp(source, 'gu'))) t[m.index] = t[m.index]! | bit;
  };
  mark('\\p{Nd}', DIGIT);
  mark('\\p{White_Space}', SPACE);
  mark(`[${WORD_BODY}]`, WORD);
  for (const bit of [DIGIT, SPACE, WORD]) {
    const ascii = ranges(0x7f, (cp) => (t[cp]! & bit) !== 0);
    for (const m of all.matchAll(new RegExp(`[${ascii}]`, 'giu'))) if (m.index >= 0x80) t[m.index] = t[m.index]! | foldsOnto(bit);
  }
  for (let cp = 0xd800; cp <= 0xdfff; cp++) t[cp] = SURROGATE;
  t[0] = ODD;
  t[0xfffd] = t[0xfffd]! | ODD;
  table = t;
  return t;
}

/** NUL or anything beyond ASCII. */
const SPECIAL = /[^\x01-\x7f]/;

/** A text's profile, and whether SQLite may read it differently than JS does (NUL, U+FFFD, a lone surrogate). */
export function profileText(text: string): { profile: TextProfile; odd: boolean } {
  const first = text.search(SPECIAL);
  if (first < 0) return { profile: PROFILE_ASCII, odd: false };
  const t = charTable();
  let seen = 0;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0) seen |= t[c]!;
  }
  if (seen & SURROGATE) return { profile: PROFILE_UNICODE, odd: (seen & ODD) !== 0 || !text.isWellFormed() };
  let profile = PROFILE_BMP;
  if (!(seen & DIGIT)) profile |= PROFILE_ASCII_DIGITS;
  if (!(seen & SPACE)) profile |= PROFILE_ASCII_SPACES;
  if (!(seen & WORD)) profile |= PROFILE_ASCII_WORD;
  return { profile, odd: (seen & ODD) !== 0 };
}

const built = new Map<TextProfile, CharsetClasses>([[PROFILE_UNICODE, UNICODE]]);

/** The classes for texts of `profile` (computed once per profile, on first use). */
export function charsetClasses(profile: TextProfile): CharsetClasses {
  let c = built.get(profile);
  if (!c) {
    c = narrowClasses(profile);
    built.set(profile, c);
  }
  return c;
}

/**
 * A class for texts of `profile`: when the text holds no member beyond
 * ASCII, the ASCII members; else the members in range. Its negation (as a
 * positive class) leaves out the characters `(?i)` would fold onto an
 * ASCII member (the text cannot hold them either).
 */
function narrowClass(profile: TextProfile, bit: number, asciiOnly: number): { member: (cp: number) => boolean; other: (cp: number) => boolean } {
  const t = charTable();
  const narrow = (profile & asciiOnly) !== 0;
  const member = (cp: number) => (t[cp]! & bit) !== 0 && (cp < 0x80 || !narrow);
  return { member, other: (cp) => !member(cp) && !(narrow && t[cp]! & foldsOnto(bit)) };
}

function narrowClasses(profile: TextProfile): CharsetClasses {
  const last = profile & ASCII_ONLY ? 0x7f : 0xffff;
  const digit = narrowClass(profile, DIGIT, PROFILE_ASCII_DIGITS);
  const space = narrowClass(profile, SPACE, PROFILE_ASCII_SPACES);
  const word = narrowClass(profile, WORD, PROFILE_ASCII_WORD);
  const body = (test: (cp: number) => boolean) => ranges(last, test);
  const both = (b: string) => ({ body: b, atom: `[${b}]` });
  return {
    digit: both(body(digit.member)),
    notDigit: both(body(digit.other)),
    space: both(body(space.member)),
    notSpace: both(body(space.other)),
    word: both(body(word.member)),
    notWordAtom: `[${body(word.other)}]`,
    notNewline: `[${body((cp) => cp !== 0x0a)}]`,
    any: `[${body(() => true)}]`,
  };
}

/** The code points 0…last (surrogates left out) passing `test`, as class ranges. */
function ranges(last: number, test: (cp: number) => boolean): string {
  let out = '';
  let start = -1;
  const close = (end: number) => {
    out += start === end ? hex(start) : `${hex(start)}-${hex(end)}`;
    start = -1;
  };
  for (let cp = 0; cp <= last; cp++) {
    const inside = (cp < 0xd800 || cp > 0xdfff) && test(cp);
    if (inside && start < 0) start = cp;
    else if (!inside && start >= 0) close(cp - 1);
  }
  if (start >= 0) close(last);
  // An empty class matches nothing, as the class it stands for then does in such a text.
  return out;
}

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
