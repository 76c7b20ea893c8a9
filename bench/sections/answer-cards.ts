/**
 * `answerCards` of 1,000 answers (ease 3) in one request on the 10,000-note
 * fixture, each run on other cards (new, learning or due today): through the
 * whole chain (reply = durable) and in the engine alone on a copy of the
 * same fixture, so the chain's overhead shows.
 */
import { systemClock } from '../../extension/collection/clock.ts';
import { Collection } from '../../extension/collection/collection.ts';
import { dueOrNewCards } from '../lib/card-picks.ts';
import { requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import { engineContext, engineInvoke } from '../lib/engine.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { msSince, summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const NOTES = 10_000;
const ANSWERS = 1000;
const RUNS = 3;
const TARGET_MS = 300;

function answersFor(ids: readonly number[], run: number): { cardId: number; ease: number }[] {
  return ids.slice(run * ANSWERS, (run + 1) * ANSWERS).map((cardId) => ({ cardId, ease: 3 }));
}

function checkAnswered(what: string, result: unknown): void {
  if (!Array.isArray(result) || result.length !== ANSWERS || !result.every((r) => r === true)) {
    throw new WrongAnswer(`${what}: answerCards did not answer all ${ANSWERS} cards: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

async function chainRuns(env: BenchEnv, ids: readonly number[]): Promise<number[]> {
  const chain = await env.chain();
  await env.ensureChainHolds(await env.fixture(NOTES));
  const client = new KeepAliveClient(chain.port);
  const samples: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await env.settleChain();
      const body = requestBody('answerCards', { answers: answersFor(ids, run) });
      progress(`chain answerCards run ${run + 1}/${RUNS}`);
      env.chainNotesChanged();
      const { ms, reply } = await timedCall(client, 'answerCards', body, 120_000);
      checkAnswered('chain', resultOf('answerCards', reply));
      samples.push(ms);
    }
  } finally {
    client.close();
  }
  return samples;
}

async function engineRuns(env: BenchEnv, ids: readonly number[]): Promise<number[]> {
  const col = Collection.open(await env.sql(), (await env.fixture(NOTES)).bytes, systemClock);
  const ctx = engineContext(col);
  const samples: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      progress(`engine answerCards run ${run + 1}/${RUNS}`);
      const params = { answers: answersFor(ids, run) };
      const start = process.hrtime.bigint();
      const reply = await engineInvoke(ctx, 'answerCards', params);
      samples.push(msSince(start));
      checkAnswered('engine', resultOf('answerCards', reply));
    }
  } finally {
    col.close();
  }
  return samples;
}

function printResults(chain: Summary, engine: Summary, runs: { chain: number[]; engine: number[] }): void {
  const row = (label: string, s: Summary) => [label, NOTES.toLocaleString('en-US'), String(s.n), s.p50, s.max, fmt((ANSWERS / s.p50) * 1000, 0), ratio(s.p50, engine.p50)];
  const list = (xs: number[]) => xs.map((x) => fmt(x, 0)).join(', ');
  printTable({
    title: `9. answerCards: ${ANSWERS.toLocaleString('en-US')} answers (ease 3, new/learning/due cards) in one request, other cards each run (ms per request)`,
    headers: ['Path', 'Notes in collection', 'Runs', 'p50 ms', 'max ms', 'answers/s at p50', 'p50 vs engine'],
    rows: [row('engine alone (in-process handler)', engine), row('whole chain (durable)', chain)],
    notes: [
      targetLine({ label: 'chain p50', value: chain.p50, unit: 'ms', kind: 'max', limit: TARGET_MS }),
      `Runs in order: chain ${list(runs.chain)} ms; engine ${list(runs.engine)} ms. Chain overhead at p50: ${fmt(chain.p50 - engine.p50)} ms. ` +
        'The chain checkpointed its journal before each run; the engine ran on a copy of the same fixture.',
    ],
  });
}

export const answerCardsSection: Section = {
  id: 'answerCards',
  title: `answerCards of ${ANSWERS.toLocaleString('en-US')} answers in one request, chain and engine`,
  async run(env: BenchEnv) {
    const ids = dueOrNewCards((await env.engineFixture(NOTES)).col, RUNS * ANSWERS);
    if (ids.length < RUNS * ANSWERS) throw new Error(`answerCards: the fixture has only ${ids.length} new or due cards`);
    const engine = await engineRuns(env, ids);
    const chain = await chainRuns(env, ids);
    printResults(summarize(chain), summarize(engine), { chain, engine });
    await env.settleChain();
  },
};
