/**
 * `cardsInfo` of 1,000 cards (Basic and Cloze mixed) in one request on the
 * 10,000-note fixture: through the whole chain and in the engine alone (the
 * in-process handler on the same fixture), so the chain's overhead shows.
 */
import { mixedCards } from '../lib/card-picks.ts';
import { requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import { engineContext, engineInvoke } from '../lib/engine.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { repeatTimed } from '../lib/repeat.ts';
import { summarize } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const NOTES = 10_000;
const CARDS = 1000;
const CALLS = 30;
const WARMUP = 3;
const TARGET_MS = 100;

function checkInfo(what: string, result: unknown, ids: readonly number[]): void {
  const list = result as { cardId?: unknown }[];
  if (!Array.isArray(list) || list.length !== ids.length || list.some((c, i) => c?.cardId !== ids[i])) {
    throw new WrongAnswer(`${what}: cardsInfo did not answer the ${ids.length} cards asked for: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

async function chainSamples(env: BenchEnv, ids: readonly number[]): Promise<number[]> {
  const chain = await env.chain();
  await env.ensureChainHolds(await env.fixture(NOTES));
  await env.settleChain();
  const client = new KeepAliveClient(chain.port);
  const body = requestBody('cardsInfo', { cards: ids });
  const call = async () => {
    const { ms, reply } = await timedCall(client, 'cardsInfo', body, 60_000);
    checkInfo('chain', resultOf('cardsInfo', reply), ids);
    return ms;
  };
  try {
    progress(`chain: ${CALLS} cardsInfo calls of ${CARDS} cards after ${WARMUP} warm-up`);
    for (let i = 0; i < WARMUP; i++) await call();
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) samples.push(await call());
    return samples;
  } finally {
    client.close();
  }
}

async function engineSamples(env: BenchEnv, ids: readonly number[]): Promise<number[]> {
  const ctx = engineContext((await env.engineFixture(NOTES)).col);
  const call = async () => checkInfo('engine', resultOf('cardsInfo', await engineInvoke(ctx, 'cardsInfo', { cards: ids })), ids);
  progress(`engine: ${CALLS} cardsInfo calls`);
  for (let i = 0; i < WARMUP; i++) await call();
  return repeatTimed(call, { min: CALLS, max: CALLS, budgetMs: 0 });
}

export const cardsInfoSection: Section = {
  id: 'cardsInfo',
  title: `cardsInfo of ${CARDS.toLocaleString('en-US')} cards, chain and engine`,
  async run(env: BenchEnv) {
    const pick = mixedCards((await env.engineFixture(NOTES)).col, CARDS);
    const engine = summarize(await engineSamples(env, pick.ids));
    const chain = summarize(await chainSamples(env, pick.ids));
    const row = (label: string, s: typeof chain) => [label, NOTES.toLocaleString('en-US'), String(s.n), s.p50, s.p90, s.max, ratio(s.p50, engine.p50)];
    printTable({
      title: `8. cardsInfo of ${CARDS.toLocaleString('en-US')} cards in one request (${CARDS - pick.cloze} Basic, ${pick.cloze} Cloze; ms per request)`,
      headers: ['Path', 'Notes in collection', 'Calls', 'p50 ms', 'p90 ms', 'max ms', 'p50 vs engine'],
      rows: [row('engine alone (in-process handler)', engine), row('whole chain', chain)],
      notes: [
        targetLine({ label: 'chain p50', value: chain.p50, unit: 'ms', kind: 'max', limit: TARGET_MS }),
        `Chain overhead at p50: ${fmt(chain.p50 - engine.p50)} ms (reply of about 1,000 rendered cards through the service worker, native messaging and HTTP). ${WARMUP} warm-up calls not counted.`,
      ],
    });
  },
};
