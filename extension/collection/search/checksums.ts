/**
 * First-field checksums for an exact field search, so `front:value` can
 * narrow through the `ix_notes_csum` index before the LIKE runs.
 *
 * A note matches `flds like 'value\x1f%'` (no wildcards) when its first
 * field equals the value up to ASCII case, SQLite's LIKE folding. Its `csum`
 * is then the checksum of that field stripped of HTML, so the possible
 * checksums are those of the value's ASCII case variants (other letters
 * compare exactly under LIKE). Too many letters → no narrowing (null).
 */
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../notes/text.ts';

/** 2^12 variants cost about a millisecond on the fast path; longer words scan instead. */
const MAX_ASCII_LETTERS = 12;

/** True if exactFieldChecksums gives a list for this literal. */
export function checksumsAreFew(literal: string): boolean {
  return !literal.includes('\x1f') && (literal.match(/[A-Za-z]/g)?.length ?? 0) <= MAX_ASCII_LETTERS;
}

export function exactFieldChecksums(literal: string): number[] | null {
  if (!checksumsAreFew(literal)) return null;
  const bytes = new TextEncoder().encode(literal);
  const letters: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]! | 0x20;
    if (b >= 0x61 && b <= 0x7a) letters.push(i);
  }
  const plain = !literal.includes('<') && !literal.includes('&');
  const sums = new Set<number>();
  for (let mask = 0; mask < 1 << letters.length; mask++) {
    letters.forEach((pos, bit) => {
      bytes[pos] = mask & (1 << bit) ? bytes[pos]! & ~0x20 : bytes[pos]! | 0x20;
    });
    // Text without `<` or `&` is its own stripped form.
    sums.add(plain && bytes.length <= 55 ? sha1FirstWord(bytes) : fieldChecksum(stripHtmlPreservingMediaFilenames(new TextDecoder().decode(bytes))));
  }
  return [...sums].sort((a, b) => a - b);
}

const w = new Uint32Array(80);
const block = new Uint8Array(64);

/** The first 32 bits of SHA-1 of at most 55 bytes (one block): what `csum` keeps. */
export function sha1FirstWord(bytes: Uint8Array): number {
  block.fill(0);
  block.set(bytes);
  block[bytes.length] = 0x80;
  const bits = bytes.length * 8;
  block[62] = bits >>> 8;
  block[63] = bits & 0xff;
  for (let t = 0; t < 16; t++) {
    w[t] = (block[4 * t]! << 24) | (block[4 * t + 1]! << 16) | (block[4 * t + 2]! << 8) | block[4 * t + 3]!;
  }
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  let e = 0xc3d2e1f0;
  for (let t = 0; t < 80; t++) {
    const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
    const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
    const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  return (0x67452301 + a) >>> 0;
}
