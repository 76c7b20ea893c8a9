/**
 * §3 The engine alone (this Node process: the same handler and collection
 * code, no HTTP, no native messaging, no IndexedDB): createDeck on an empty
 * collection and on the 100,000-note fixture, next to the chain's figures.
 * Calls alternate between the two collections, so load from elsewhere on the
 * machine falls on both alike.
 */
import type { ActionContext } from '../../extension/actions/define.ts';
import { systemClock } from '../../extension/collection/clock.ts';
import { Collection } from '../../extension/collection/collection.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { benchDeckNames, checkCreatedDeck, checkDecksExist } from '../lib/deck-calls.ts';
import { engineContext, engineInvoke } from '../lib/engine.ts';
import type { BenchEnv } from '../lib/env.ts';
import { msSince, summarize, type Summary } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { CREATE_DECK_CALLS, CREATE_DECK_WARMUP, LARGE_NOTES, RATIO_TARGET } from './create-deck.ts';
import type { Section } from './section.ts';

interface Run {
  label: string;
  notes: number;
  summary: Summary;
  chain: Summary | undefined;
}

/** One collection's side of the interleaved measurement. */
class Side {
  readonly ctx: ActionContext;
  readonly names: string[];
  readonly seen = new Set<number>();
  readonly samples: number[] = [];

  constructor(col: Collection, prefix: string) {
    this.ctx = engineContext(col);
    this.names = benchDeckNames(prefix, CREATE_DECK_WARMUP + CREATE_DECK_CALLS);
  }

  async call(i: number): Promise<void> {
    const deck = this.names[i]!;
    const start = process.hrtime.bigint();
    const reply = await engineInvoke(this.ctx, 'createDeck', { deck });
    const ms = msSince(start);
    checkCreatedDeck(deck, reply, this.seen);
    if (i >= CREATE_DECK_WARMUP) this.samples.push(ms);
  }

  async finish(): Promise<Summary> {
    checkDecksExist(this.names, (await engineInvoke(this.ctx, 'deckNames', {})).result);
    return summarize(this.samples);
  }
}

async function measurePair(empty: Collection, large: Collection): Promise<[Summary, Summary]> {
  const a = new Side(empty, 'Bench empty');
  const b = new Side(large, 'Bench large');
  for (let i = 0; i < CREATE_DECK_WARMUP + CREATE_DECK_CALLS; i++) {
    await a.call(i);
    await b.call(i);
  }
  return [await a.finish(), await b.finish()];
}

function printResults(empty: Run, large: Run, openMs: number): void {
  const row = (r: Run) => [
    r.label,
    r.notes.toLocaleString('en-US'),
    String(r.summary.n),
    r.summary.p50,
    r.summary.p90,
    r.summary.p99,
    r.summary.max,
    ratio(r.summary.p50, empty.summary.p50),
    r.chain ? fmt(r.chain.p50) : '–',
    r.chain ? fmt(r.chain.p50 - r.summary.p50) : '–',
  ];
  printTable({
    title: '3. createDeck in the engine alone (Node, in-process handler; no HTTP, native messaging or IndexedDB), ms per call, calls alternating between the two collections',
    headers: ['Collection', 'Notes', 'Calls', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p50 vs empty', 'chain p50 ms', 'chain overhead ms'],
    rows: [row(empty), row(large)],
    notes: [
      targetLine({ label: 'engine 100,000-note p50 / empty p50 (same 2× criterion as the chain)', value: large.summary.p50 / empty.summary.p50, unit: '×', kind: 'max', limit: RATIO_TARGET }),
      `Chain overhead = chain p50 (table 2) − engine p50: HTTP, host, native messaging, service worker and the IndexedDB journal commit. Opening the fixture in Node took ${fmt(openMs)} ms.`,
    ],
  });
}

export const createDeckEngineSection: Section = {
  id: 'createDeckEngine',
  title: 'createDeck in the engine alone, empty vs 100,000 notes',
  async run(env: BenchEnv) {
    const SQL = await env.sql();
    const fixture = await env.fixture(LARGE_NOTES);
    const start = process.hrtime.bigint();
    const largeCol = Collection.open(SQL, fixture.bytes, systemClock);
    const openMs = msSince(start);
    const emptyCol = createCollection(SQL, systemClock);
    progress(`engine createDeck: ${CREATE_DECK_CALLS} calls each on an empty and a ${LARGE_NOTES.toLocaleString('en-US')}-note collection, alternating, after ${CREATE_DECK_WARMUP} warm-up each`);
    const [empty, large] = await measurePair(emptyCol, largeCol).finally(() => {
      emptyCol.close();
      largeCol.close();
    });
    printResults(
      { label: 'empty (new collection)', notes: 0, summary: empty, chain: env.recorded('createDeck.chain.empty') },
      { label: `${LARGE_NOTES.toLocaleString('en-US')} notes`, notes: fixture.notes, summary: large, chain: env.recorded('createDeck.chain.large') },
      openMs,
    );
  },
};
