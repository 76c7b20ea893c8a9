import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../../extension/collection/db.ts';
import { CheckpointPolicy } from '../../../extension/storage/checkpoint-policy.ts';
import { estimateStatementsBytes } from '../../../extension/storage/journal-size.ts';
import { Persistence, type PersistenceOptions } from '../../../extension/storage/persistence.ts';
import type { Scheduler } from '../../../extension/storage/scheduler.ts';

/** Timers that fire only when the test advances the clock. */
class ManualScheduler implements Scheduler {
  time = 1_700_000_000_000;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves the clock and runs the timers that fall due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = until;
  }
}

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const opened: Persistence[] = [];
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
});

async function setup(options: PersistenceOptions = {}) {
  const scheduler = new ManualScheduler();
  const db = new Db(new SQL.Database());
  const name = `acb-test-${crypto.randomUUID()}`;
  const p = await Persistence.open({ name, indexedDB, IDBKeyRange, scheduler, exporter: () => db.export(), ...options });
  opened.push(p);
  await p.load();
  const write = (sql: string, params: (string | number | null | Uint8Array)[] = []) =>
    p.append(db.transact(() => db.run(sql, params)).statements);
  await write('CREATE TABLE t (id INTEGER PRIMARY KEY, v)');
  return { p, db, scheduler, write, name };
}

/** Lets a checkpoint started by a timer run to its end. */
async function settle(p: Persistence): Promise<void> {
  for (let i = 0; i < 50 && p.stats().checkpointRunning; i++) await new Promise((r) => setTimeout(r, 1));
  expect(p.stats().checkpointRunning).toBe(false);
}

describe('checkpoint policy', () => {
  it('checkpoints after idleMs without appends, not before', async () => {
    const { p, scheduler, write } = await setup({ idleMs: 5000 });
    await write('INSERT INTO t VALUES (1, ?)', ['a']);
    scheduler.advance(4000);
    await write('INSERT INTO t VALUES (2, ?)', ['b']); // restarts the idle period
    scheduler.advance(4000);
    expect(p.stats().checkpoints).toBe(0);
    scheduler.advance(1000);
    await settle(p);
    expect(p.stats()).toMatchObject({ checkpoints: 1, journalEntries: 0, snapshotSeq: 3 });
    expect(await p.db.journal.count()).toBe(0);
    // Nothing left to do: no timer until the next append.
    expect(scheduler.pending).toBe(0);
  });

  it('checkpoints soon when the journal holds more than maxJournalEntries', async () => {
    const { p, scheduler, write } = await setup({ maxJournalEntries: 10, idleMs: 60_000 });
    for (let i = 1; i <= 9; i++) await write('INSERT INTO t VALUES (?, ?)', [i, 'x']);
    scheduler.advance(0);
    expect(p.stats().checkpoints).toBe(0); // 10 entries: not more than the limit
    await write('INSERT INTO t VALUES (?, ?)', [10, 'x']);
    scheduler.advance(0);
    await settle(p);
    expect(p.stats()).toMatchObject({ checkpoints: 1, journalEntries: 0, snapshotSeq: 11 });
  });

  it('checkpoints soon when the journal exceeds maxJournalBytes', async () => {
    const { p, scheduler, write, db, name } = await setup({ maxJournalBytes: 50_000, idleMs: 60_000 });
    await write('INSERT INTO t VALUES (?, ?)', [1, new Uint8Array(30_000)]);
    scheduler.advance(0);
    expect(p.stats().checkpoints).toBe(0);
    expect(p.stats().journalBytes).toBeGreaterThan(30_000);
    await write('INSERT INTO t VALUES (?, ?)', [2, 'y'.repeat(30_000)]);
    scheduler.advance(0);
    await settle(p);
    expect(p.stats()).toMatchObject({ checkpoints: 1, journalEntries: 0, journalBytes: 0 });
    expect(p.stats().lastSnapshotBytes).toBeGreaterThan(60_000);

    const p2 = await Persistence.open({ name, indexedDB, IDBKeyRange });
    opened.push(p2);
    const { snapshot, entries } = await p2.load();
    expect(entries).toEqual([]);
    const restored = new Db(new SQL.Database(snapshot!));
    expect(restored.rows('SELECT * FROM t')).toEqual(db.rows('SELECT * FROM t'));
  });

  it('does nothing without an exporter until one is set', async () => {
    const { p, scheduler, db, write } = await setup({ exporter: undefined, idleMs: 100 });
    await write('INSERT INTO t VALUES (1, 1)');
    scheduler.advance(1000);
    expect(p.stats().checkpoints).toBe(0);
    p.setExporter(() => db.export());
    scheduler.advance(100);
    await settle(p);
    expect(p.stats().checkpoints).toBe(1);
  });

  it('flush() checkpoints now; close() stops the timers', async () => {
    const { p, scheduler, write } = await setup({ idleMs: 100 });
    await write('INSERT INTO t VALUES (1, 1)');
    expect(scheduler.pending).toBe(1);
    const result = await p.flush();
    expect(result).toMatchObject({ written: true, seq: 2 });
    expect(p.stats().lastCheckpointMs).toBe(0); // the manual clock did not move
    await write('INSERT INTO t VALUES (2, 2)');
    expect(scheduler.pending).toBe(1);
    await p.close();
    expect(scheduler.pending).toBe(0);
  });

  it('retries a failed checkpoint only after the idle period', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const scheduler = new ManualScheduler();
    const db = new Db(new SQL.Database());
    const p = await Persistence.open({
      name: `acb-test-${crypto.randomUUID()}`,
      indexedDB,
      IDBKeyRange,
      scheduler,
      maxJournalEntries: 1,
      idleMs: 1000,
      exporter: () => {
        if (fail) throw new Error('export failed');
        return db.export();
      },
      onCheckpointError: (e) => errors.push(e),
    });
    opened.push(p);
    await p.load();
    const write = (sql: string) => p.append(db.transact(() => db.run(sql)).statements);
    await write('CREATE TABLE t (id)');
    await write('INSERT INTO t VALUES (1)');
    scheduler.advance(0);
    await settle(p);
    expect(errors).toHaveLength(1);
    expect(p.stats().lastCheckpointError).toMatch(/export failed/);
    await write('INSERT INTO t VALUES (2)');
    scheduler.advance(0);
    expect(errors).toHaveLength(1); // no tight retry loop
    fail = false;
    scheduler.advance(1000);
    await settle(p);
    expect(p.stats()).toMatchObject({ checkpoints: 1, journalEntries: 0, lastCheckpointError: null });
  });
});

