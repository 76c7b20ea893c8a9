/**
 * likeTest against SQLite's own `LIKE … ESCAPE '\'`: hand-picked cases and
 * a seeded random sweep over an alphabet of wildcards, escapes, ASCII and
 * non-ASCII letters (with case pairs and the letters Unicode folds onto
 * ASCII), astral characters and the field separator.
 */
import type { Database, Statement } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeTest } from '../../../../extension/collection/search/like.ts';
import { sqlJs } from '../../../helpers/builders.ts';

let db: Database;
let stmt: Statement;

beforeAll(async () => {
  db = new (await sqlJs()).Database();
  stmt = db.prepare("select ?1 like ?2 escape '\\'");
});

afterAll(() => {
  stmt.free();
  db.close();
});

function sqlite(text: string, pattern: string): boolean {
  stmt.bind([text, pattern]);
  stmt.step();
  const v = stmt.get()[0];
  stmt.reset();
  return v === 1;
}

const js = (text: string, pattern: string) => likeTest(pattern)!(text);

describe('likeTest', () => {
  it.each([
    ['teacher', '%teacher%'],
    ['A TEACHER!', '%teacher%'],
    ['teach', '%teacher%'],
    ['ab\x1fcd', 'ab%\x1f%'],
    ['xab\x1fcd', 'ab%\x1f%'],
    ['abc', 'a_c'],
    ['a😀c', 'a_c'],
    ['😀', '__'],
    ['😀', '_'],
    ['50%', '50\\%'],
    ['50x', '50\\%'],
    ['a_b', 'a\\_b'],
    ['axb', 'a\\_b'],
    ['a\\b', 'a\\\\b'],
    ['abc', 'abc\\'],
    ['abc\\', 'abc\\'],
    ['', ''],
    ['x', ''],
    ['', '%'],
    ['Kelvin \u212a', '%k%'],
    ['long s \u017f', '%s%'],
    ['É', 'é'],
    ['é', 'é'],
    ['[a-z]', '[a-z]'],
    ['a.b', 'a.b'],
    ['axb', 'a.b'],
    ['aXbYc', 'a%b%c'],
    ['acb', 'a%b%c'],
    ['abcabc', '%bc%bc'],
    ['abcbc', '%bc%bc'],
    ['abc', '%bc%bc'],
  ])('%j like %j as SQLite', (text, pattern) => {
    expect(js(text, pattern)).toBe(sqlite(text, pattern));
  });

  it('reads the pattern up to a NUL, as SQLite', () => {
    expect(js('abc', 'ab\0zzz%')).toBe(sqlite('abc', 'ab\0zzz%'));
    expect(js('ab', 'ab\0zzz')).toBe(true);
    expect(sqlite('ab', 'ab\0zzz')).toBe(true);
  });

  it('never matches a lone surrogate or U+FFFD of the pattern (SQLite reads both as U+FFFD)', () => {
    expect(js('a😀b', '%\ud83d%')).toBe(false);
    expect(sqlite('a😀b', '%\ud83d%')).toBe(false);
    expect(js('a😀b', '%\ufffd%')).toBe(false);
    expect(sqlite('a😀b', '%\ufffd%')).toBe(false);
  });

  it('leaves a pattern SQLite rejects as too long to SQLite', () => {
    expect(likeTest('x'.repeat(50_001))).toBeNull();
    expect(likeTest('x'.repeat(50_000))).not.toBeNull();
    expect(() => sqlite('x', 'x'.repeat(50_001))).toThrow(/too complex/);
  });

  it('agrees with SQLite on a seeded sweep of patterns and texts', () => {
    const alphabet = ['a', 'A', 'b', 'k', 'K', '\u212a', 's', '\u017f', 'é', 'É', '😀', '日', '%', '_', '\\', '\x1f', ' ', '.', '*', '[', '-', '1'];
    let seed = 20_260_310;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed % n;
    };
    const word = (max: number) => Array.from({ length: random(max) }, () => alphabet[random(alphabet.length)]).join('');
    const mismatches: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const pattern = word(7);
      const text = word(9);
      if (js(text, pattern) !== sqlite(text, pattern)) mismatches.push(JSON.stringify([text, pattern]));
    }
    expect(mismatches).toEqual([]);
  });
});
