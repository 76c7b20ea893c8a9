/**
 * §2 One acknowledged `createDeck` through the whole chain (the HTTP reply
 * arrives only once the write is durable: synced in the host's journal file or committed in IndexedDB), on the extension's
 * new empty collection and on a 100,000-note collection.
 */
import { benchDeckNames, checkCreatedDeck, checkDecksExist } from '../lib/deck-calls.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient, timedPost, type Reply } from '../lib/http-client.ts';
import type { SeedResult } from '../lib/seed.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

export const CREATE_DECK_CALLS = 200;
export const CREATE_DECK_WARMUP = 10;
export const LARGE_NOTES = 100_000;
export const RATIO_TARGET = 2;

interface Run {
  label: string;
  notes: number;
  cards: number;
  decksBefore: number;
  summary: Summary;
}

function parseReply(r: Reply): { result?: unknown; error?: unknown } {
  if (r.status !== 200) throw new WrongAnswer(`HTTP ${r.status}: ${r.text}`);
  return JSON.parse(r.text) as { result?: unknown; error?: unknown };
}

async function deckNames(client: KeepAliveClient): Promise<unknown> {
  const reply = parseReply(await client.post('{"action":"deckNames","version":6}'));
  if (reply.error !== null) throw new WrongAnswer(`deckNames failed: ${String(reply.error)}`);
  return reply.result;
}

async function measure(port: number, label: string, notes: number, cards: number, prefix: string): Promise<Run> {
  progress(`chain createDeck on ${label}: ${CREATE_DECK_CALLS} calls after ${CREATE_DECK_WARMUP} warm-up`);
  const client = new KeepAliveClient(port);
  try {
    const before = await deckNames(client);
    const names = benchDeckNames(prefix, CREATE_DECK_WARMUP + CREATE_DECK_CALLS);
    const seen = new Set<number>();
    const samples: number[] = [];
    for (const [i, deck] of names.entries()) {
      const body = JSON.stringify({ action: 'createDeck', version: 6, params: { deck } });
      const ms = await timedPost(client, body, (r) => checkCreatedDeck(deck, parseReply(r), seen));
      if (i >= CREATE_DECK_WARMUP) samples.push(ms);
    }
    checkDecksExist(names, await deckNames(client));
    return { label, notes, cards, decksBefore: Array.isArray(before) ? before.length : Number.NaN, summary: summarize(samples) };
  } finally {
    client.close();
  }
}

function printResults(empty: Run, large: Run, seed: SeedResult, snapshotBytes: number): void {
  const row = (r: Run) => [r.label, r.notes.toLocaleString('en-US'), r.cards.toLocaleString('en-US'), String(r.decksBefore), String(r.summary.n), r.summary.p50, r.summary.p90, r.summary.p99, r.summary.max, ratio(r.summary.p50, empty.summary.p50)];
  printTable({
    title: `2. createDeck through the whole chain, acknowledged = durable (host journal file or IndexedDB) (ms per call; distinct new names, ${CREATE_DECK_WARMUP} warm-up calls not counted)`,
    headers: ['Collection', 'Notes', 'Cards', 'Decks before', 'Calls', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p50 vs empty'],
    rows: [row(empty), row(large)],
    notes: [
      targetLine({ label: `100,000-note p50 / empty p50`, value: large.summary.p50 / empty.summary.p50, unit: '×', kind: 'max', limit: RATIO_TARGET }),
      `The 100,000-note collection (${fmt(snapshotBytes / 1048576, 1)} MiB SQLite file) was written as the extension's IndexedDB snapshot by its service worker, driven through the DevTools port (${fmt(seed.seedMs / 1000, 1)} s), ` +
        `and loaded with the reloadCollection action (round trip ${fmt(seed.reloadMs / 1000, 2)} s: IndexedDB read + sql.js open, the start-up path).`,
    ],
  });
}

export const createDeckSection: Section = {
  id: 'createDeck',
  title: 'createDeck through the chain, empty vs 100,000 notes',
  async run(env: BenchEnv) {
    const fixture = await env.fixture(LARGE_NOTES);
    const chain = await env.chain();
    if (env.chainHolds !== 0) throw new Error('createDeck: the chain no longer holds its new collection');
    const empty = await measure(chain.port, 'empty (new collection)', 0, 0, 'Bench empty');
    const seed = await env.loadIntoChain(fixture);
    const large = await measure(chain.port, `${LARGE_NOTES.toLocaleString('en-US')} notes`, fixture.notes, fixture.cards, 'Bench large');
    env.record('createDeck.chain.empty', empty.summary);
    env.record('createDeck.chain.large', large.summary);
    printResults(empty, large, seed, fixture.bytes.byteLength);
    await env.settleChain();
  },
};
