/**
 * §7 `addNotes` of 10,000 Basic notes in one request, a few times, each
 * into a new deck: through the whole chain (reply = durable; a transaction this large waits for IndexedDB)
 * and in the engine alone (in-process handler on a copy of the same
 * fixture), so the chain's overhead shows. The chain's journal is
 * checkpointed before each chain run, so no checkpoint of the previous
 * batch lands in the next one.
 */
import { systemClock } from '../../extension/collection/clock.ts';
import { Collection } from '../../extension/collection/collection.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { findNoteIds } from '../../extension/collection/search/index.ts';
import { newBasicNotes } from '../lib/bench-notes.ts';
import { chainCall, checkIds, requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import { engineContext, engineInvoke } from '../lib/engine.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { msSince, summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const BATCH = 10_000;
const RUNS = 3;
const TARGET_MS = 2000;
const TIMEOUT_MS = 180_000;

interface PathResult {
  notesBefore: number;
  samples: number[];
  summary: Summary;
}

function sameIds(what: string, added: number[], found: number[]): void {
  const set = new Set(found);
  if (found.length !== added.length || !added.every((id) => set.has(id))) {
    throw new WrongAnswer(`${what}: findNotes on the new deck found ${found.length} notes, not the ${added.length} added`);
  }
}

async function chainRuns(env: BenchEnv): Promise<PathResult & { bodyBytes: number }> {
  const chain = await env.chain();
  await env.settleChain();
  const notesBefore = (await env.chainStatus()).notes ?? Number.NaN;
  const client = new KeepAliveClient(chain.port);
  const samples: number[] = [];
  let bodyBytes = 0;
  try {
    for (let run = 1; run <= RUNS; run++) {
      const deck = `Bench addNotes chain ${run}`;
      const body = requestBody('addNotes', { notes: newBasicNotes(`c${run}-`, BATCH, deck) });
      bodyBytes = Buffer.byteLength(body);
      if (run > 1) await env.settleChain();
      await chainCall(client, 'createDeck', { deck });
      env.chainNotesChanged();
      progress(`chain addNotes run ${run}/${RUNS}: ${BATCH.toLocaleString('en-US')} notes, ${(bodyBytes / 1048576).toFixed(1)} MiB body`);
      const { ms, reply } = await timedCall(client, 'addNotes', body, TIMEOUT_MS);
      const added = checkIds('addNotes through the chain', resultOf('addNotes', reply), BATCH);
      sameIds('chain', added, checkIds('findNotes', await chainCall(client, 'findNotes', { query: `"deck:${deck}"` })));
      samples.push(ms);
    }
  } finally {
    client.close();
  }
  return { notesBefore, samples, summary: summarize(samples), bodyBytes };
}

async function engineRuns(env: BenchEnv): Promise<PathResult> {
  const SQL = await env.sql();
  const held = env.chainHolds;
  const col = held > 0 ? Collection.open(SQL, (await env.fixture(held)).bytes, systemClock) : createCollection(SQL, systemClock);
  const ctx = engineContext(col);
  const samples: number[] = [];
  try {
    const notesBefore = col.db.scalar('select count() from notes') as number;
    for (let run = 1; run <= RUNS; run++) {
      const deck = `Bench addNotes engine ${run}`;
      const notes = newBasicNotes(`e${run}-`, BATCH, deck);
      resultOf('createDeck', await engineInvoke(ctx, 'createDeck', { deck }));
      progress(`engine addNotes run ${run}/${RUNS}`);
      const start = process.hrtime.bigint();
      const reply = await engineInvoke(ctx, 'addNotes', { notes });
      samples.push(msSince(start));
      const added = checkIds('addNotes in the engine', resultOf('addNotes', reply), BATCH);
      sameIds('engine', added, findNoteIds(col, `"deck:${deck}"`));
    }
    return { notesBefore, samples, summary: summarize(samples) };
  } finally {
    col.close();
  }
}

function printResults(chain: PathResult & { bodyBytes: number }, engine: PathResult): void {
  const row = (label: string, r: PathResult) => [
    label, r.notesBefore.toLocaleString('en-US'), String(r.summary.n), fmt(r.summary.p50 / 1000, 3), fmt(r.summary.p90 / 1000, 3), fmt(r.summary.max / 1000, 3),
    fmt((BATCH / r.summary.p50) * 1000, 0), ratio(r.summary.p50, engine.summary.p50),
  ];
  const runs = (r: PathResult) => r.samples.map((ms) => fmt(ms / 1000, 3)).join(', ');
  printTable({
    title: `7. addNotes: ${BATCH.toLocaleString('en-US')} Basic notes (realistic fields, 1–2 tags) in one request, each run into a new deck (seconds per request)`,
    headers: ['Path', 'Notes before', 'Runs', 'p50 s', 'p90 s', 'max s', 'notes/s at p50', 'p50 vs engine'],
    rows: [row('engine alone (in-process handler)', engine), row('whole chain (durable)', chain)],
    notes: [
      targetLine({ label: 'chain p50', value: chain.summary.p50 / 1000, unit: 's', kind: 'max', limit: TARGET_MS / 1000 }),
      `Runs in order: chain ${runs(chain)} s; engine ${runs(engine)} s. Chain overhead at p50: ${fmt((chain.summary.p50 - engine.summary.p50) / 1000, 3)} s ` +
        `(a ${fmt(chain.bodyBytes / 1048576, 1)} MiB body through HTTP into the host and fetched from it by the service worker, JSON parsing in the service worker, and the IndexedDB commit of the journal entry of about ${(2 * BATCH).toLocaleString('en-US')} statements). ` +
        'The chain checkpointed its journal before each run. The engine ran on a copy of the fixture the chain was loaded with. Reference: AnkiConnect refreshes its UI per note.',
    ],
  });
}

export const addNotesSection: Section = {
  id: 'addNotes',
  title: `addNotes of ${BATCH.toLocaleString('en-US')} notes in one request, chain and engine`,
  async run(env: BenchEnv) {
    const chain = await chainRuns(env);
    const engine = await engineRuns(env);
    printResults(chain, engine);
    await env.settleChain();
  },
};
