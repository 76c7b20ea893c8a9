/** Tag normalisation and registration as Anki does it on save (tags/register.rs). */
import { describe, expect, it } from 'vitest';
import { canonifyTags, normalizeTagName, registerTags } from '../../../../extension/collection/tags/canonify.ts';
import { compareTags, foldTag, sortTags } from '../../../../extension/collection/tags/compare.ts';
import { joinTags, splitTags } from '../../../../extension/collection/tags/split.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { newCollection } from '../../../helpers/builders.ts';

function canon(col: Collection, tags: string[], register = true): string[] {
  return col.transact(() => canonifyTags(col, tags, register).tags).result;
}

describe('splitting and joining', () => {
  it('splits on spaces and ideographic spaces only', () => {
    expect(splitTags('  a b\u3000c  ')).toEqual(['a', 'b', 'c']);
    expect(splitTags('a\tb\nc')).toEqual(['a\tb\nc']);
    expect(splitTags('')).toEqual([]);
  });

  it('stores a list with a space on each side, or nothing', () => {
    expect(joinTags(['a', 'b'])).toBe(' a b ');
    expect(joinTags([])).toBe('');
  });
});

describe('normalising one tag', () => {
  it('makes blank components "blank"', () => {
    expect(normalizeTagName('::')).toBe('blank::blank');
    expect(normalizeTagName('foo::')).toBe('foo::blank');
    expect(normalizeTagName('a:: ::b')).toBe('a::blank::b');
  });

  it('applies NFC and drops ASCII control characters', () => {
    expect(normalizeTagName('\u{fa47}')).toBe('\u{6f22}');
    expect(normalizeTagName('e\u0301')).toBe('\u00e9');
    expect(normalizeTagName('a\tb\u0000c\u007f')).toBe('abc');
  });

  it('trims Unicode white space as Rust does, keeping a byte-order mark', () => {
    expect(normalizeTagName('\u00a0x\u2003')).toBe('x');
    expect(normalizeTagName('\ufeffx')).toBe('\ufeffx');
    expect(normalizeTagName('a\u00a0b')).toBe('a\u00a0b');
  });
});

describe('canonifyTags', () => {
  it('handles blanks, separators and empty input (Anki register.rs cases)', async () => {
    const col = await newCollection();
    expect(canon(col, ['', 'foo', ' ', '::', 'foo::'])).toEqual(['blank::blank', 'foo', 'foo::blank']);
    expect(canon(col, ['one two'])).toEqual(['one', 'two']);
    expect(canon(col, [])).toEqual([]);
    expect(canon(col, ['  '])).toEqual([]);
  });

  it('keeps the first spelling of a duplicate and then the registered one', async () => {
    const col = await newCollection();
    expect(canon(col, ['foo', 'FOO'])).toEqual(['foo']);
    expect(canon(col, ['FOO'])).toEqual(['foo']);
    expect(col.col.get('tags')).toEqual({ foo: -1 });
  });

  it('adopts the case of the nearest registered parent', async () => {
    const col = await newCollection();
    canon(col, ['Parent']);
    expect(canon(col, ['parent::child'])).toEqual(['Parent::child']);
    canon(col, ['A']);
    expect(canon(col, ['a::b'])).toEqual(['A::b']);
    expect(canon(col, ['A::B::c'])).toEqual(['A::b::c']);
    expect(Object.keys(col.col.get('tags'))).toEqual(['Parent', 'Parent::child', 'A', 'A::b', 'A::b::c']);
  });

  it('does not take a parent case from a registered child (parents are not registered)', async () => {
    const col = await newCollection();
    canon(col, ['Foo::bar']);
    expect(canon(col, ['foo::baz'])).toEqual(['foo::baz']);
    expect(col.col.get('tags')).toEqual({ 'Foo::bar': -1, 'foo::baz': -1 });
  });

  it('lets an earlier tag of the same call set the case of a later child', async () => {
    const col = await newCollection();
    expect(canon(col, ['Top', 'top::sub'])).toEqual(['Top', 'Top::sub']);
  });

  it('sorts case-insensitively by code point', async () => {
    const col = await newCollection();
    expect(canon(col, ['b::x', 'b', 'A', 'c', '\u{1f600}', '\uff21'])).toEqual(['A', 'b', 'b::x', 'c', '\uff21', '\u{1f600}']);
  });

  it('registers nothing and matches nothing new without register', async () => {
    const col = await newCollection();
    expect(canon(col, ['New', 'new'], false)).toEqual(['New']);
    expect(col.col.get('tags')).toEqual({});
  });

  it('writes col.tags only when a tag is new', async () => {
    const col = await newCollection();
    const first = col.transact(() => canonifyTags(col, ['x']));
    expect(first.result.added).toBe(true);
    expect(first.statements).toHaveLength(1);
    const again = col.transact(() => canonifyTags(col, ['X']));
    expect(again.result).toEqual({ tags: ['x'], added: false });
    expect(again.statements).toHaveLength(0);
  });

  it('treats ß and ss as one tag, as case folding does', async () => {
    const col = await newCollection();
    expect(canon(col, ['Straße', 'STRASSE'])).toEqual(['Straße']);
    expect(foldTag('Straße')).toBe(foldTag('strasse'));
  });
});

describe('registerTags', () => {
  it('returns each tag in order with duplicates, registering new ones', async () => {
    const col = await newCollection();
    canon(col, ['Known']);
    const out = col.transact(() => registerTags(col, 'b known a b')).result;
    expect(out).toEqual(['b', 'Known', 'a', 'b']);
    expect(Object.keys(col.col.get('tags'))).toEqual(['Known', 'b', 'a']);
  });
});

describe('ordering helpers', () => {
  it('compare and sort tags ignoring case', () => {
    expect(compareTags('abc', 'ABD')).toBeLessThan(0);
    expect(compareTags('B', 'a')).toBeGreaterThan(0);
    expect(compareTags('Same', 'sAME')).toBe(0);
    expect(sortTags(['b', 'C', 'a', 'a::x'])).toEqual(['a', 'a::x', 'b', 'C']);
  });
});
