import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageDb } from '../../../extension/storage/database.ts';
import { DexieMediaStore } from '../../../extension/storage/media-store.ts';

let db: StorageDb;
let store: DexieMediaStore;
let now = 1_000;

beforeEach(async () => {
  db = new StorageDb({ name: `acb-media-${crypto.randomUUID()}`, indexedDB, IDBKeyRange });
  await db.open();
  store = new DexieMediaStore(db, () => now);
});
afterEach(() => db.close());

const bytes = (s: string) => new TextEncoder().encode(s);

describe('DexieMediaStore', () => {
  it('writes, reads, lists and removes files', async () => {
    await store.write('b.mp3', bytes('bee'));
    await store.write('a.png', bytes('ay'));
    expect(Buffer.from((await store.read('b.mp3'))!).toString()).toBe('bee');
    expect(await store.read('none')).toBeNull();
    expect(await store.list()).toEqual(['a.png', 'b.mp3']);
    await store.remove('a.png');
    await store.remove('a.png'); // no error when missing
    expect(await store.list()).toEqual(['b.mp3']);
  });

  it('keeps size and mtime, readable without bytes', async () => {
    now = 5_000;
    await store.write('a', bytes('12345'));
    await store.put('b', bytes('xy'), { mtime: 42 });
    expect(await store.metas()).toEqual(
      new Map([
        ['a', { size: 5, mtime: 5_000 }],
        ['b', { size: 2, mtime: 42 }],
      ]),
    );
    expect(await store.matches('b', { size: 2, mtime: 42 })).toBe(true);
    expect(await store.matches('b', { size: 2, mtime: 43 })).toBe(false);
    expect(await store.matches('a', { size: 2, mtime: 42 })).toBe(false);
    await store.setMtime('b', 40);
    expect((await store.metas()).get('b')).toEqual({ size: 2, mtime: 40 });
    expect(await store.has('b')).toBe(true);
    expect(await store.has('c')).toBe(false);
  });

  it('computes md5 when not given, and keeps a given one', async () => {
    await store.write('a', bytes('hello'));
    expect(await store.md5('a')).toBe('5d41402abc4b2a76b9719d911017c592');
    await store.put('b', bytes('x'), { mtime: 1, md5: 'given' });
    expect(await store.md5('b')).toBe('given');
    expect(await store.md5('none')).toBeNull();
  });

  it('stores only the bytes of a view, not its whole buffer', async () => {
    const big = new Uint8Array(1000).fill(7);
    await store.write('view', big.subarray(10, 20));
    const row = await db.media.get('view');
    expect(row!.bytes.length).toBe(10);
    expect(row!.bytes.buffer.byteLength).toBe(10);
    expect(row!.size).toBe(10);
  });

  it('reads rows written by another store on the same database (a restart)', async () => {
    await store.write('kept', bytes('k'));
    const again = new DexieMediaStore(db);
    expect(Buffer.from((await again.read('kept'))!).toString()).toBe('k');
  });

  it('opens a database made before media rows had sizes (version 1)', async () => {
    const name = `acb-media-v1-${crypto.randomUUID()}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({ snapshots: 'key', journal: 'seq', settings: 'key', media: 'name' });
    await old.table('settings').put({ key: 'k', value: 1 });
    old.close();
    const upgraded = new StorageDb({ name, indexedDB, IDBKeyRange });
    await upgraded.open();
    const s = new DexieMediaStore(upgraded, () => 9);
    await s.write('n', bytes('new'));
    expect(await s.metas()).toEqual(new Map([['n', { size: 3, mtime: 9 }]]));
    expect(await upgraded.settings.get('k')).toEqual({ key: 'k', value: 1 });
    upgraded.close();
  });
});
