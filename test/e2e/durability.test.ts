/**
 * Nothing acknowledged is lost: a deck created and acknowledged is there
 * after the browser is killed with SIGKILL at once, twenty times over (the
 * host's journal file holds such writes when IndexedDB may not yet); and a
 * clean stop and a second start on the same profile find the same data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invoke, removeProfile, startChain, tempProfile } from '../helpers/chain.ts';

const profiles: string[] = [];

/** The text of the host's journal files in a profile (they sit beside collection.media). */
function hostJournalText(profileDir: string): string {
  const dir = join(profileDir, 'journal');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((n) => n.endsWith('.log'))
    .map((n) => readFileSync(join(dir, n), 'utf8'))
    .join('');
}
afterAll(() => profiles.forEach(removeProfile));

describe('durability', () => {
  it('keeps every acknowledged createDeck across 20 SIGKILLs of the browser', async () => {
    const profileDir = tempProfile();
    profiles.push(profileDir);
    const created: string[] = [];
    const ids: number[] = [];
    let heldByHost = 0;
    for (let round = 0; round < 20; round++) {
      const chain = await startChain({ profileDir });
      const names = ((await invoke(chain.port, 'deckNames')) as { result: string[] }).result;
      for (const name of created) expect(names, `round ${round}: ${name}`).toContain(name);
      const name = `Durable ${round}`;
      const reply = (await invoke(chain.port, 'createDeck', { deck: name })) as { result: number; error: null };
      expect(reply.error).toBeNull();
      created.push(name);
      ids.push(reply.result);
      await chain.killBrowser();
      // The reply waited for the host's synced copy rather than for IndexedDB.
      if (hostJournalText(profileDir).includes(name)) heldByHost++;
    }
    expect(heldByHost).toBeGreaterThan(0);
    const chain = await startChain({ profileDir });
    const all = ((await invoke(chain.port, 'deckNamesAndIds')) as { result: Record<string, number> }).result;
    created.forEach((name, i) => expect(all[name]).toBe(ids[i]));
    await chain.stop();
  }, 600_000);

  it('keeps new cards in order across a SIGKILL: the next position (a deferred col write) survives with the notes', async () => {
    const profileDir = tempProfile();
    profiles.push(profileDir);
    const add = async (port: number, front: string) => {
      const reply = (await invoke(port, 'addNote', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: front, Back: '' } } })) as { result: number; error: null };
      expect(reply.error).toBeNull();
      return reply.result;
    };
    const positions = async (port: number, nids: number[]) => {
      const cards = ((await invoke(port, 'findCards', { query: `nid:${nids.join(',')}` })) as { result: number[] }).result;
      const info = ((await invoke(port, 'cardsInfo', { cards })) as { result: { note: number; due: number }[] }).result;
      return nids.map((nid) => info.find((c) => c.note === nid)?.due);
    };
    let chain = await startChain({ profileDir });
    const nids = [await add(chain.port, 'one'), await add(chain.port, 'two'), await add(chain.port, 'three')];
    await chain.killBrowser();
    chain = await startChain({ profileDir });
    expect(await positions(chain.port, nids)).toEqual([1, 2, 3]);
    nids.push(await add(chain.port, 'four'));
    expect(await positions(chain.port, nids)).toEqual([1, 2, 3, 4]);
    await chain.stop();
  }, 120_000);

  it('finds the same data after a clean stop and a second start', async () => {
    const profileDir = tempProfile();
    profiles.push(profileDir);
    const first = await startChain({ profileDir });
    const before = ((await invoke(first.port, 'deckNamesAndIds')) as { result: Record<string, number> }).result;
    await invoke(first.port, 'createDeck', { deck: 'Kept::Child' });
    await first.stop();
    expect(first.proc.exitCode).toBe(0);
    const second = await startChain({ profileDir });
    const after = ((await invoke(second.port, 'deckNamesAndIds')) as { result: Record<string, number> }).result;
    expect(after.Default).toBe(before.Default);
    expect(Object.keys(after)).toEqual(['Default', 'Kept', 'Kept::Child']);
    await second.stop();
  }, 120_000);
});
