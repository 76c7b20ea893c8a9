/**
 * §6 `addNote` one at a time, sequentially on one keep-alive connection,
 * through the whole chain (each reply = durable: synced in the host's journal file or committed in IndexedDB): notes per
 * second over 500 notes, and the latency of each call, next to the
 * `version` round trip when that section ran.
 */
import { newBasicNotes } from '../lib/bench-notes.ts';
import { chainCall, checkIds, requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { summarize } from '../lib/stats.ts';
import { fmt, printTable, progress, ratio } from '../lib/table.ts';
import { targetLine } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const NOTES = 500;
const WARMUP = 20;
const TARGET_PER_SECOND = 300;
const DECK = 'Bench addNote';

async function measure(env: BenchEnv): Promise<{ samples: number[]; totalMs: number; notesBefore: number }> {
  const chain = await env.chain();
  await env.settleChain();
  const notesBefore = (await env.chainStatus()).notes ?? Number.NaN;
  const client = new KeepAliveClient(chain.port);
  try {
    await chainCall(client, 'createDeck', { deck: DECK });
    env.chainNotesChanged();
    const bodies = newBasicNotes('s-', WARMUP + NOTES, DECK).map((note) => requestBody('addNote', { note }));
    const ids: number[] = [];
    const samples: number[] = [];
    progress(`chain addNote: ${NOTES} sequential calls after ${WARMUP} warm-up`);
    for (const [i, body] of bodies.entries()) {
      const { ms, reply } = await timedCall(client, 'addNote', body);
      ids.push(...checkIds('addNote', [resultOf('addNote', reply)]));
      if (i >= WARMUP) samples.push(ms);
    }
    const found = new Set(checkIds('findNotes', await chainCall(client, 'findNotes', { query: `"deck:${DECK}"` })));
    if (found.size !== ids.length || !ids.every((id) => found.has(id))) throw new WrongAnswer(`addNote: the deck holds ${found.size} notes, not the ${ids.length} added`);
    return { samples, totalMs: samples.reduce((s, x) => s + x, 0), notesBefore };
  } finally {
    client.close();
  }
}

export const addNoteSection: Section = {
  id: 'addNote',
  title: `addNote one at a time through the chain, ${NOTES} notes`,
  async run(env: BenchEnv) {
    const { samples, totalMs, notesBefore } = await measure(env);
    const s = summarize(samples);
    const perSecond = (samples.length / totalMs) * 1000;
    const version = env.recorded('version.chain');
    printTable({
      title: `6. addNote, one note per request, sequential on one keep-alive connection, through the whole chain (each reply = durable in the host's synced journal file or in IndexedDB; ${WARMUP} warm-up calls not counted)`,
      headers: ['Notes before', 'Calls', 'notes/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p50 vs version p50'],
      rows: [[notesBefore.toLocaleString('en-US'), String(s.n), fmt(perSecond, 0), s.p50, s.p90, s.p99, s.max, version ? ratio(s.p50, version.p50) : '–']],
      notes: [
        targetLine({ label: 'sequential addNote rate', value: perSecond, unit: 'notes/s', kind: 'min', limit: TARGET_PER_SECOND }),
        version
          ? `Baseline: the version round trip through the same chain, p50 ${fmt(version.p50)} ms (section 1a).`
          : 'Baseline: run the version section in the same run for the version round trip.',
      ],
    });
    await env.settleChain();
  },
};
