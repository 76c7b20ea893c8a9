/**
 * Note guids, as ids.ts `newGuid` makes them (base91 of a random u64, most
 * significant digit first), but drawing the random words from a pool: one
 * `getRandomValues` call per 512 guids instead of one per guid, which is
 * what made bulk adds slow.
 */
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

const POOL_WORDS = 1024;
const pool = new Uint32Array(POOL_WORDS);
let next = POOL_WORDS;

function randomWord(): number {
  if (next >= POOL_WORDS) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  return pool[next++]!;
}

/** A fresh note guid. */
export function newNoteGuid(): string {
  // Split the u64 into two 32-bit halves to stay in fast number arithmetic.
  let hi = randomWord();
  let lo = randomWord();
  let out = '';
  do {
    // (hi * 2^32 + lo) divided by 91, digit by digit.
    const hiRem = hi % 91;
    hi = Math.floor(hi / 91);
    const cur = hiRem * 0x100000000 + lo;
    lo = Math.floor(cur / 91);
    out = BASE91[cur % 91]! + out;
  } while (hi > 0 || lo > 0);
  return out;
}
