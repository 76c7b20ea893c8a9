/**
 * `storeMediaFile` of 10 MB of random bytes as base64 `data`, distinct file
 * names, through the whole chain (reply = stored), next to the `version`
 * p50 of the same run. The files are deleted afterwards.
 */
import { randomBytes } from 'node:crypto';
import { chainCall, requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient, sequentialLatency } from '../lib/http-client.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const BYTES = 10 * 1024 * 1024;
const CALLS = 6;
const WARMUP = 1;
const TARGET_MS = 1000;

async function versionBaseline(env: BenchEnv, port: number): Promise<{ summary: Summary; source: string }> {
  const recorded = env.recorded('version.chain');
  if (recorded) return { summary: recorded, source: 'the version section' };
  progress('no version figure recorded in this run: measuring 300 version requests');
  const check = (r: { status: number; text: string }) => {
    if (r.status !== 200 || (JSON.parse(r.text) as { result?: unknown }).result !== 6) throw new WrongAnswer(`version answered ${r.text}`);
  };
  const run = await sequentialLatency(port, '{"action":"version","version":6}', check, 300, 50);
  return { summary: summarize(run.samples), source: '300 requests in this section' };
}

async function storeRuns(client: KeepAliveClient, names: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const filename = `_bench_store_${process.pid}_${i}.bin`;
    const body = requestBody('storeMediaFile', { filename, data: randomBytes(BYTES).toString('base64') });
    progress(`storeMediaFile ${i + 1}/${WARMUP + CALLS} (${(body.length / 1048576).toFixed(1)} MiB body)${i < WARMUP ? ', warm-up' : ''}`);
    const { ms, reply } = await timedCall(client, 'storeMediaFile', body, 120_000);
    names.push(filename);
    const result = resultOf('storeMediaFile', reply);
    if (result !== filename) throw new WrongAnswer(`storeMediaFile answered ${JSON.stringify(result)}, not ${filename}`);
    if (i >= WARMUP) samples.push(ms);
  }
  return samples;
}

export const storeMediaSection: Section = {
  id: 'storeMediaFile',
  title: 'storeMediaFile of 10 MB (base64 data) through the chain',
  async run(env: BenchEnv) {
    const chain = await env.chain();
    const base = await versionBaseline(env, chain.port);
    await env.settleChain();
    const client = new KeepAliveClient(chain.port);
    const names: string[] = [];
    let samples: number[];
    try {
      samples = await storeRuns(client, names);
    } finally {
      for (const filename of names) await chainCall(client, 'deleteMediaFile', { filename }).catch(() => undefined);
      client.close();
    }
    const s = summarize(samples);
    printTable({
      title: `10. storeMediaFile of ${BYTES / 1048576} MiB random bytes as base64 data, distinct names (ms per request; ${WARMUP} warm-up not counted)`,
      headers: ['Path', 'Notes in collection', 'Calls', 'p50 ms', 'p90 ms', 'max ms', 'MiB/s at p50', 'p50 vs version p50'],
      rows: [
        ['version (baseline)', env.chainHolds.toLocaleString('en-US'), String(base.summary.n), fmt(base.summary.p50, 2), fmt(base.summary.p90, 2), fmt(base.summary.max, 2), '–', '1.00×'],
        ['storeMediaFile, whole chain', env.chainHolds.toLocaleString('en-US'), String(s.n), s.p50, s.p90, s.max, fmt((BYTES / 1048576 / s.p50) * 1000, 1), ratio(s.p50, base.summary.p50)],
      ],
      notes: [
        targetLine({ label: 'chain p50', value: s.p50, unit: 'ms', kind: 'max', limit: TARGET_MS }),
        `version p50 from ${base.source}. Reference: AnkiConnect takes about 5 s for a 10 MB body.`,
      ],
    });
  },
};
