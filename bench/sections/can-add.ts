/**
 * §4 `canAddNotesWithErrorDetail` as Yomitan sends it on every lookup
 * popup: 50 notes reduced to their first field, allowDuplicate false, a mix
 * of duplicates and new terms, on the 100,000-note collection, through the
 * whole chain; the same calls in the engine alone for the chain's overhead.
 * Two duplicate scopes: the whole collection (Yomitan's default) and a root
 * deck with its children (Yomitan's "deck root" setting).
 */
import type { ActionContext } from '../../extension/actions/define.ts';
import { newFront, type ApiNote } from '../lib/bench-notes.ts';
import { apiReply, requestBody, resultOf } from '../lib/chain-calls.ts';
import { seededRandom } from '../lib/fixture-content.ts';
import type { FixtureSample } from '../lib/fixture.ts';
import { engineContext, engineInvoke } from '../lib/engine.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient, timedPost } from '../lib/http-client.ts';
import { msSince, summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const NOTES_PER_CALL = 50;
/** Of every five notes, this many are duplicates (20 of 50). */
const DUPLICATES_PER_FIVE = 2;
const CALLS = 120;
const WARMUP = 10;
const TARGET_P50_MS = 30;
const LARGE_NOTES = 100_000;
const ROOT_DECK = 'Deck05';
const DUPLICATE_TEXT = 'cannot create note because it is a duplicate';

type Scope = 'collection' | 'deck';

function yomitanNote(front: string, scope: Scope): ApiNote {
  return {
    deckName: ROOT_DECK,
    modelName: 'Basic',
    fields: { Front: front },
    tags: ['yomitan'],
    options: {
      allowDuplicate: false,
      duplicateScope: scope,
      duplicateScopeOptions: { deckName: scope === 'deck' ? ROOT_DECK : null, checkChildren: scope === 'deck', checkAllModels: false },
    },
  };
}

/** The notes of call `call`; `duplicate[i]` says which must be refused. */
function callNotes(call: number, scope: Scope, pool: readonly FixtureSample[]): { notes: ApiNote[]; duplicate: boolean[] } {
  const rand = seededRandom(call + 1);
  const notes: ApiNote[] = [];
  const duplicate: boolean[] = [];
  for (let i = 0; i < NOTES_PER_CALL; i++) {
    const dup = i % 5 < DUPLICATES_PER_FIVE;
    const front = dup ? pool[(call * NOTES_PER_CALL + i) % pool.length]!.front : newFront(rand, `y${scope}${call}-`, i);
    notes.push(yomitanNote(front, scope));
    duplicate.push(dup);
  }
  return { notes, duplicate };
}

function checkReply(result: unknown, duplicate: readonly boolean[]): void {
  if (!Array.isArray(result) || result.length !== duplicate.length) throw new WrongAnswer(`canAddNotesWithErrorDetail answered ${JSON.stringify(result).slice(0, 300)}`);
  result.forEach((r: { canAdd?: unknown; error?: unknown }, i) => {
    const ok = duplicate[i] ? r.canAdd === false && String(r.error).includes(DUPLICATE_TEXT) : r.canAdd === true;
    if (!ok) throw new WrongAnswer(`canAddNotesWithErrorDetail note ${i} (${duplicate[i] ? 'a duplicate' : 'new'}) answered ${JSON.stringify(r)}`);
  });
}

interface ScopeRun {
  scope: Scope;
  chain: Summary;
  engine: Summary;
}

async function measureScope(port: number, ctx: ActionContext, scope: Scope, pool: readonly FixtureSample[]): Promise<ScopeRun> {
  progress(`canAddNotesWithErrorDetail, ${scope} scope: ${CALLS} calls of ${NOTES_PER_CALL} notes after ${WARMUP} warm-up, chain and engine alternating`);
  const client = new KeepAliveClient(port);
  const chain: number[] = [];
  const engine: number[] = [];
  try {
    for (let call = 0; call < WARMUP + CALLS; call++) {
      const { notes, duplicate } = callNotes(call, scope, pool);
      const body = requestBody('canAddNotesWithErrorDetail', { notes });
      const chainMs = await timedPost(client, body, (r) => checkReply(resultOf('canAddNotesWithErrorDetail', apiReply('canAddNotesWithErrorDetail', r)), duplicate));
      const start = process.hrtime.bigint();
      const reply = await engineInvoke(ctx, 'canAddNotesWithErrorDetail', { notes });
      const engineMs = msSince(start);
      checkReply(resultOf('canAddNotesWithErrorDetail', reply), duplicate);
      if (call >= WARMUP) {
        chain.push(chainMs);
        engine.push(engineMs);
      }
    }
  } finally {
    client.close();
  }
  return { scope, chain: summarize(chain), engine: summarize(engine) };
}

function printResults(runs: ScopeRun[], notes: number): void {
  const label = (s: Scope) => (s === 'collection' ? 'collection (Yomitan default)' : `deck ${ROOT_DECK} + children (deck root)`);
  printTable({
    title: `4. canAddNotesWithErrorDetail, ${NOTES_PER_CALL} Basic notes per call (first field only, allowDuplicate false, ${(DUPLICATES_PER_FIVE / 5) * 100}% duplicates), ms per call`,
    headers: ['Duplicate scope', 'Notes', 'Calls', 'chain p50 ms', 'chain p90 ms', 'chain p99 ms', 'chain max ms', 'engine p50 ms', 'engine p90 ms', 'chain p50 vs engine'],
    rows: runs.map((r) => [label(r.scope), notes.toLocaleString('en-US'), String(r.chain.n), r.chain.p50, r.chain.p90, r.chain.p99, r.chain.max, r.engine.p50, r.engine.p90, ratio(r.chain.p50, r.engine.p50)]),
    notes: [
      ...runs.map((r) => targetLine({ label: `chain p50, ${r.scope} scope`, value: r.chain.p50, unit: 'ms', kind: 'max', limit: TARGET_P50_MS })),
      `Each call's duplicates are first fields of existing Basic notes (in ${ROOT_DECK}'s tree for the deck scope); every answer is checked. Chain and engine calls alternate; ` +
        `chain overhead at p50: ${runs.map((r) => `${r.scope} ${fmt(r.chain.p50 - r.engine.p50)} ms`).join(', ')}.`,
    ],
  });
}

export const canAddSection: Section = {
  id: 'canAdd',
  title: 'canAddNotesWithErrorDetail as Yomitan sends it, 100,000 notes',
  async run(env: BenchEnv) {
    const fixture = await env.fixture(LARGE_NOTES);
    await env.ensureChainHolds(fixture);
    const chain = await env.chain();
    const ctx = engineContext((await env.engineFixture(LARGE_NOTES)).col);
    const inRoot = fixture.samples.filter((s) => s.deck === ROOT_DECK || s.deck.startsWith(`${ROOT_DECK}::`));
    const runs = [await measureScope(chain.port, ctx, 'collection', fixture.samples), await measureScope(chain.port, ctx, 'deck', inRoot)];
    printResults(runs, fixture.notes);
  },
};