describe('CheckpointPolicy', () => {
  it('moves the idle deadline on each append without setting a timer per append', () => {
    const scheduler = new ManualScheduler();
    let fired = 0;
    let timersSet = 0;
    const setTimeout = scheduler.setTimeout.bind(scheduler);
    scheduler.setTimeout = (fn, ms) => (timersSet++, setTimeout(fn, ms));
    const policy = new CheckpointPolicy({ idleMs: 500 }, scheduler, () => fired++);
    for (let i = 1; i <= 100; i++) {
      policy.review({ entries: i, bytes: 10 }, false);
      scheduler.advance(10);
    }
    // 1,000 ms since the first append, 10 since the last: not idle yet.
    expect(fired).toBe(0);
    scheduler.advance(489);
    expect(fired).toBe(0);
    scheduler.advance(1);
    expect(fired).toBe(1);
    // Set once, then again each time it fired before the deadline (once per idle period at most), not per append.
    expect(timersSet).toBe(4);
    expect(scheduler.pending).toBe(0);
  });

  it('keeps one timer and prefers "soon" once the journal is large', () => {
    const scheduler = new ManualScheduler();
    let fired = 0;
    const policy = new CheckpointPolicy({ maxJournalEntries: 2, idleMs: 500 }, scheduler, () => fired++);
    policy.review({ entries: 1, bytes: 10 }, false);
    policy.review({ entries: 2, bytes: 10 }, false);
    expect(scheduler.pending).toBe(1);
    policy.review({ entries: 3, bytes: 10 }, false);
    expect(scheduler.pending).toBe(1);
    scheduler.advance(0);
    expect(fired).toBe(1);
    policy.review({ entries: 3, bytes: 10 }, true); // a checkpoint is running: wait for it
    expect(scheduler.pending).toBe(0);
    policy.review({ entries: 0, bytes: 0 }, false);
    expect(scheduler.pending).toBe(0);
  });

  it('estimates bytes from SQL text, strings, numbers and blobs', () => {
    const sql = 'INSERT INTO t VALUES (?, ?, ?, ?)';
    expect(estimateStatementsBytes([{ sql, params: ['abc', 1.5, null, new Uint8Array(100)] }])).toBe(
      sql.length + 3 + 8 + 0 + 100,
    );
  });
});
