import type { Database, SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../../../extension/collection/search/functions.ts';
import { sqlJs } from '../../../helpers/builders.ts';

let db: Database;

beforeAll(async () => {
  db = new (await sqlJs()).Database();
  registerSearchFunctions(db, 4);
  registerSearchFunctions(db, 4); // idempotent
});

function value(sql: string, params: SqlValue[] = []): SqlValue {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    stmt.step();
    return stmt.get()[0]!;
  } finally {
    stmt.free();
  }
}

const F = '\x1f';

describe('SQL functions', () => {
  it('regexp: X REGEXP Y calls regexp(Y, X) with Rust syntax', () => {
    expect(value("select 'A Dog' regexp '(?i)\\bdog\\b'")).toBe(1);
    expect(value("select 'A Dogs' regexp '(?i)\\bdog\\b'")).toBe(0);
    expect(value('select null regexp ?', ['x'])).toBe(0);
    expect(value('select 123 regexp ?', ['^12'])).toBe(1);
  });

  it('regexp reports a bad pattern as Anki does', () => {
    expect(() => value("select 'x' regexp '(?i)('")).toThrow(/^<pre>regex parse error:\n {4}\(\?i\)\(\n/);
  });

  it('regexp_fields: any field, or only the given indexes', () => {
    const flds = `front${F}back${F}extra`;
    expect(value('select regexp_fields(?, ?)', ['(?i)^BACK$', flds])).toBe(1);
    expect(value('select regexp_fields(?, ?, 0, 2)', ['(?i)^back$', flds])).toBe(0);
    expect(value('select regexp_fields(?, ?, 1)', ['(?i)^back$', flds])).toBe(1);
    expect(value('select regexp_fields(?, ?, 9)', ['back', flds])).toBe(0);
  });

  it('regexp_fields takes more indexes once registered for them', () => {
    expect(() => value('select regexp_fields(?, ?, 0, 1, 2, 3, 4, 5)', ['x', 'x'])).toThrow();
    registerSearchFunctions(db, 6);
    expect(value('select regexp_fields(?, ?, 0, 1, 2, 3, 4, 5)', ['x', 'x'])).toBe(1);
  });

  it('regexp_tags: one tag at a time', () => {
    expect(value('select regexp_tags(?, ?)', ['(?i)^a::b$', ' x A::B y '])).toBe(1);
    expect(value('select regexp_tags(?, ?)', ['^x y$', ' x y '])).toBe(0);
  });

  it('process_text: strips combining marks (1) and clozes (2); null when unchanged', () => {
    expect(value('select process_text(?, 1)', ['frânçais Œuvre ß'])).toBe('francais OEuvre s');
    expect(value('select process_text(?, 2)', ['{{c1::Paris::capital}} is {{c2,3::big}}'])).toBe('Paris is big');
    expect(value('select process_text(?, 3)', ['{{c1::é}}'])).toBe('e');
    expect(value('select process_text(?, 3)', ['plain'])).toBe(null);
  });

  it('field_at_index', () => {
    expect(value('select field_at_index(?, 1)', [`a${F}b`])).toBe('b');
    expect(value('select field_at_index(?, 5)', [`a${F}b`])).toBe('');
  });

  it('extract_custom_data and extract_fsrs_variable read cards.data', () => {
    const data = JSON.stringify({ s: 2.3, d: 5.5, dr: 0.9, cd: JSON.stringify({ r: 1, t: 'x', o: { a: 1 } }) });
    expect(value('select extract_custom_data(?, ?)', [data, 'r'])).toBe('1');
    expect(value('select extract_custom_data(?, ?)', [data, 't'])).toBe('x');
    expect(value('select extract_custom_data(?, ?)', [data, 'o'])).toBe('{"a":1}');
    expect(value('select extract_custom_data(?, ?)', [data, 'nope'])).toBe(null);
    expect(value('select extract_custom_data(?, ?)', ['', 'r'])).toBe(null);
    expect(value("select extract_fsrs_variable(?, 's')", [data])).toBe(Math.fround(2.3));
    expect(value("select extract_fsrs_variable(?, 'd')", [data])).toBe(5.5);
    expect(value("select extract_fsrs_variable(?, 's')", ['{}'])).toBe(null);
    expect(value("select extract_fsrs_variable(?, 's')", ['not json'])).toBe(null);
  });

  it('extract_fsrs_retrievability: 0.9 after one stability of days', () => {
    const data = JSON.stringify({ s: 10, d: 5 });
    // Review card due day 20 with a 10-day interval: reviewed day 10; today is day 20.
    const r = value('select extract_fsrs_retrievability(?, 20, 10, 20, 0, 0)', [data]) as number;
    expect(r).toBeCloseTo(0.9, 5);
    expect(value('select extract_fsrs_retrievability(?, 20, 10, 20, 0, 0)', ['{}'])).toBe(null);
  });
});
