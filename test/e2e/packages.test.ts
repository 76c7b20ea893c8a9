/**
 * Packages by path through the whole chain: a deck with media and reviews
 * exported by one profile (the host writes the file) and imported by a fresh
 * one (the host reads it), with notes, cards, reviews and media equal.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { invoke, removeProfile, startChain, type Chain } from '../helpers/chain.ts';

const dir = mkdtempSync(join(tmpdir(), 'acb-apkg-'));
const chains: Chain[] = [];
afterAll(async () => {
  for (const c of chains) {
    await c.stop();
    removeProfile(c.profileDir);
  }
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(c: Chain, action: string, params?: Record<string, unknown>): Promise<T> {
  const r = (await invoke(c.port, action, params)) as { result: T; error: string | null };
  expect(r.error, action).toBeNull();
  return r.result;
}

it('exports a deck to a path and imports it into another profile, all equal', async () => {
  const a = await startChain();
  chains.push(a);
  const image = Buffer.from('not really a png, but bytes').toString('base64');
  expect(await ok(a, 'storeMediaFile', { filename: 'cat.png', data: image })).toBe('cat.png');
  await ok(a, 'createDeck', { deck: 'Trip::Sub' });
  const nids = await ok<number[]>(a, 'addNotes', {
    notes: [
      { deckName: 'Trip::Sub', modelName: 'Basic', fields: { Front: 'neko <img src="cat.png">', Back: 'cat' }, tags: ['animal'] },
      { deckName: 'Trip', modelName: 'Cloze', fields: { Text: '{{c1::Canberra}} is the capital of {{c2::Australia}}', 'Back Extra': '' } },
    ],
  });
  const cards = await ok<number[]>(a, 'findCards', { query: 'deck:Trip' });
  expect(cards).toHaveLength(3);
  expect(await ok(a, 'answerCards', { answers: [{ cardId: cards[0], ease: 3 }] })).toEqual([true]);
  const path = join(dir, 'trip.apkg');
  expect(await ok(a, 'exportPackage', { deck: 'Trip', path, includeSched: true })).toBe(true);
  expect(statSync(path).size).toBeGreaterThan(1000);
  const before = await ok<Record<string, unknown>[]>(a, 'notesInfo', { notes: nids });
  const reviewsBefore = await ok<unknown[][]>(a, 'cardReviews', { deck: 'Trip', startID: 0 });

  const b = await startChain();
  chains.push(b);
  expect(await ok(b, 'importPackage', { path })).toBe(true);
  expect(await ok(b, 'deckNames')).toEqual(expect.arrayContaining(['Trip', 'Trip::Sub']));
  const after = await ok<Record<string, unknown>[]>(b, 'notesInfo', { query: 'deck:Trip' });
  // The imported note types keep their shape; their names get Anki's "+" because this profile has its own stock types.
  const strip = (n: Record<string, unknown>) => ({ fields: n.fields, tags: n.tags, modelName: String(n.modelName).replace(/\+$/, ''), noteId: n.noteId });
  expect(after.map((n) => n.modelName).sort()).toEqual(['Basic+', 'Cloze+']);
  expect(after.map(strip).sort((x, y) => Number(x.noteId) - Number(y.noteId))).toEqual(before.map(strip).sort((x, y) => Number(x.noteId) - Number(y.noteId)));
  expect(await ok(b, 'retrieveMediaFile', { filename: 'cat.png' })).toBe(image);
  expect(await ok<unknown[][]>(b, 'cardReviews', { deck: 'Trip', startID: 0 })).toEqual(reviewsBefore);
  // A second import of the same package adds nothing.
  expect(await ok(b, 'importPackage', { path })).toBe(true);
  expect(await ok<number[]>(b, 'findNotes', { query: 'deck:Trip' })).toHaveLength(2);
  // A missing file gives the host's error, and nothing changes.
  const missing = (await invoke(b.port, 'importPackage', { path: join(dir, 'nope.apkg') })) as { error: string };
  expect(missing.error).toMatch(/No such file/);
}, 240_000);
