import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { newNoteGuid } from '../../../../extension/collection/notes/guid.ts';
import { sha1FirstWord } from '../../../../extension/collection/notes/sha1.ts';

describe('sha1FirstWord', () => {
  it('matches the first word of @noble/hashes sha1 for every length around block edges', () => {
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 131 + n * 7) & 255);
      const d = sha1(bytes);
      expect(sha1FirstWord(bytes), `length ${n}`).toBe(((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0);
    }
    expect(sha1FirstWord(new TextEncoder().encode('hello'))).toBe(2868168221);
  });
});

describe('newNoteGuid', () => {
  it('is base91 of a random u64, without padding', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const g = newNoteGuid();
      expect(g).toMatch(/^[a-zA-Z0-9!#$%&()*+,\-./:;<=>?@[\]^_`{|}~]{1,10}$/);
      seen.add(g);
    }
    expect(seen.size).toBe(2000);
  });
});
