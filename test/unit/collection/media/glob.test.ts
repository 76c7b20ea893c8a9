import { describe, expect, it } from 'vitest';
import { fnmatchRegExp, globNames } from '../../../../extension/collection/media/glob.ts';

// The names of a folder in which Python's glob was run for these expectations.
const NAMES = ['a.jpg', 'b.JPG', '.hidden.png', 'c[1].png', 'd*.png', 'é.mp3', '🎴.png'];

describe('globNames (Python glob.glob in the media folder)', () => {
  it.each([
    ['*', ['a.jpg', 'b.JPG', 'c[1].png', 'd*.png', 'é.mp3', '🎴.png']],
    ['*.jpg', ['a.jpg']],
    ['*.JPG', ['b.JPG']],
    ['*.[jJ]*', ['a.jpg', 'b.JPG']],
    ['.*', ['.hidden.png']],
    ['[!a]*', ['b.JPG', 'c[1].png', 'd*.png', 'é.mp3', '🎴.png']],
    ['c[1].png', []],
    ['c[[]1].png', ['c[1].png']],
    ['.hidden.png', ['.hidden.png']],
    ['x', []],
    ['[', []],
    ['a.jp?', ['a.jpg']],
    ['**', ['a.jpg', 'b.JPG', 'c[1].png', 'd*.png', 'é.mp3', '🎴.png']],
    ['d*.png', ['d*.png']],
    ['[a-b]*', ['a.jpg', 'b.JPG']],
    ['[^a]*', ['a.jpg']],
    ['[z-a]*', []],
    ['?.png', ['🎴.png']],
    ['', ['']],
    ['../*', []],
    ['/etc/*', []],
  ])('%j', (pattern, expected) => {
    expect(globNames(NAMES, pattern)).toEqual(expected);
  });
});

describe('fnmatchRegExp', () => {
  it('reads sets as fnmatch does', () => {
    expect(fnmatchRegExp('[a-]').test('-')).toBe(true);
    expect(fnmatchRegExp('[a-]').test('b')).toBe(false);
    expect(fnmatchRegExp('[!-]').test('-')).toBe(false);
    expect(fnmatchRegExp('[!-]').test('x')).toBe(true);
    expect(fnmatchRegExp('[]]').test(']')).toBe(true);
    expect(fnmatchRegExp('[a-c-e]').test('-')).toBe(true);
    expect(fnmatchRegExp('[a-c-e]').test('d')).toBe(false);
    expect(fnmatchRegExp('[&~|]').test('~')).toBe(true);
    expect(fnmatchRegExp('a.b').test('axb')).toBe(false);
    expect(fnmatchRegExp('*').test('line\nbreak')).toBe(true);
  });
});
