/**
 * Diagnostics. stdout is the native-messaging channel, so nothing is ever
 * logged there: with ACB_HOST_LOG unset nothing is logged at all; with
 * ACB_HOST_LOG=1 (or "stderr") lines go to stderr; any other value names a
 * file the lines are appended to.
 */
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

const target = process.env.ACB_HOST_LOG ?? '';
const toStderr = target === '1' || target === 'stderr' || target === 'true';

export const logging = target !== '';

export function log(...parts: unknown[]): void {
  if (!logging) return;
  const line = `${new Date().toISOString()} host[${process.pid}] ${format(...parts)}\n`;
  try {
    if (toStderr) process.stderr.write(line);
    else appendFileSync(target, line);
  } catch {
    // Logging must never take the host down.
  }
}
