import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Db, type RecordedStatement } from '../../../extension/collection/db.ts';
import { SNAPSHOT_KEY } from '../../../extension/storage/database.ts';
import { Persistence, type PersistenceOptions } from '../../../extension/storage/persistence.ts';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const opened: Persistence[] = [];
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
});

function uniqueName(): string {
  return `acb-test-${crypto.randomUUID()}`;
}

async function open(name: string, options: PersistenceOptions = {}): Promise<Persistence> {
  const p = await Persistence.open({ name, indexedDB, IDBKeyRange, ...options });
  opened.push(p);
  return p;
}

/** Runs fn in a transaction and journals its writes, as the service worker does. */
function write(db: Db, p: Persistence, fn: () => void): Promise<void> {
  const { statements } = db.transact(fn);
  return p.append(statements);
}

/** What start-up does: the snapshot (or an empty database), then the journal. */
async function restore(name: string): Promise<{ db: Db; p: Persistence; entries: RecordedStatement[][] }> {
  const p = await open(name);
  const { snapshot, entries } = await p.load();
  const db = new Db(snapshot ? new SQL.Database(snapshot) : new SQL.Database());
  for (const e of entries) db.replay(e);
  return { db, p, entries };
}

const CREATE = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, txt TEXT, num REAL, data BLOB)';
const INSERT = 'INSERT INTO notes (id, txt, num, data) VALUES (?, ?, ?, ?)';
const ALL = 'SELECT id, txt, num, data, typeof(num) AS t FROM notes ORDER BY id';

describe('Persistence: crash and replay', () => {
  it('reproduces every acknowledged write from the journal alone', async () => {
    const name = uniqueName();
    const p = await open(name);
    expect(await p.load()).toEqual({ snapshot: null, entries: [] });
    const db = new Db(new SQL.Database());
    await write(db, p, () => db.run(CREATE));
    for (let i = 1; i <= 5; i++) {
      await write(db, p, () => {
        db.run(INSERT, [i, `note ${i}`, i * 1.5, new Uint8Array([i, 0, 255])]);
        db.run('UPDATE notes SET num = num * 2 WHERE id < ?', [i]);
      });
    }
    // Crash: no checkpoint, no close; a new instance opens the same database.
    const restored = await restore(name);
    expect(restored.entries).toHaveLength(6);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));
    expect(restored.db.export()).toEqual(db.export());
  });

  it('replays in append order (non-commutative updates)', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    const acks: Promise<void>[] = [];
    acks.push(write(db, p, () => db.run('CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)')));
    acks.push(write(db, p, () => db.run("INSERT INTO c VALUES (1, 1, '')")));
    // Not awaited one by one: all are queued, some batched together.
    for (let i = 0; i < 50; i++) {
      acks.push(write(db, p, () => db.run('UPDATE c SET n = n * 3 + ?, s = s || ? WHERE id = 1', [i % 7, String(i % 10)])));
    }
    await Promise.all(acks);
    const restored = await restore(name);
    expect(restored.db.rows('SELECT * FROM c')).toEqual(db.rows('SELECT * FROM c'));
    expect(restored.db.scalar('SELECT s FROM c')).toBe(db.scalar('SELECT s FROM c'));
  });

  it('keeps values exactly: floats, negatives, empty strings, null, blobs, big integers', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const pooled = Buffer.from('a view into a pooled buffer'); // byteOffset ≠ 0, shared ArrayBuffer
    const values: [number, string | null, number | null, Uint8Array | null][] = [
      [1, 'plain', 1.5, new Uint8Array([1, 2, 3])],
      [2, '', -42, new Uint8Array(0)],
      [3, null, null, null],
      [4, 'ünïcödé 字 🎴', -0.000123, big],
      [5, 'x'.repeat(10_000), 1700000000123, new Uint8Array(pooled.buffer, pooled.byteOffset, pooled.byteLength)],
      [-6, "quote ' and \" and \\", Number.MAX_SAFE_INTEGER, null],
    ];
    await write(db, p, () => db.run(CREATE));
    for (const v of values) await write(db, p, () => db.run(INSERT, v));

    const restored = await restore(name);
    const rows = restored.db.rows(ALL);
    expect(rows).toEqual(db.rows(ALL));
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      [...values].sort((a, b) => a[0] - b[0]).map(([id, txt, num, data]) => [id, txt, num, data]),
    );
    expect(restored.db.scalar('SELECT typeof(num) FROM notes WHERE id = 1')).toBe('real');
    expect(restored.db.scalar('SELECT typeof(id) FROM notes WHERE id = -6')).toBe('integer');
    expect(restored.db.scalar('SELECT typeof(txt) FROM notes WHERE id = 3')).toBe('null');
    expect(restored.db.scalar('SELECT length(data) FROM notes WHERE id = 2')).toBe(0);

    // The journal stored the blob view compactly, not the whole pooled buffer.
    const stored = await restored.p.db.journal.toArray();
    const viewParam = stored.flatMap((r) => r.statements.flatMap((s) => s.params)).find(
      (v) => v instanceof Uint8Array && v.byteLength === pooled.byteLength,
    ) as Uint8Array;
    expect(viewParam.buffer.byteLength).toBe(pooled.byteLength);
  });

  it('ignores empty statement lists without writing', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    await p.append([]);
    expect(p.stats()).toMatchObject({ lastSeq: 0, journalEntries: 0, journalWrites: 0 });
    expect(await p.db.journal.count()).toBe(0);
  });
});

