/**
 * §5 Search: a fixed list of typical queries on the 10,000- and the
 * 100,000-note fixture (Basic and Cloze, 20 decks with children, 200 tags
 * with a hierarchy, cards in varied states): notes found, p50 in the engine
 * (findNoteIds in this process) and through the whole chain (`findNotes`).
 * The chain must answer exactly the engine's ids.
 */
import type { Collection } from '../../extension/collection/collection.ts';
import { findNoteIds } from '../../extension/collection/search/index.ts';
import { apiReply, requestBody, resultOf } from '../lib/chain-calls.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { repeatTimed } from '../lib/repeat.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress } from '../lib/table.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import { benchQueries, type BenchQuery } from './search-queries.ts';
import type { Section } from './section.ts';

const SIZES = [10_000, 100_000] as const;
const REPEAT = { min: 3, max: 25, budgetMs: 600 };
const TARGET_MS = 50;
const YOMITAN_TARGET_MS = 5;

interface QueryRun {
  found: number;
  engine: Summary;
  chain: Summary;
}

/** Per size: the fixture's counts and, per query (in benchQueries order), the figures. */
type Results = Map<number, { notes: number; cards: number; runs: QueryRun[] }>;

function sameIds(q: BenchQuery, engine: number[], chain: unknown): void {
  const same = Array.isArray(chain) && chain.length === engine.length && chain.every((id, i) => id === engine[i]);
  if (!same) {
    throw new WrongAnswer(`findNotes ${JSON.stringify(q.query)} through the chain found ${Array.isArray(chain) ? chain.length : JSON.stringify(chain)} notes, the engine ${engine.length} (is:due changes if the run crosses the day rollover)`);
  }
}

async function measureQuery(col: Collection, client: KeepAliveClient, q: BenchQuery): Promise<QueryRun> {
  const ids = findNoteIds(col, q.query);
  if (q.mustFind !== undefined && !ids.includes(q.mustFind)) throw new WrongAnswer(`search ${JSON.stringify(q.query)} misses note ${q.mustFind}`);
  if (ids.length === 0) throw new WrongAnswer(`search ${JSON.stringify(q.query)} finds nothing in the fixture`);
  const engine = await repeatTimed(() => findNoteIds(col, q.query), REPEAT);
  const body = requestBody('findNotes', { query: q.query });
  const call = async () => resultOf('findNotes', apiReply('findNotes', await client.post(body)));
  sameIds(q, ids, await call());
  const chain = await repeatTimed(call, REPEAT);
  return { found: ids.length, engine: summarize(engine), chain: summarize(chain) };
}

async function measureSize(env: BenchEnv, notes: number): Promise<{ queries: BenchQuery[]; runs: QueryRun[]; cards: number }> {
  const fixture = await env.fixture(notes);
  const queries = benchQueries(fixture);
  await env.ensureChainHolds(fixture);
  const { col } = await env.engineFixture(notes);
  const client = new KeepAliveClient((await env.chain()).port);
  progress(`search on ${notes.toLocaleString('en-US')} notes: ${queries.length} queries, engine then chain, ${REPEAT.min}–${REPEAT.max} samples each`);
  try {
    const runs: QueryRun[] = [];
    for (const q of queries) runs.push(await measureQuery(col, client, q));
    return { queries, runs, cards: fixture.cards };
  } finally {
    client.close();
  }
}

function targetOf(q: BenchQuery): number {
  return q.yomitan ? YOMITAN_TARGET_MS : TARGET_MS;
}

function printResults(queries: BenchQuery[], results: Results): void {
  const [small, large] = SIZES.map((size) => results.get(size)!.runs);
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = queries.map((q, i) => {
    const s = small![i]!;
    const l = large![i]!;
    const met = l.engine.p50 <= targetOf(q) ? 'met' : 'NOT met';
    return [q.kind, `\`${q.query}\``, n(s.found), s.engine.p50, s.chain.p50, n(l.found), l.engine.p50, l.engine.p90, l.chain.p50, l.chain.p90, `≤ ${targetOf(q)}`, met];
  });
  const missed = queries.filter((q, i) => large![i]!.engine.p50 > targetOf(q));
  printTable({
    title: `5. Search (findNotes): notes found and ms per query, engine alone (findNoteIds in Node) and whole chain; ${SIZES.map(n).join(' and ')} notes`,
    headers: ['Kind', 'Query', '10k found', '10k engine p50', '10k chain p50', '100k found', '100k engine p50', '100k engine p90', '100k chain p50', '100k chain p90', 'target (100k engine p50, ms)', 'met'],
    rows,
    notes: [
      `Target: every query's engine p50 at 100,000 notes ≤ ${TARGET_MS} ms, Yomitan's duplicate queries ≤ ${YOMITAN_TARGET_MS} ms: ` +
        (missed.length ? `NOT met for ${missed.length} of ${queries.length} (${missed.map((q) => q.kind).join('; ')})` : `met for all ${queries.length}`),
      `Samples per figure: ${REPEAT.min}–${REPEAT.max} (until ${REPEAT.budgetMs} ms were spent), after one unmeasured call that also checks the answer; the chain's answer equals the engine's ids. ` +
        SIZES.map((size) => `${size / 1000}k = ${n(size)} notes, ${n(results.get(size)!.cards)} cards`).join('; ') + '; one note in four is a Cloze note.',
    ],
  });
}

export const searchSection: Section = {
  id: 'search',
  title: 'search: typical queries on 10,000 and 100,000 notes, engine and chain',
  async run(env: BenchEnv) {
    // The chain may already hold the large fixture: measure that first and load the other once.
    const order = env.chainHolds === SIZES[1] ? [...SIZES].reverse() : [...SIZES];
    const results: Results = new Map();
    let queries: BenchQuery[] = [];
    for (const notes of order) {
      const measured = await measureSize(env, notes);
      if (queries.length && measured.queries.some((q, i) => q.query !== queries[i]!.query)) throw new Error('search: the fixtures gave different query lists');
      queries = measured.queries;
      results.set(notes, { notes, cards: measured.cards, runs: measured.runs });
    }
    printResults(queries, results);
    await env.settleChain();
  },
};
