import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../extension/background/utf8.ts';

const native = (s: string) => new TextEncoder().encode(s);

describe('utf8Bytes', () => {
  it('encodes like TextEncoder across every width', () => {
    for (const s of ['', 'abc', 'é', '日本語', '𝄞', 'a\u0000b', '\u007f\u0080\u07ff\u0800\uffff', 'x😀y', '{"q":"<b>日</b>\\n"}']) {
      expect([...utf8Bytes(s)]).toEqual([...native(s)]);
    }
  });

  it('writes U+FFFD for lone surrogates, as TextEncoder does', () => {
    for (const s of ['\ud800', '\udc00', 'a\ud800b', '\udc00\ud800', '\ud83d', 'x\ud83d', '\ud83d\ud83d\ude00']) {
      expect([...utf8Bytes(s)]).toEqual([...native(s)]);
    }
  });

  it('agrees with TextEncoder on random strings of every kind of code unit', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pools = [[0, 0x80], [0x80, 0x800], [0x800, 0xd800], [0xd800, 0xe000], [0xe000, 0x10000]] as const;
    for (let round = 0; round < 200; round++) {
      let s = '';
      for (let i = 0; i < 64; i++) {
        const [lo, hi] = pools[Math.floor(rand() * pools.length)]!;
        s += String.fromCharCode(lo + Math.floor(rand() * (hi - lo)));
      }
      expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(native(s)))).toBe(true);
    }
  });
});
