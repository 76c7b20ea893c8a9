/**
 * A cheap estimate of how many bytes journal entries take, for the
 * checkpoint policy and diagnostics (not exact IndexedDB usage).
 */
import type { RecordedStatement } from '../collection/db.ts';

const NUMBER_BYTES = 8;

export function estimateStatementsBytes(statements: readonly RecordedStatement[]): number {
  let total = 0;
  for (const s of statements) {
    total += s.sql.length;
    for (const p of s.params) {
      if (typeof p === 'string') total += p.length;
      else if (typeof p === 'number') total += NUMBER_BYTES;
      else if (p instanceof Uint8Array) total += p.byteLength;
    }
  }
  return total;
}
