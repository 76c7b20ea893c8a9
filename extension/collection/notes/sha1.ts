/**
 * The first 32-bit word of SHA-1 (FIPS 180-4), which is all a note checksum
 * needs. Written out because adding thousands of notes hashes each first
 * field: this reuses one message-schedule buffer and allocates nothing per
 * block, several times faster than a general-purpose hasher on short text.
 * Tested against @noble/hashes' sha1.
 */
const W = new Int32Array(80);

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** Big-endian u32 of the first 4 bytes of sha1(bytes). */
export function sha1FirstWord(bytes: Uint8Array): number {
  const len = bytes.length;
  const blocks = ((len + 8) >> 6) + 1;
  let h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) {
      let word = 0;
      for (let j = 0; j < 4; j++) {
        const at = b * 64 + i * 4 + j;
        const byte = at < len ? bytes[at]! : at === len ? 0x80 : 0;
        word = (word << 8) | byte;
      }
      W[i] = word;
    }
    if (b === blocks - 1) {
      // Message length in bits, big-endian, in the last 8 bytes (lengths < 2^32 bits here).
      W[14] = Math.floor(len / 0x20000000);
      W[15] = (len * 8) | 0;
    }
    for (let i = 16; i < 80; i++) W[i] = rotl(W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!, 1);
    let a = h0, bb = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) (f = (bb & c) | (~bb & d)), (k = 0x5a827999);
      else if (i < 40) (f = bb ^ c ^ d), (k = 0x6ed9eba1);
      else if (i < 60) (f = (bb & c) | (bb & d) | (c & d)), (k = 0x8f1bbcdc | 0);
      else (f = bb ^ c ^ d), (k = 0xca62c1d6 | 0);
      const t = (rotl(a, 5) + f + e + k + W[i]!) | 0;
      e = d;
      d = c;
      c = rotl(bb, 30);
      bb = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return h0 >>> 0;
}
