/** Ids as Anki makes them: epoch milliseconds, bumped past any id already taken. */
import type { Db } from './db.ts';

/**
 * The next id for `table`: now in ms, or one past the largest id when that is
 * not smaller (Anki's add.sql does max(id)+1 on a collision).
 */
export function nextRowId(db: Db, table: 'notes' | 'cards' | 'revlog', nowMs: number): number {
  const max = db.scalar(`select max(id) from ${table}`) as number | null;
  return max !== null && max !== undefined && max >= nowMs ? max + 1 : nowMs;
}

/** An epoch-ms id not among `taken` (for decks, notetypes and presets kept in JSON). */
export function nextJsonId(taken: Iterable<number | bigint | string>, nowMs: number): number {
  const used = new Set<string>();
  for (const t of taken) used.add(String(t));
  let id = nowMs;
  while (used.has(String(id))) id++;
  return id;
}

/** A random positive 63-bit id (notetype field and template ids). */
export function randomInt64(): bigint {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return ((BigInt(words[0]! & 0x7fffffff) << 32n) | BigInt(words[1]!)) || 1n;
}

const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** A note guid: base91 of a random u64, most significant digit first. */
export function newGuid(): string {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  let n = (BigInt(words[0]!) << 32n) | BigInt(words[1]!);
  let out = '';
  do {
    out = BASE91[Number(n % 91n)]! + out;
    n /= 91n;
  } while (n > 0n);
  return out;
}
