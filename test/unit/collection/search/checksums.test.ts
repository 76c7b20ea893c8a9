import { describe, expect, it } from 'vitest';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../../../../extension/collection/notes/text.ts';
import { exactFieldChecksums, sha1FirstWord } from '../../../../extension/collection/search/checksums.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha1FirstWord', () => {
  it('equals the note checksum for every one-block length', () => {
    expect(sha1FirstWord(utf8('hello'))).toBe(2868168221);
    let text = '';
    for (let n = 0; n <= 55; n++) {
      expect(sha1FirstWord(utf8(text))).toBe(fieldChecksum(text));
      text += String.fromCharCode(0x21 + ((n * 7) % 90));
    }
    expect(sha1FirstWord(utf8('食べる・たべる'))).toBe(fieldChecksum('食べる・たべる'));
  });
});

describe('exactFieldChecksums', () => {
  it('covers every ASCII case variant of the value', () => {
    const sums = exactFieldChecksums('Ab1')!;
    expect(sums).toEqual([...new Set(['ab1', 'Ab1', 'aB1', 'AB1'].map(fieldChecksum))].sort((a, b) => a - b));
  });

  it('leaves other letters as they are (LIKE compares them exactly)', () => {
    expect(exactFieldChecksums('ä食')).toEqual([fieldChecksum('ä食')]);
  });

  it('checksums the stripped field when the value holds HTML', () => {
    const sums = exactFieldChecksums('<b>x</b>')!;
    expect(sums).toContain(fieldChecksum(stripHtmlPreservingMediaFilenames('<B>X</B>')));
    expect(sums).toContain(fieldChecksum('x'));
  });

  it('handles values longer than one SHA-1 block', () => {
    const long = '漢字'.repeat(12) + 'a';
    expect(exactFieldChecksums(long)!.sort()).toEqual([fieldChecksum(long), fieldChecksum(long.toUpperCase())].sort());
  });

  it('gives up on too many letters or a field separator', () => {
    expect(exactFieldChecksums('abcdefghijkl')!.length).toBe(4096);
    expect(exactFieldChecksums('abcdefghijklm')).toBeNull();
    expect(exactFieldChecksums('a\x1fb')).toBeNull();
  });
});
