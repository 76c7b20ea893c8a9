import { describe, expect, it } from 'vitest';
import { InvalidRegexError } from '../../../../extension/collection/search/errors.ts';
import { compileRustRegex } from '../../../../extension/collection/search/rust-regex.ts';

const matches = (pattern: string, text: string) => compileRustRegex(pattern).test(text);

describe('compileRustRegex: flags', () => {
  it('turns leading (?i) and (?is) into flags', () => {
    expect(matches('(?i)DOG', 'a dog')).toBe(true);
    expect(matches('DOG', 'a dog')).toBe(false);
    expect(matches('(?is)^a.b$', 'a\nb')).toBe(true);
    expect(matches('(?i)^a.b$', 'a\nb')).toBe(false);
  });

  it('folds case Unicode-wide under (?i)', () => {
    expect(matches('(?i)straße', 'STRASSE')).toBe(false); // simple folding, as Rust
    expect(matches('(?i)ä', 'Ä')).toBe(true);
    expect(matches('(?i)k', '\u212a')).toBe(true); // KELVIN SIGN
  });

  it('lets a user turn case-insensitivity back off', () => {
    expect(matches('(?i)(?-i)Dog', 'dog')).toBe(false);
    expect(matches('(?i)(?-i)Dog', 'Dog')).toBe(true);
  });

  it('applies (?m) and (?x)', () => {
    expect(matches('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(matches('^b$', 'a\nb\nc')).toBe(false);
    expect(matches('(?x) a b # comment\n c', 'abc')).toBe(true);
    expect(matches('(?x)a\\ b', 'a b')).toBe(true);
  });

  it('lets . stop only at \\n', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true);
    expect(matches('^a.b$', 'a\u2028b')).toBe(true);
    expect(matches('^a.b$', 'a\nb')).toBe(false);
  });
});

describe('compileRustRegex: Unicode classes and boundaries', () => {
  it('makes \\b, \\w, \\d and \\s Unicode-aware', () => {
    expect(matches('\\bcafé\\b', 'un café noir')).toBe(true);
    expect(matches('\\bcaf\\b', 'un café noir')).toBe(false);
    expect(matches('\\b日本\\b', '日本語')).toBe(false);
    expect(matches('\\b日本語\\b', 'これは日本語です')).toBe(false);
    expect(matches('\\b日本語\\b', 'x 日本語 y')).toBe(true);
    expect(matches('^\\w+$', 'Ünïcødé')).toBe(true);
    expect(matches('^\\d+$', '١٢٣')).toBe(true);
    expect(matches('^a\\sb$', 'a\u3000b')).toBe(true);
    expect(matches('^a\\Sb$', 'a\u3000b')).toBe(false);
    expect(matches('^[\\w-]+$', 'ab-ü')).toBe(true);
  });

  it('handles \\b next to punctuation and in every position', () => {
    expect(matches('\\b\\.x', 'a.x')).toBe(true);
    expect(matches('x\\b', 'x!')).toBe(true);
    expect(matches('x\\b', 'xy')).toBe(false);
    expect(matches('\\b!', 'a!')).toBe(true);
    expect(matches('\\b!', ' !')).toBe(false);
    expect(matches('a*\\b', 'b')).toBe(true);
    expect(matches('\\Bo\\B', 'dog')).toBe(true);
    expect(matches('\\Bd', 'dog')).toBe(false);
    expect(matches('\\<dog\\>', 'a dog')).toBe(true);
    expect(matches('\\b{start}og', 'dog')).toBe(false);
  });

  it('reads \\p classes, hex escapes and named groups', () => {
    expect(matches('^\\pL+$', 'abcé')).toBe(true);
    expect(matches('^\\p{Greek}+$', 'αβγ')).toBe(true);
    expect(matches('^\\p{greek}+$', 'αβγ')).toBe(true);
    expect(matches('^\\P{Han}$', 'a')).toBe(true);
    expect(matches('^\\x{1F600}$', '😀')).toBe(true);
    expect(matches('^\\x41\\u00e9$', 'Aé')).toBe(true);
    expect(matches('(?P<word>dog)', 'dog')).toBe(true);
    expect(matches('\\Adog\\z', 'dog')).toBe(true);
  });

  it('reads ASCII classes and nested classes', () => {
    expect(matches('^[[:alpha:]]+$', 'abc')).toBe(true);
    expect(matches('^[[:alpha:]]+$', 'é')).toBe(false);
    expect(matches('^[[:digit:][:punct:]]+$', '1.2!')).toBe(true);
    expect(matches('^[a[bc]]+$', 'abc')).toBe(true);
    expect(matches('^[]a]+$', ']a')).toBe(true);
  });

  it('accepts escaped punctuation JS rejects in u mode', () => {
    for (const p of ['\\#', '\\&', '\\-', '\\~', '\\%', '\\:', '\\"', '\\ ']) {
      expect(matches(p, p.slice(1))).toBe(true);
    }
    expect(matches('[\\#\\-]', '-')).toBe(true);
    expect(matches('a]b}', 'a]b}')).toBe(true);
    expect(matches('a{2}', 'aa')).toBe(true);
    expect(matches('a{', 'a{')).toBe(true);
  });
});

describe('compileRustRegex: errors', () => {
  it.each([
    ['(', 'Unterminated group'],
    ['a**', 'Nothing to repeat'],
    ['\\1', 'backreferences are not supported'],
    ['(?=a)', 'look-around'],
    ['(?<=a)b>', 'look-around'],
    ['\\q', 'unrecognized escape sequence'],
    ['[a', 'unclosed character class'],
    ['a(?i)b', 'flags can only be changed at the start'],
    ['\\p{Nope}', 'Unicode property not found: Nope'],
  ])('%s', (pattern, why) => {
    let error: unknown;
    try {
      compileRustRegex(pattern);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRegexError);
    expect((error as Error).message).toMatch(/^<pre>regex parse error:\n {4}/);
    expect((error as Error).message).toContain(pattern);
    expect((error as Error).message).toContain(why);
  });
});