describe('Persistence: snapshots and checkpoints', () => {
  it('saves the first snapshot of a fresh collection and replays what follows', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    db.raw.run(CREATE); // schema made outside the journal, as when a collection is created
    expect(await p.saveSnapshot(db.export())).toEqual({ written: true, seq: 0, bytes: expect.any(Number) });
    await write(db, p, () => db.run(INSERT, [1, 'after', 2.5, null]));

    const restored = await restore(name);
    expect(restored.entries).toHaveLength(1);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));
  });

  it('truncates the journal, and later loads still reproduce the data', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    await write(db, p, () => db.run(CREATE));
    for (let i = 1; i <= 10; i++) await write(db, p, () => db.run(INSERT, [i, `n${i}`, -i / 4, null]));
    expect(p.stats()).toMatchObject({ journalEntries: 11, lastSeq: 11, snapshotSeq: 0 });

    const result = await p.checkpoint(() => db.export());
    expect(result).toMatchObject({ written: true, seq: 11 });
    expect(await p.db.journal.count()).toBe(0);
    expect(p.stats()).toMatchObject({ journalEntries: 0, journalBytes: 0, snapshotSeq: 11, checkpoints: 1 });
    expect(p.stats().lastCheckpointAt).not.toBeNull();

    // Nothing changed since: a second checkpoint writes nothing.
    expect(await p.checkpoint(() => db.export())).toMatchObject({ written: false, seq: 11 });

    for (let i = 11; i <= 13; i++) await write(db, p, () => db.run(INSERT, [i, `n${i}`, i, null]));
    await write(db, p, () => db.run('DELETE FROM notes WHERE id = ?', [3]));

    const restored = await restore(name);
    expect(restored.entries).toHaveLength(4);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));
    expect(restored.db.export()).toEqual(db.export());

    // Seqs continue after the snapshot, so the restored instance keeps journaling correctly.
    await write(restored.db, restored.p, () => restored.db.run(INSERT, [99, 'after restart', 0.5, null]));
    expect(restored.p.stats().lastSeq).toBe(16);
    const again = await restore(name);
    expect(again.db.rows(ALL)).toEqual(restored.db.rows(ALL));
  });

  it('skips journal entries at or below the snapshot seq', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    await write(db, p, () => db.run(CREATE));
    await write(db, p, () => db.run(INSERT, [1, 'one', 1, null]));
    await p.checkpoint(() => db.export());
    await write(db, p, () => db.run(INSERT, [2, 'two', 2, null]));

    // Leftovers that a checkpoint would have deleted: replaying them would
    // fail (duplicate id) or double-apply.
    await p.db.journal.bulkAdd([
      { seq: 1, statements: [{ sql: INSERT, params: [1, 'one', 1, null] }], at: 0 },
      { seq: 2, statements: [{ sql: 'UPDATE notes SET num = num + 100', params: [] }], at: 0 },
    ]);
    const restored = await restore(name);
    expect(restored.entries).toEqual([[{ sql: INSERT, params: [2, 'two', 2, null] }]]);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));
    expect(restored.p.stats()).toMatchObject({ lastSeq: 3, snapshotSeq: 2, journalEntries: 1 });
  });

  it('puts the snapshot and truncates the journal atomically', async () => {
    const name = uniqueName();
    let failJournalDelete = false;
    const p = await open(name, {
      addons: [
        (dexie) =>
          dexie.use({
            stack: 'dbcore',
            name: 'fail-journal-delete',
            create: (down) => ({
              ...down,
              table: (tableName) => {
                const table = down.table(tableName);
                return {
                  ...table,
                  mutate: (req) =>
                    failJournalDelete && tableName === 'journal' && req.type !== 'add'
                      ? Promise.reject(new Error('disk full'))
                      : table.mutate(req),
                };
              },
            }),
          }),
      ],
    });
    await p.load();
    const db = new Db(new SQL.Database());
    await write(db, p, () => db.run(CREATE));
    await write(db, p, () => db.run(INSERT, [1, 'one', 1, null]));
    await p.checkpoint(() => db.export());
    const before = await p.db.snapshots.get(SNAPSHOT_KEY);
    await write(db, p, () => db.run(INSERT, [2, 'two', 2, null]));

    failJournalDelete = true;
    await expect(p.checkpoint(() => db.export())).rejects.toThrow();
    failJournalDelete = false;
    expect(p.stats().lastCheckpointError).toMatch(/disk full/);

    // The snapshot put was rolled back with the failed delete.
    const after = await p.db.snapshots.get(SNAPSHOT_KEY);
    expect(after?.seq).toBe(before?.seq);
    expect(after?.bytes).toEqual(before?.bytes);
    const restored = await restore(name);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));

    // A retry succeeds.
    expect(await p.checkpoint(() => db.export())).toMatchObject({ written: true, seq: 3 });
  });

  it('pairs the export with the last seq even while appends are in flight', async () => {
    const name = uniqueName();
    const p = await open(name);
    await p.load();
    const db = new Db(new SQL.Database());
    await write(db, p, () => db.run(CREATE));
    const acks: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) acks.push(write(db, p, () => db.run(INSERT, [i, `n${i}`, i, null])));
    let atExport = { lastSeq: -1, pendingAppends: -1 };
    const done = p.checkpoint(() => {
      atExport = p.stats();
      return db.export();
    });
    await Promise.resolve(); // the export runs on a microtask, before any append commits
    expect(atExport).toMatchObject({ lastSeq: 21 });
    expect(atExport.pendingAppends).toBeGreaterThan(0);
    for (let i = 21; i <= 40; i++) acks.push(write(db, p, () => db.run(INSERT, [i, `n${i}`, i, null])));
    const result = await done;
    expect(result).toMatchObject({ written: true, seq: 21 });
    await Promise.all(acks);
    for (let i = 41; i <= 45; i++) acks.push(write(db, p, () => db.run(INSERT, [i, `n${i}`, i, null])));
    await Promise.all(acks);

    const restored = await restore(name);
    expect(restored.entries).toHaveLength(45 + 1 - result.seq);
    expect(restored.db.rows(ALL)).toEqual(db.rows(ALL));
  });

  it('refuses to append before load or after close', async () => {
    const name = uniqueName();
    const p = await Persistence.open({ name, indexedDB, IDBKeyRange });
    await expect(p.append([{ sql: 'SELECT 1', params: [] }])).rejects.toThrow(/load/);
    await p.load();
    await p.close();
    await expect(p.append([{ sql: 'SELECT 1', params: [] }])).rejects.toThrow(/closed/);
  });
});
