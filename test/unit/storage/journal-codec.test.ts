import { describe, expect, it } from 'vitest';
import type { RecordedStatement } from '../../../extension/collection/db.ts';
import { decodeEntry, encodeEntry } from '../../../extension/storage/journal-codec.ts';

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

  it('refuses text it did not write', () => {
    expect(() => decodeEntry('{}')).toThrow('not a list');
    expect(() => decodeEntry('[["x", [{"q": 1}]]]')).toThrow('not a journal parameter');
    expect(() => decodeEntry('[[1, []]]')).toThrow('malformed');
    expect(() => decodeEntry('[["x", [{"i": "1e3"}]]]')).toThrow('not a journal parameter');
  });
});
