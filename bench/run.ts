/**
 * `npm run bench`: runs every section (or the ones named on the command
 * line, e.g. `npm run bench -- version`) and prints their tables on stdout,
 * progress on stderr. A wrong answer aborts with a message and exit code 1.
 */
import { cpus, loadavg } from 'node:os';
import { BenchEnv } from './lib/env.ts';
import { progress } from './lib/table.ts';
import { SECTIONS } from './sections/index.ts';

function selectedSections(args: readonly string[]) {
  if (args.length === 0) return SECTIONS;
  const unknown = args.filter((a) => !SECTIONS.some((s) => s.id === a));
  if (unknown.length) {
    console.error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  return SECTIONS.filter((s) => args.includes(s.id));
}

function printHeader(): void {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(
    `## Anki-Connect Browser bench, ${new Date().toISOString()}\n\n` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average at start ${load}. ` +
      'Other work on the machine makes the figures noisy; compare ratios within one run.\n\n',
  );
}

const sections = selectedSections(process.argv.slice(2));
const env = new BenchEnv();
let closing = false;

/**
 * Stops the chain, removes its profile and exits. A signal that arrives while
 * closing is ignored (npm and tsx relay Ctrl-C, so it comes more than once);
 * the chain's stop has its own time limit.
 */
async function shutdown(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  await env.close().catch((e: unknown) => console.error(`bench: cleanup failed: ${String(e)}`));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

const started = Date.now();
printHeader();
try {
  for (const section of sections) {
    progress(`section ${section.id}: ${section.title}`);
    await section.run(env);
  }
  progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`bench aborted: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  const log = (await env.chainLog()).trim();
  if (log) console.error(`last lines the chain wrote on stderr (BENCH_DEBUG=1 adds the browser's and the host's):\n${log}`);
  await shutdown(1);
}
await shutdown(0);
