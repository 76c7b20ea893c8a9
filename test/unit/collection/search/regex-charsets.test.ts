/**
 * The narrowed classes (regex-charsets.ts) against the Unicode ones: for
 * every character a text of the profile can hold, each class written for
 * the profile matches exactly when the Unicode class does, with and without
 * `(?i)`; and whole patterns agree on texts of each profile.
 */
import { describe, expect, it } from 'vitest';
import {
  charsetClasses,
  PROFILE_ASCII,
  PROFILE_ASCII_DIGITS,
  PROFILE_ASCII_SPACES,
  PROFILE_ASCII_WORD,
  PROFILE_BMP,
  PROFILE_UNICODE,
  profileText,
  type CharsetClasses,
  type TextProfile,
} from '../../../../extension/collection/search/regex-charsets.ts';
import { compileRustRegex } from '../../../../extension/collection/search/rust-regex.ts';

const DIGIT = /^\p{Nd}$/u;
const SPACE = /^\p{White_Space}$/u;
const WORD = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]$/u;

/** Every character a text of `profile` can hold, as one string (no surrogates, so index = code point order). */
function admissible(profile: TextProfile): string {
  let out = '';
  const last = profile === PROFILE_ASCII ? 0x7f : 0xffff;
  for (let cp = 0; cp <= last; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    const beyond = cp >= 0x80;
    if (beyond && profile & PROFILE_ASCII_DIGITS && DIGIT.test(ch)) continue;
    if (beyond && profile & PROFILE_ASCII_SPACES && SPACE.test(ch)) continue;
    if (beyond && profile & PROFILE_ASCII_WORD && WORD.test(ch)) continue;
    out += ch;
  }
  return out;
}

/** The single-character atoms a translation can contain. */
function atoms(c: CharsetClasses): string[] {
  return [
    c.digit.atom, c.notDigit.atom, `[${c.digit.body}]`, `[^${c.digit.body}]`, `[${c.notDigit.body}x]`,
    c.space.atom, c.notSpace.atom, `[${c.space.body}]`, `[^${c.space.body}]`, `[${c.notSpace.body}]`,
    c.word.atom, c.notWordAtom, `[${c.word.body}]`, `[^${c.word.body}]`,
    c.notNewline, c.any,
  ];
}

function matchedIndexes(text: string, atom: string, flags: string): number[] {
  return Array.from(text.matchAll(new RegExp(atom, `g${flags}`)), (m) => m.index);
}

const PROFILES: [string, TextProfile][] = [
  ['ASCII', PROFILE_ASCII],
  ['BMP', PROFILE_BMP],
  ['BMP, ASCII digits', PROFILE_BMP | PROFILE_ASCII_DIGITS],
  ['BMP, ASCII spaces', PROFILE_BMP | PROFILE_ASCII_SPACES],
  ['BMP, ASCII word characters', PROFILE_BMP | PROFILE_ASCII_WORD],
  ['BMP, all three ASCII', PROFILE_BMP | PROFILE_ASCII_DIGITS | PROFILE_ASCII_SPACES | PROFILE_ASCII_WORD],
];

describe('charsetClasses', () => {
  it.each(PROFILES)('%s: every class matches the characters the Unicode class matches', (_, profile) => {
    const text = admissible(profile);
    const wide = atoms(charsetClasses(PROFILE_UNICODE));
    const narrow = atoms(charsetClasses(profile));
    for (const flags of ['u', 'iu']) {
      narrow.forEach((atom, k) => {
        expect(matchedIndexes(text, atom, flags), `${wide[k]} /${flags}`).toEqual(matchedIndexes(text, wide[k]!, flags));
      });
    }
  });

  it('keeps the Unicode classes for any text', () => {
    expect(charsetClasses(PROFILE_UNICODE).digit.atom).toBe('\\p{Nd}');
    expect(charsetClasses(PROFILE_ASCII).digit.atom).toBe('[\\u{30}-\\u{39}]');
  });
});

describe('profileText', () => {
  const p = (text: string) => profileText(text);
  it('tells ASCII, BMP and astral texts apart, and which classes reach beyond ASCII', () => {
    expect(p('plain ascii 123')).toEqual({ profile: PROFILE_ASCII, odd: false });
    expect(p('')).toEqual({ profile: PROFILE_ASCII, odd: false });
    expect(p('日本語 12')).toEqual({ profile: PROFILE_BMP | PROFILE_ASCII_DIGITS | PROFILE_ASCII_SPACES, odd: false });
    expect(p('٣ digits')).toEqual({ profile: PROFILE_BMP | PROFILE_ASCII_SPACES, odd: false });
    expect(p('a\u3000b')).toEqual({ profile: PROFILE_BMP | PROFILE_ASCII_DIGITS | PROFILE_ASCII_WORD, odd: false });
    expect(p('© ±')).toEqual({ profile: PROFILE_BMP | PROFILE_ASCII_DIGITS | PROFILE_ASCII_SPACES | PROFILE_ASCII_WORD, odd: false });
    expect(p('emoji 😀')).toEqual({ profile: PROFILE_UNICODE, odd: false });
  });

  it('marks texts SQLite may read differently: NUL, U+FFFD, lone surrogates', () => {
    expect(p('a\0b').odd).toBe(true);
    expect(p('a\ufffdb').odd).toBe(true);
    expect(p('a\ud83db').odd).toBe(true);
    expect(p('a\ude00').odd).toBe(true);
    expect(p('😀\ud83d').odd).toBe(true);
  });
});

describe('compileRustRegex for a text profile', () => {
  const patterns = [
    '(?i)\\d{3}', '\\D+', '(?i)\\bcat\\b', '\\w+\\W\\w+', '(?i)\\s\\S', '[\\d\\s]+x', '[^\\d]{2}', '(?i)[\\w-]+$',
    '(?i)\\Bat', '(?s)a.b', 'a.b', '\\<to\\>', '(?i)^K\\w*s$', '(?i)[^\\W\\d]+', '\\bé', '(?i)straße',
  ];
  const texts = [
    'abc 123 def', 'cat Cat CAT', 'scat cats', 'a\nb a-b', 'K\u212a s\u017f KS', 'x_y 9_9', '', '   ',
    '日本語 123 猫', 'café Über ٣٤٥ x', 'a\u3000b\u00a0c', 'straße STRASSE', 'é\u0301 e', 'tab\there', 'ＡＢ１２',
  ];
  it('matches as the general translation on every text of its profile', () => {
    for (const text of texts) {
      const { profile } = profileText(text);
      for (const pattern of patterns) {
        expect(compileRustRegex(pattern, profile).test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(compileRustRegex(pattern).test(text));
      }
    }
  });
});
