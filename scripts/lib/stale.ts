/** Whether a build output is older than any of its sources. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function isStale(output: string, sources: readonly string[]): boolean {
  let outMtime: number;
  try {
    outMtime = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((s) => newestMtime(s) > outMtime);
}
