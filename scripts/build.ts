/**
 * Builds what is stale: the extension (vite → dist/) and the native host
 * (tsc → build/). `--force` rebuilds both.
 */
import { buildStale } from './lib/build.ts';

buildStale(process.argv.includes('--force'));
