/**
 * Journal entries as JSON text, for the host's copy of the journal
 * (background/host-journal.ts): `[[sql, [param, …]], …]`. Parameters that
 * JSON cannot carry are tagged objects: bytes `{"b": base64}`, 64-bit
 * integers `{"i": "digits"}`, and `{"f": "Infinity" | "-Infinity" | "NaN"}`.
 */
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.ts';
import type { RecordedStatement, SqlParam } from '../collection/db.ts';

type Encoded = number | string | null | { b: string } | { i: string } | { f: string };

function encodeParam(p: SqlParam | bigint): Encoded {
  if (p instanceof Uint8Array) return { b: bytesToBase64(p) };
  if (typeof p === 'bigint') return { i: p.toString() };
  if (typeof p === 'number' && !Number.isFinite(p)) return { f: String(p) };
  return p;
}

function decodeParam(e: unknown): SqlParam {
  if (e === null || typeof e === 'number' || typeof e === 'string') return e;
  if (typeof e === 'object') {
    const o = e as Record<string, unknown>;
    if (typeof o.b === 'string') return base64ToBytes(o.b);
    if (typeof o.i === 'string' && /^-?\d+$/.test(o.i)) return BigInt(o.i) as unknown as SqlParam;
    if (o.f === 'Infinity' || o.f === '-Infinity' || o.f === 'NaN') return Number(o.f);
  }
  throw new Error(`not a journal parameter: ${JSON.stringify(e)}`);
}

/**
 * A length encodeEntry's text is sure to reach, found without encoding: each
 * SQL text and string parameter with its quotes, a digit per number, base64 of
 * bytes. An entry already past a limit by this count is not worth encoding
 * (for 10,000 notes the encoding alone takes a quarter of a second).
 */
export function entryLengthAtLeast(statements: readonly RecordedStatement[]): number {
  // `[` `]` and the commas between statements; each is `["sql",[…]]` with commas between its parameters.
  let total = 1 + statements.length;
  for (const s of statements) {
    total += s.sql.length + 6 + Math.max(0, s.params.length - 1);
    for (const p of s.params) {
      if (typeof p === 'string') total += p.length + 2;
      else if (p instanceof Uint8Array) total += Math.ceil(p.byteLength / 3) * 4 + 8;
      else total += 1;
    }
  }
  return total;
}

export function encodeEntry(statements: readonly RecordedStatement[]): string {
  return JSON.stringify(statements.map((s) => [s.sql, s.params.map(encodeParam)]));
}

/** The statements of an entry; throws on text that encodeEntry did not write. */
export function decodeEntry(text: string): RecordedStatement[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('a journal entry is not a list');
  return value.map((s: unknown) => {
    if (!Array.isArray(s) || typeof s[0] !== 'string' || !Array.isArray(s[1])) throw new Error('a journal statement is malformed');
    return { sql: s[0], params: (s[1] as unknown[]).map(decodeParam) };
  });
}
