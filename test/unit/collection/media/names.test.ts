import { describe, expect, it } from 'vitest';
import {
  isPlainMediaName,
  MAX_MEDIA_NAME_BYTES,
  normalizeMediaName,
  pyBasename,
  stripIllegalLegacy,
  withHashSuffix,
} from '../../../../extension/collection/media/names.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('normalizeMediaName (Anki normalize_filename)', () => {
  it('keeps a good name as it is', () => {
    expect(normalizeMediaName('foo.jpg')).toBe('foo.jpg');
    expect(normalizeMediaName('日本語 音声.mp3')).toBe('日本語 音声.mp3');
  });

  it('removes problem characters and guards device names (Anki test)', () => {
    expect(normalizeMediaName('con.jpg[]><:"/?*^\\|\0\r\n')).toBe('con_.jpg');
    expect(normalizeMediaName('LPT1')).toBe('LPT1_');
    expect(normalizeMediaName('com10.txt')).toBe('com10.txt');
    expect(normalizeMediaName('a\x7fb\x01.png')).toBe('ab.png');
  });

  it('appends _ after a trailing dot or space', () => {
    expect(normalizeMediaName('test.')).toBe('test._');
    expect(normalizeMediaName('test ')).toBe('test _');
  });

  it('turns NFD into NFC and non-breaking spaces into spaces', () => {
    expect(normalizeMediaName('cafe\u0301.mp3')).toBe('café.mp3');
    expect(normalizeMediaName('a\u00a0b.mp3')).toBe('a b.mp3');
  });

  it('removes unassigned code points', () => {
    expect(normalizeMediaName('a\u{0378}b.png')).toBe('ab.png');
  });

  it('cuts long names to 120 bytes, keeping the extension (Anki test)', () => {
    const long = `${'x'.repeat(MAX_MEDIA_NAME_BYTES * 2)}.jpg`;
    expect(normalizeMediaName(long)).toBe('x'.repeat(MAX_MEDIA_NAME_BYTES - '.jpg'.length - 1) + '.jpg');
    expect(normalizeMediaName('x'.repeat(MAX_MEDIA_NAME_BYTES))).toBe('x'.repeat(MAX_MEDIA_NAME_BYTES));
    expect(normalizeMediaName('x'.repeat(MAX_MEDIA_NAME_BYTES + 1))).toBe('x'.repeat(MAX_MEDIA_NAME_BYTES - 2));
    expect(normalizeMediaName(' '.repeat(MAX_MEDIA_NAME_BYTES + 1))).toBe(`${' '.repeat(MAX_MEDIA_NAME_BYTES - 2)}_`);
  });

  it('never cuts inside a character', () => {
    const name = normalizeMediaName(`${'語'.repeat(60)}.mp3`);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_MEDIA_NAME_BYTES);
    expect(name).toBe(`${'語'.repeat(38)}.mp3`);
  });
});

describe('withHashSuffix', () => {
  it('puts the sha1 after the stem (Anki test)', () => {
    expect(withHashSuffix('test.jpg', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d')).toBe('test-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg');
    expect(withHashSuffix('noext', 'a'.repeat(40))).toBe(`noext-${'a'.repeat(40)}.`);
  });

  it('keeps the result within 120 bytes', () => {
    const name = withHashSuffix(`${'y'.repeat(118)}.png`, 'b'.repeat(40));
    expect(bytes(name)).toBeLessThanOrEqual(MAX_MEDIA_NAME_BYTES);
    expect(name.endsWith(`-${'b'.repeat(40)}.png`)).toBe(true);
  });
});

describe('Python helpers', () => {
  it('pyBasename takes what follows the last slash', () => {
    expect(pyBasename('/a/b/c.mp3')).toBe('c.mp3');
    expect(pyBasename('c.mp3')).toBe('c.mp3');
    expect(pyBasename('dir/')).toBe('');
  });

  it('stripIllegalLegacy removes the legacy illegal characters only', () => {
    expect(stripIllegalLegacy('a[b]<c>:"?*^\\|\0\r\n.png')).toBe('abc.png');
    expect(stripIllegalLegacy('a\tb.png')).toBe('a\tb.png');
  });

  it('isPlainMediaName refuses paths', () => {
    for (const bad of ['', '.', '..', 'a/b', '../x', 'a\0b']) expect(isPlainMediaName(bad)).toBe(false);
    expect(isPlainMediaName('.hidden')).toBe(true);
  });
});
