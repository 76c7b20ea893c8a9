/**
 * IndexedDB stores a typed array together with its whole underlying buffer.
 * A Uint8Array that views part of a larger buffer (a Node Buffer pool, a
 * WebAssembly heap) is copied to a buffer of its own before it is stored.
 */
import type { RecordedStatement } from '../collection/db.ts';

export function compactBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export function compactStatements(statements: readonly RecordedStatement[]): RecordedStatement[] {
  return statements.map((s) =>
    s.params.some((p) => p instanceof Uint8Array)
      ? { sql: s.sql, params: s.params.map((p) => (p instanceof Uint8Array ? compactBytes(p) : p)) }
      : s,
  );
}
