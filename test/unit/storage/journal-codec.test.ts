import { describe, expect, it } from 'vitest';
import type { RecordedStatement } from '../../../extension/collection/db.ts';
import { decodeEntry, encodeEntry, entryLengthAtLeast } from '../../../extension/storage/journal-codec.ts';

describe('journal entries as JSON text', () => {
  it('round-trips every kind of parameter exactly', () => {
    const statements: RecordedStatement[] = [
      { sql: 'insert into t values (?, ?, ?, ?)', params: [1, -2.5, 'text with "quotes", \\, \t, \n and 日本語 \ud83d\ude00', null] },
      { sql: 'insert into b values (?)', params: [new Uint8Array([0, 1, 2, 253, 254, 255])] },
      { sql: 'insert into n values (?, ?, ?)', params: [Infinity, -Infinity, NaN] },
      { sql: 'insert into s values (?)', params: ['lone \ud800 surrogate'] },
      { sql: 'delete from t', params: [] },
    ];
    const text = encodeEntry(statements);
    expect(text).not.toContain('\n');
    expect(decodeEntry(text)).toEqual(statements);
  });

  it('keeps 64-bit integers as bigint', () => {
    const big = 2n ** 62n + 1n;
    const text = encodeEntry([{ sql: 'x', params: [big as unknown as number] }]);
    expect(decodeEntry(text)[0]!.params[0]).toBe(big);
  });

  it('counts a length the encoded text always reaches, close to it for ordinary writes', () => {
    const cases: RecordedStatement[][] = [
      [],
      [{ sql: 'delete from t', params: [] }],
      [{ sql: 'x', params: [0, null, '', 'a"b\\c\n', -1.5, NaN, 2n ** 62n as unknown as number] }],
      [{ sql: 'insert into b values (?)', params: [new Uint8Array(0)] }, { sql: 'y', params: [new Uint8Array([1, 2, 3, 4])] }],
      [{ sql: 'z', params: ['日本語 \ud83d\ude00', 'lone \ud800'] }],
    ];
    for (let n = 0; n < 200; n++) {
      const params = Array.from({ length: n % 7 }, (_, i) => (i % 3 === 0 ? 'x'.repeat(n) : i % 3 === 1 ? n * 1000 + i : null));
      cases.push([{ sql: `update t set a = ? where id = ${n}`, params }]);
    }
    for (const statements of cases) expect(entryLengthAtLeast(statements)).toBeLessThanOrEqual(encodeEntry(statements).length);
    const note: RecordedStatement = {
      sql: 'insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, \'\')',
      params: [1_700_000_000_000, 'b9Xy#k2LqP', 1_600_000_000_000, 1_700_000_000, ' vocab ', '食べる\x1fto eat', '食べる', 2868168221],
    };
    const many = Array.from({ length: 1000 }, () => note);
    expect(entryLengthAtLeast(many)).toBeGreaterThan(0.75 * encodeEntry(many).length);
  });

  it('refuses text it did not write', () => {
    expect(() => decodeEntry('{}')).toThrow('not a list');
    expect(() => decodeEntry('[["x", [{"q": 1}]]]')).toThrow('not a journal parameter');
    expect(() => decodeEntry('[[1, []]]')).toThrow('malformed');
    expect(() => decodeEntry('[["x", [{"i": "1e3"}]]]')).toThrow('not a journal parameter');
  });
});
