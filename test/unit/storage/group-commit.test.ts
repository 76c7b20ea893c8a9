import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Db } from '../../../extension/collection/db.ts';
import { GroupCommit, JournalUnavailableError } from '../../../extension/storage/group-commit.ts';
import { Persistence } from '../../../extension/storage/persistence.ts';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const opened: Persistence[] = [];
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
});

/**
 * An IndexedDB factory (fake-indexeddb underneath) that logs readwrite
 * transactions and can fail journal adds: journal appends go to IndexedDB
 * directly, not through Dexie, so they are watched at this level.
 */
function instrument() {
  const log = {
    journalWrites: 0,
    durability: [] as (string | undefined)[],
    /** 'throw': add() throws a quota error; 'abort': the transaction aborts after the add. */
    failAdds: false as false | 'throw' | 'abort',
    /** Called inside a failing add, while its write is in flight and before its abort is delivered. */
    duringFailingAdd: null as (() => void) | null,
  };
  const patchStore = (tx: IDBTransaction, store: IDBObjectStore): IDBObjectStore =>
    new Proxy(store, {
      get(target, prop) {
        if (prop === 'add' && log.failAdds) {
          return (value: unknown) => {
            if (log.failAdds === 'throw') throw new DOMException('QuotaExceededError: the disk is full', 'QuotaExceededError');
            const request = target.add(value);
            log.duringFailingAdd?.();
            log.duringFailingAdd = null;
            tx.abort();
            return request;
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  const patchDb = (db: IDBDatabase) => {
    const transaction = db.transaction.bind(db);
    db.transaction = ((stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      const names = typeof stores === 'string' ? [stores] : stores;
      const journalOnly = names.length === 1 && names[0] === 'journal';
      if (mode === 'readwrite') {
        if (journalOnly) log.journalWrites++;
        log.durability.push(options?.durability);
      }
      const tx = transaction(stores, mode, options);
      if (!journalOnly || mode !== 'readwrite') return tx;
      const objectStore = tx.objectStore.bind(tx);
      tx.objectStore = (name: string) => patchStore(tx, objectStore(name));
      return tx;
    }) as IDBDatabase['transaction'];
  };
  const factory = new Proxy(indexedDB, {
    get(target, prop) {
      if (prop === 'open') {
        return (name: string, version?: number) => {
          const request = target.open(name, version);
          // Registered before Dexie's own handler, so it runs first.
          request.addEventListener('success', () => patchDb(request.result));
          return request;
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { log, factory };
}

async function setup() {
  const { log, factory } = instrument();
  const name = `acb-test-${crypto.randomUUID()}`;
  const p = await Persistence.open({ name, indexedDB: factory, IDBKeyRange });
  opened.push(p);
  await p.load();
  const db = new Db(new SQL.Database());
  const { statements } = db.transact(() => db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)'));
  await p.append(statements);
  log.journalWrites = 0;
  return { p, db, log, name };
}

function insert(db: Db, p: Persistence, id: number): Promise<void> {
  const { statements } = db.transact(() => db.run('INSERT INTO t VALUES (?, ?)', [id, `v${id}`]));
  return p.append(statements);
}

describe('group commit', () => {
  it('batches concurrent appends into fewer transactions, in order, all resolved', async () => {
    const { p, db, log, name } = await setup();
    const resolved: number[] = [];
    const acks: Promise<void>[] = [];
    for (let i = 1; i <= 100; i++) {
      acks.push(insert(db, p, i).then(() => void resolved.push(i)));
      // Some appends arrive while a write is in flight.
      if (i % 25 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(acks);
    expect(resolved).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(log.journalWrites).toBeGreaterThan(0);
    expect(log.journalWrites).toBeLessThan(20);
    expect(p.stats()).toMatchObject({ pendingAppends: 0, lastSeq: 101, journalEntries: 101 });

    const rows = await p.db.journal.toArray();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    expect(rows.slice(1).map((r) => r.statements[0]?.params[0])).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );

    const p2 = await Persistence.open({ name, indexedDB, IDBKeyRange });
    opened.push(p2);
    const { entries } = await p2.load();
    const copy = new Db(new SQL.Database());
    for (const e of entries) copy.replay(e);
    expect(copy.rows('SELECT * FROM t ORDER BY id')).toEqual(db.rows('SELECT * FROM t ORDER BY id'));
  });

  it('resolves an append only once its entry is committed', async () => {
    const { p, db, name } = await setup();
    const ack = insert(db, p, 1);
    expect(p.stats().pendingAppends).toBe(1);
    await ack;
    expect(p.stats().pendingAppends).toBe(0);
    // Visible to another connection, as after a restart.
    const other = await Persistence.open({ name, indexedDB, IDBKeyRange });
    opened.push(other);
    expect((await other.load()).entries).toHaveLength(2);
  });

  it('uses strict durability by default', async () => {
    const { p, db, log } = await setup();
    await insert(db, p, 1);
    expect(log.durability.filter((d) => d !== undefined)).not.toHaveLength(0);
    expect(new Set(log.durability)).toEqual(new Set(['strict']));
  });

  it('rejects the failed batch and everything behind it, then recovers after load()', async () => {
    const { p, db, log, name } = await setup();
    await insert(db, p, 1);
    log.failAdds = 'abort';
    let behindError: Promise<unknown> | null = null;
    // Queued behind the failing write: added while the batch with id 2 is in flight, before its abort is delivered.
    log.duringFailingAdd = () => (behindError = insert(db, p, 3).catch((e: unknown) => e));
    const firstError = insert(db, p, 2).catch((e: unknown) => e);
    expect(String(await firstError)).toMatch(/aborted/);
    expect(behindError).not.toBeNull();
    expect(await behindError).toBeInstanceOf(JournalUnavailableError);
    expect(p.stats().failed).toBe(true);
    log.failAdds = false;
    await expect(insert(db, p, 4)).rejects.toThrow(/load/);
    await expect(p.checkpoint(() => db.export())).rejects.toThrow(/load/);

    // The owner reloads the collection from storage and carries on.
    const { snapshot, entries } = await p.load();
    expect(snapshot).toBeNull();
    const reloaded = new Db(new SQL.Database());
    for (const e of entries) reloaded.replay(e);
    expect(reloaded.column('SELECT id FROM t ORDER BY id')).toEqual([1]);
    expect(p.stats()).toMatchObject({ failed: false, lastSeq: 2, journalEntries: 2 });
    await insert(reloaded, p, 5);

    const p2 = await Persistence.open({ name, indexedDB, IDBKeyRange });
    opened.push(p2);
    const again = new Db(new SQL.Database());
    for (const e of (await p2.load()).entries) again.replay(e);
    expect(again.column('SELECT id FROM t ORDER BY id')).toEqual([1, 5]);
  });

  it('rejects an append whose add() throws (a full disk), and keeps nothing of it', async () => {
    const { p, db, log, name } = await setup();
    await insert(db, p, 1);
    log.failAdds = 'throw';
    await expect(insert(db, p, 2)).rejects.toThrow('QuotaExceededError');
    expect(p.stats().failed).toBe(true);
    log.failAdds = false;
    const p2 = await Persistence.open({ name, indexedDB, IDBKeyRange });
    opened.push(p2);
    const again = new Db(new SQL.Database());
    for (const e of (await p2.load()).entries) again.replay(e);
    expect(again.column('SELECT id FROM t ORDER BY id')).toEqual([1]);
  });
});

describe('GroupCommit', () => {
  it('writes what was added before its first write started together, then everything queued meanwhile', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gc = new GroupCommit<number>(async (items) => {
      batches.push(items);
      await new Promise<void>((r) => (release = r));
    });
    const acks = [gc.add(1)];
    // The write starts in a later task: what is added before then joins it.
    await Promise.resolve();
    acks.push(gc.add(2));
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(batches).toEqual([[1, 2]]);
    acks.push(gc.add(3), gc.add(4), gc.add(5));
    expect(gc.size).toBe(5);
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all(acks);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
    expect(gc.batches).toBe(2);
    expect(gc.idle).toBe(true);
  });

  it('lets a lazy item wait to share a later write, and starts at once when hurried or joined by an eager one', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number>(async (items) => void batches.push(items));
    const lazy = [gc.add(1, 60), gc.add(2, 60)];
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([]);
    expect(gc.idle).toBe(false);
    await Promise.all(lazy);
    expect(batches).toEqual([[1, 2]]);

    const more = [gc.add(3, 10_000)];
    gc.hurry();
    await Promise.all(more);
    expect(batches).toEqual([[1, 2], [3]]);

    const mixed = [gc.add(4, 10_000), gc.add(5)];
    await Promise.all(mixed);
    expect(batches).toEqual([[1, 2], [3], [4, 5]]);
    expect(gc.idle).toBe(true);
  });

  it('keeps lazy items added during a write waiting for their own time, not for the end of that write', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gc = new GroupCommit<number>(async (items) => {
      batches.push(items);
      await new Promise<void>((r) => (release = r));
    });
    const first = gc.add(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(batches).toEqual([[1]]);
    const lazy = [gc.add(2, 400), gc.add(3, 400)];
    release();
    await first;
    await new Promise((r) => setTimeout(r, 30));
    // The write ended 30 ms ago; the lazy items still wait.
    expect(batches).toEqual([[1]]);
    expect(gc.idle).toBe(false);
    const late = gc.add(4, 400);
    // Their time comes: one write holds them and the one added since.
    await vi.waitFor(() => expect(batches).toEqual([[1], [2, 3, 4]]), { timeout: 5000, interval: 10 });
    release();
    await Promise.all([...lazy, late]);

    // An eager item queued behind a write goes as soon as that write ends, taking the lazy ones along.
    const second = gc.add(5);
    await new Promise((r) => setTimeout(r, 0));
    const behind = [gc.add(6, 10_000), gc.add(7)];
    release();
    await second;
    await new Promise((r) => setTimeout(r, 0));
    expect(batches).toEqual([[1], [2, 3, 4], [5], [6, 7]]);
    release();
    await Promise.all(behind);

    // So does a hurried one.
    const third = gc.add(8);
    await new Promise((r) => setTimeout(r, 0));
    const hurried = gc.add(9, 10_000);
    gc.hurry();
    release();
    await third;
    await new Promise((r) => setTimeout(r, 0));
    expect(batches.at(-1)).toEqual([9]);
    release();
    await hurried;
    expect(gc.idle).toBe(true);
  });
});
