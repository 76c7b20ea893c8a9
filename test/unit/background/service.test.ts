/**
 * The API service over real persistence (Dexie on fake-indexeddb): replies
 * leave only once their writes are journaled, a restart replays them, and
 * reloadCollection reopens from storage.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyText } from '../../../extension/background/http.ts';
import { ApiService } from '../../../extension/background/service.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { Persistence } from '../../../extension/storage/persistence.ts';
import { DEFAULT_SETTINGS, sqlJs, TEST_NOW } from '../../helpers/builders.ts';
import { MemoryHostFiles, MemoryMedia } from '../../helpers/memory-media.ts';

const open: Persistence[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

async function service(name: string): Promise<{ svc: ApiService; store: Persistence }> {
  const store = await Persistence.open({ name, indexedDB, IDBKeyRange });
  open.push(store);
  const svc = new ApiService({ SQL: await sqlJs(), store, media: new MemoryMedia(), files: new MemoryHostFiles(), clock: fixedClock(TEST_NOW), settings: () => DEFAULT_SETTINGS });
  await svc.start();
  return { svc, store };
}

let nextId = 1;
async function post(svc: ApiService, request: unknown): Promise<unknown> {
  const r = await svc.handleHttp({ type: 'request', id: nextId++, method: 'POST', path: '/', headers: {}, body: JSON.stringify(request), encoding: 'utf8' });
  return JSON.parse(bodyText(r.body)!);
}

describe('ApiService', () => {
  it('has every acknowledged write in the journal before the reply, and replays it after a crash', async () => {
    const name = `svc-${crypto.randomUUID()}`;
    const { svc, store } = await service(name);
    const before = store.stats().journalEntries;
    const id = (await post(svc, { action: 'createDeck', version: 6, params: { deck: 'A::B' } })) as { result: number };
    expect(store.stats().pendingAppends).toBe(0);
    expect(store.stats().journalEntries).toBe(before + 1);
    // A crash: the service and its store are dropped without a checkpoint.
    const { svc: again } = await service(name);
    expect(await post(again, { action: 'deckNamesAndIds', version: 6 })).toEqual({
      result: { Default: 1, A: expect.any(Number), 'A::B': id.result },
      error: null,
    });
  });

  it('keeps the same collection (ids, creation time) across restarts', async () => {
    const name = `svc-${crypto.randomUUID()}`;
    const { svc } = await service(name);
    const first = (await svc.collection()).db.scalar('select models from col');
    const { svc: again } = await service(name);
    expect((await again.collection()).db.scalar('select models from col')).toBe(first);
  });

  it('writes nothing for reads and reloads the collection from storage', async () => {
    const name = `svc-${crypto.randomUUID()}`;
    const { svc, store } = await service(name);
    await post(svc, { action: 'createDeck', params: { deck: 'Kept' } });
    const entries = store.stats().journalEntries;
    await post(svc, { action: 'deckNames' });
    expect(store.stats().journalEntries).toBe(entries);
    expect(await post(svc, { action: 'reloadCollection', version: 6 })).toEqual({ result: null, error: null });
    expect(await post(svc, { action: 'deckNames' })).toEqual(['Default', 'Kept']);
  });
});
