/**
 * §1 `version` through the whole chain: sequential round-trip latency on one
 * keep-alive connection, and throughput with 1, 4 and 16 concurrent
 * keep-alive clients; the same for a bare Node HTTP server answering `6`.
 */
import { startBaselineServer } from '../lib/baseline-server.ts';
import type { BenchEnv } from '../lib/env.ts';
import { sequentialLatency, throughput, type LatencyRun, type ReplyCheck, type ThroughputRun } from '../lib/http-client.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const LATENCY_REQUESTS = 2000;
const WARMUP_REQUESTS = 200;
const CLIENT_COUNTS = [1, 4, 16] as const;
const THROUGHPUT_REQUESTS = 3000;
const THROUGHPUT_MAX_MS = 8_000;
const P50_TARGET_MS = 2.5;
const RPS_TARGET = 1000;
const VERSION_BODY = '{"action":"version","version":6}';

const chainCheck: ReplyCheck = (r) => {
  const body = r.status === 200 ? (JSON.parse(r.text) as { result?: unknown; error?: unknown }) : null;
  if (!body || body.result !== 6 || body.error !== null) throw new WrongAnswer(`version through the chain answered ${r.status} ${r.text}`);
};

const baselineCheck: ReplyCheck = (r) => {
  if (r.status !== 200 || r.text !== '6') throw new WrongAnswer(`the baseline server answered ${r.status} ${r.text}`);
};

interface Measured {
  latency: LatencyRun;
  summary: Summary;
  rates: ThroughputRun[];
}

async function measure(name: string, port: number, check: ReplyCheck): Promise<Measured> {
  progress(`${name}: ${LATENCY_REQUESTS} sequential version requests after ${WARMUP_REQUESTS} warm-up`);
  const latency = await sequentialLatency(port, VERSION_BODY, check, LATENCY_REQUESTS, WARMUP_REQUESTS);
  const rates: ThroughputRun[] = [];
  for (const clients of CLIENT_COUNTS) {
    progress(`${name}: throughput with ${clients} concurrent client${clients > 1 ? 's' : ''}`);
    rates.push(await throughput(port, VERSION_BODY, check, clients, THROUGHPUT_REQUESTS, THROUGHPUT_MAX_MS));
  }
  return { latency, summary: summarize(latency.samples), rates };
}

function latencyRow(name: string, m: Measured, base: Summary): (string | number)[] {
  const s = m.summary;
  return [name, s.n.toLocaleString('en-US'), s.p50, s.p90, s.p99, s.max, ratio(s.p50, base.p50), String(m.latency.connections)];
}

function printResults(base: Measured, chain: Measured): void {
  printTable({
    title: `1a. version round trip, sequential on one keep-alive connection (ms; ${WARMUP_REQUESTS} warm-up requests not counted)`,
    headers: ['Server', 'Requests', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p50 vs baseline', 'TCP connections'],
    rows: [latencyRow('bare Node HTTP (baseline)', base, base.summary), latencyRow('whole chain (empty collection)', chain, base.summary)],
    notes: [
      targetLine({ label: 'chain p50', value: chain.summary.p50, unit: 'ms', kind: 'max', limit: P50_TARGET_MS }),
      'Reference: AnkiConnect waits 0–25 ms per request (it polls on Anki’s main-thread timer).',
    ],
  });
  printTable({
    title: `1b. version throughput, concurrent keep-alive clients (requests/s; ${THROUGHPUT_REQUESTS.toLocaleString('en-US')} requests per row, capped at ${THROUGHPUT_MAX_MS / 1000} s)`,
    headers: ['Clients', 'Baseline req/s', 'Chain req/s', 'Chain vs baseline', 'Chain requests', 'Chain time s', 'Chain TCP connections'],
    rows: chain.rates.map((c, i) => {
      const b = base.rates[i]!;
      return [String(c.clients), b.perSecond, c.perSecond, ratio(c.perSecond, b.perSecond), `${c.requests.toLocaleString('en-US')}${c.capped ? ' (capped)' : ''}`, fmt(c.ms / 1000), String(c.connections)];
    }),
    notes: [
      targetLine({ label: 'chain throughput at 16 clients', value: chain.rates[chain.rates.length - 1]!.perSecond, unit: 'requests/s', kind: 'min', limit: RPS_TARGET }),
      'Reference: AnkiConnect serves at most about 40 requests/s.',
    ],
  });
}

export const versionSection: Section = {
  id: 'version',
  title: 'version round trip and throughput',
  async run(env: BenchEnv) {
    const chain = await env.chain();
    const server = await startBaselineServer();
    let base: Measured;
    try {
      base = await measure('baseline', server.port, baselineCheck);
    } finally {
      await server.close();
    }
    const measured = await measure('chain', chain.port, chainCheck);
    env.record('version.chain', measured.summary);
    printResults(base, measured);
  },
};
