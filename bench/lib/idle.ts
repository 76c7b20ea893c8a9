/**
 * Waiting for the machine to go quiet before a measurement: after a section
 * seeds a large collection, the browser keeps compacting IndexedDB for
 * seconds, and on two cores that work lands in the next section's figures.
 * Reads the CPU counters of /proc/stat (Linux); elsewhere it returns at once.
 */
import { readFileSync } from 'node:fs';

function cpuTimes(): { idle: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3]! + (values[4] ?? 0); // idle + iowait
    return { idle, total: values.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Resolves once the machine's CPUs were at least `idleShare` idle over two
 * windows of `windowMs` in a row, or after `maxMs`; the time waited.
 */
export async function waitForIdleCpu(o: { idleShare?: number; windowMs?: number; maxMs?: number } = {}): Promise<{ waitedMs: number; idle: boolean }> {
  const { idleShare = 0.85, windowMs = 500, maxMs = 20_000 } = o;
  const start = Date.now();
  let quiet = 0;
  let before = cpuTimes();
  if (!before) return { waitedMs: 0, idle: true };
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = cpuTimes()!;
    const total = now.total - before.total;
    const share = total > 0 ? (now.idle - before.idle) / total : 1;
    before = now;
    quiet = share >= idleShare ? quiet + 1 : 0;
    if (quiet >= 2) return { waitedMs: Date.now() - start, idle: true };
  }
  return { waitedMs: Date.now() - start, idle: false };
}
