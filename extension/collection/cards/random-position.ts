/**
 * The due position Anki gives new cards in a deck whose preset inserts new
 * cards in random order (cardgen.rs `random_position`): a number in
 * [1, max(next, 1000)) drawn from Rust rand 0.9's StdRng seeded with the next
 * position, so the same position always gives the same number, as in Anki.
 * StdRng is ChaCha12 keyed by `seed_from_u64` (PCG32 output), and the range
 * is sampled with rand's widening-multiply method.
 */

const MASK64 = (1n << 64n) - 1n;
const PCG_MUL = 6364136223846793005n;
const PCG_INC = 11634580027462260723n;

/** rand_core's `seed_from_u64`: eight PCG32 outputs as the 32-byte key (as u32 words). */
function seedWords(seed: bigint): Uint32Array {
  const words = new Uint32Array(8);
  let state = seed & MASK64;
  for (let i = 0; i < 8; i++) {
    state = (state * PCG_MUL + PCG_INC) & MASK64;
    const xorshifted = Number((((state >> 18n) ^ state) >> 27n) & 0xffffffffn);
    const rot = Number(state >> 59n);
    words[i] = ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }
  return words;
}

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

function quarterRound(s: Uint32Array, a: number, b: number, c: number, d: number): void {
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 16);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 12);
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 8);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 7);
}

/** Block 0 of ChaCha12 with this key, counter 0 and nonce 0: the first 16 output words. */
function chacha12FirstBlock(key: Uint32Array): Uint32Array {
  const init = new Uint32Array(16);
  init.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  init.set(key, 4);
  const s = init.slice();
  for (let i = 0; i < 6; i++) {
    quarterRound(s, 0, 4, 8, 12);
    quarterRound(s, 1, 5, 9, 13);
    quarterRound(s, 2, 6, 10, 14);
    quarterRound(s, 3, 7, 11, 15);
    quarterRound(s, 0, 5, 10, 15);
    quarterRound(s, 1, 6, 11, 12);
    quarterRound(s, 2, 7, 8, 13);
    quarterRound(s, 3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) s[i] = (s[i]! + init[i]!) >>> 0;
  return s;
}

/** A number in [1, max(highest, 1000)), fixed for a given `highest`. */
export function randomPosition(highest: number): number {
  const words = chacha12FirstBlock(seedWords(BigInt(highest >>> 0)));
  const range = BigInt(Math.max(highest >>> 0, 1000) - 1);
  const product = BigInt(words[0]!) * range;
  let result = product >> 32n;
  const lo = product & 0xffffffffn;
  // rand's bias correction: a second draw may carry one into the result.
  if (lo > (1n << 32n) - range) {
    const hi2 = (BigInt(words[1]!) * range) >> 32n;
    if (lo + hi2 > 0xffffffffn) result += 1n;
  }
  return 1 + Number(result);
}
