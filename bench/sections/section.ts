/** One part of `npm run bench`: measures something and prints its tables. */
import type { BenchEnv } from '../lib/env.ts';

export interface Section {
  /** Short id, for `npm run bench -- <id> …`. */
  id: string;
  title: string;
  run(env: BenchEnv): Promise<void>;
}
