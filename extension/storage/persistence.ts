/**
 * Nothing acknowledged is ever lost (DESIGN.md, "Persistence"): the writes of
 * every collection transaction are appended to a journal in IndexedDB before
 * the reply leaves; a checkpoint stores the whole database as a snapshot and
 * truncates the journal in one Dexie transaction; start-up loads the snapshot
 * and replays the journal after it.
 *
 * Contract with the owner of the collection: call append() with the
 * statements of a transaction in the same synchronous block as the
 * transaction itself (Db.transact then append, no await between), and wait
 * for it before replying. Then at any synchronous moment the in-memory
 * database holds exactly the writes of journal seqs 1..lastSeq, which is what
 * lets a checkpoint pair an export with a seq.
 */
import type { RecordedStatement } from '../collection/db.ts';
import { CheckpointPolicy, type CheckpointPolicyOptions, type JournalSize } from './checkpoint-policy.ts';
import { compactBytes, compactStatements } from './compact-bytes.ts';
import { SNAPSHOT_KEY, StorageDb, type JournalRow, type StorageDbOptions } from './database.ts';
import { GroupCommit } from './group-commit.ts';
import { estimateStatementsBytes } from './journal-size.ts';
import { systemScheduler, type Scheduler } from './scheduler.ts';

export type Exporter = () => Uint8Array;

/** The settings row holding journalKey(). */
export const JOURNAL_KEY_SETTING = 'journalKey';

export interface PersistenceOptions extends StorageDbOptions, CheckpointPolicyOptions {
  /** An already constructed database (its other options are then ignored). */
  db?: StorageDb;
  /** Exports the collection, for checkpoints; can also be set later. */
  exporter?: Exporter;
  /** Timers and clock; default the system ones. */
  scheduler?: Scheduler;
  /** Called when a checkpoint started by the policy fails. */
  onCheckpointError?: (error: unknown) => void;
  /** How long a lazy append may wait to share its IndexedDB write with later ones. */
  lazyAppendMs?: number;
}

/** A lazy append's entry has another durable copy meanwhile (the host's journal file). */
export const DEFAULT_LAZY_APPEND_MS = 50;

export interface LoadResult {
  snapshot: Uint8Array | null;
  /** Journal entries after the snapshot, in order: replay each with Db.replay. */
  entries: RecordedStatement[][];
}

export interface CheckpointResult {
  /** False when nothing had changed since the last snapshot. */
  written: boolean;
  seq: number;
  bytes: number;
}

export interface PersistenceStats {
  /** Journal entries after the snapshot (what a load would replay). */
  journalEntries: number;
  /** Estimated size of those entries. */
  journalBytes: number;
  lastSeq: number;
  snapshotSeq: number;
  /** Appends not yet committed. */
  pendingAppends: number;
  /** Dexie transactions that wrote journal batches. */
  journalWrites: number;
  checkpoints: number;
  checkpointRunning: boolean;
  lastCheckpointAt: number | null;
  lastCheckpointMs: number | null;
  lastSnapshotBytes: number | null;
  lastCheckpointError: string | null;
  /** A journal write failed: appends are refused until load(). */
  failed: boolean;
}

/** The state a snapshot is taken from: bytes that include exactly seqs 1..seq. */
interface Capture {
  bytes: Uint8Array;
  seq: number;
  /** Settles when every entry up to seq has been committed (rejects if one failed). */
  committed: Promise<void>;
  /** The cumulative append counters at capture time. */
  appended: { entries: number; bytes: number };
  startedAt: number;
  force: boolean;
}

export class Persistence {
  private readonly commits: GroupCommit<JournalRow>;
  private readonly policy: CheckpointPolicy;
  private readonly scheduler: Scheduler;
  private exporter: Exporter | null;
  private loaded = false;
  private closed = false;
  private lastSeq = 0;
  /** The highest seq committed in IndexedDB. */
  private committed = 0;
  /** Told the highest committed seq after each journal write. */
  onCommitted: ((seq: number) => void) | null = null;
  private snapshotSeq = 0;
  private hasSnapshot = false;
  /** Entries and estimated bytes appended since load (cumulative)... */
  private appended = { entries: 0, bytes: 0 };
  /** ...and how much of that the stored snapshot includes. */
  private checkpointed = { entries: 0, bytes: 0 };
  /** The promise of the latest append (all earlier ones settle before it). */
  private tail: Promise<void> = Promise.resolve();
  private checkpointChain: Promise<unknown> = Promise.resolve();
  private checkpointsQueued = 0;
  private checkpoints = 0;
  private lastCheckpointAt: number | null = null;
  private lastCheckpointMs: number | null = null;
  private lastSnapshotBytes: number | null = null;
  private lastCheckpointError: string | null = null;

  private constructor(
    readonly db: StorageDb,
    private readonly options: PersistenceOptions,
  ) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.exporter = options.exporter ?? null;
    this.commits = new GroupCommit((rows) => this.writeBatch(rows));
    this.policy = new CheckpointPolicy(options, this.scheduler, () => this.autoCheckpoint());
  }

  static async open(options: PersistenceOptions = {}): Promise<Persistence> {
    const db = options.db ?? new StorageDb(options);
    await db.open();
    return new Persistence(db, options);
  }

  /**
   * Reads the snapshot and the journal entries after it. Must run before
   * append/checkpoint, and again after a failed append (the in-memory
   * collection is then rebuilt from what it returns).
   */
  async load(): Promise<LoadResult> {
    this.assertOpen();
    if (!this.commits.idle || this.checkpointsQueued > 0) {
      throw new Error('Persistence.load while writes are in progress');
    }
    const db = this.db;
    const { snapshot, rows, lastKey } = await db.transaction('r', db.snapshots, db.journal, async () => {
      const snapshot = await db.snapshots.get(SNAPSHOT_KEY);
      const after = snapshot?.seq ?? 0;
      // Entries at or below the snapshot's seq are already in it.
      const rows = await db.journal.where('seq').above(after).toArray();
      const lastKey = await db.journal.orderBy('seq').lastKey();
      return { snapshot, rows, lastKey };
    });
    this.hasSnapshot = snapshot !== undefined;
    this.snapshotSeq = snapshot?.seq ?? 0;
    this.lastSeq = Math.max(this.snapshotSeq, typeof lastKey === 'number' ? lastKey : 0);
    this.committed = this.lastSeq;
    this.appended = {
      entries: rows.length,
      bytes: rows.reduce((sum, r) => sum + estimateStatementsBytes(r.statements), 0),
    };
    this.checkpointed = { entries: 0, bytes: 0 };
    this.tail = Promise.resolve();
    this.commits.reset();
    this.loaded = true;
    this.review();
    return { snapshot: snapshot?.bytes ?? null, entries: rows.map((r) => r.statements) };
  }

  /**
   * Journals the statements of one transaction. Resolves once they are
   * committed in IndexedDB; rejects if the write failed (the in-memory
   * collection is then ahead of storage: reload it).
   */
  append(statements: readonly RecordedStatement[], options: { lazy?: boolean } = {}): Promise<void> {
    if (statements.length === 0) return Promise.resolve();
    try {
      this.assertReady();
    } catch (e) {
      return Promise.reject(e);
    }
    const row: JournalRow = { seq: ++this.lastSeq, statements: compactStatements(statements), at: this.scheduler.now() };
    const done = this.commits.add(row, options.lazy ? (this.options.lazyAppendMs ?? DEFAULT_LAZY_APPEND_MS) : 0);
    this.tail = done;
    this.appended = {
      entries: this.appended.entries + 1,
      bytes: this.appended.bytes + estimateStatementsBytes(row.statements),
    };
    this.review();
    return done;
  }

  setExporter(exporter: Exporter | null): void {
    this.exporter = exporter;
    if (this.loaded) this.review();
  }

  /**
   * Stores exportFn() (or the configured exporter) as the snapshot and drops
   * the journal entries it includes, in one Dexie transaction. The export is
   * taken synchronously with the last seq, and written only once every entry
   * up to that seq is committed. Checkpoints run one at a time.
   */
  checkpoint(exportFn?: Exporter): Promise<CheckpointResult> {
    return this.enqueue(() => {
      const fn = exportFn ?? this.exporter;
      if (!fn) throw new Error('Persistence.checkpoint: no exporter');
      return this.capture(fn(), false);
    });
  }

  /** Forces a checkpoint now with the configured exporter. */
  flush(): Promise<CheckpointResult> {
    this.policy.cancel();
    return this.checkpoint();
  }

  /**
   * Stores bytes as the snapshot, e.g. the first save of a freshly created
   * collection. The bytes must be the collection as it is now, with every
   * appended write in it.
   */
  saveSnapshot(bytes: Uint8Array): Promise<CheckpointResult> {
    let captured: Capture;
    try {
      captured = this.capture(bytes, true);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.enqueue(() => captured);
  }

  stats(): PersistenceStats {
    return {
      journalEntries: this.journalSize().entries,
      journalBytes: this.journalSize().bytes,
      lastSeq: this.lastSeq,
      snapshotSeq: this.snapshotSeq,
      pendingAppends: this.commits.size,
      journalWrites: this.commits.batches,
      checkpoints: this.checkpoints,
      checkpointRunning: this.checkpointsQueued > 0,
      lastCheckpointAt: this.lastCheckpointAt,
      lastCheckpointMs: this.lastCheckpointMs,
      lastSnapshotBytes: this.lastSnapshotBytes,
      lastCheckpointError: this.lastCheckpointError,
      failed: this.commits.failed,
    };
  }

  /** Stops the timers, lets pending writes finish, and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.policy.close();
    this.commits.hurry();
    await this.tail.catch(() => undefined);
    await this.checkpointChain;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Persistence is closed');
  }

  private assertReady(): void {
    this.assertOpen();
    if (!this.loaded) throw new Error('Persistence.load() must run first');
    if (this.commits.failed) throw new Error('Persistence: a journal write failed; load() again');
  }

  /** Synchronous: pairs the bytes with the state of the journal right now. */
  private capture(bytes: Uint8Array, force: boolean): Capture {
    this.assertReady();
    this.commits.hurry();
    return {
      bytes: compactBytes(bytes),
      seq: this.lastSeq,
      committed: this.tail,
      appended: this.appended,
      startedAt: this.scheduler.now(),
      force,
    };
  }

  private enqueue(take: () => Capture): Promise<CheckpointResult> {
    this.checkpointsQueued++;
    this.policy.cancel();
    const run = this.checkpointChain.then(() => this.writeSnapshot(take()));
    const settled = run.then(
      () => this.checkpointEnded(true),
      (e: unknown) => this.checkpointEnded(false, e),
    );
    this.checkpointChain = settled;
    return run;
  }

  private checkpointEnded(ok: boolean, error?: unknown): void {
    this.checkpointsQueued--;
    this.lastCheckpointError = ok ? null : String(error);
    this.policy.noteResult(ok);
    this.review();
  }

  private async writeSnapshot(c: Capture): Promise<CheckpointResult> {
    await c.committed;
    if (!c.force && this.hasSnapshot && c.seq === this.snapshotSeq) {
      return { written: false, seq: c.seq, bytes: 0 };
    }
    if (this.hasSnapshot && c.seq < this.snapshotSeq) {
      // A later snapshot is already stored; this one would go back in time.
      return { written: false, seq: c.seq, bytes: 0 };
    }
    const db = this.db;
    const savedAt = this.scheduler.now();
    await db.transaction('rw', db.snapshots, db.journal, async () => {
      await db.snapshots.put({ key: SNAPSHOT_KEY, bytes: c.bytes, seq: c.seq, savedAt });
      await db.journal.where('seq').belowOrEqual(c.seq).delete();
    });
    this.hasSnapshot = true;
    this.snapshotSeq = c.seq;
    this.checkpointed = c.appended;
    this.checkpoints++;
    this.lastCheckpointAt = savedAt;
    this.lastCheckpointMs = this.scheduler.now() - c.startedAt;
    this.lastSnapshotBytes = c.bytes.byteLength;
    return { written: true, seq: c.seq, bytes: c.bytes.byteLength };
  }

  private async writeBatch(rows: JournalRow[]): Promise<void> {
    await this.db.addJournalRows(rows);
    this.committed = rows.at(-1)!.seq;
    this.onCommitted?.(this.committed);
  }

  /** Starts writing lazy appends now (a reply waits for them). */
  hurry(): void {
    this.commits.hurry();
  }

  /** A journal write failed: appends are refused until load(). */
  get failed(): boolean {
    return this.commits.failed;
  }

  /** The seq of the last append (0 before any). */
  get appendedSeq(): number {
    return this.lastSeq;
  }

  /** The highest seq committed in IndexedDB: every append up to it is durable there. */
  get committedSeq(): number {
    return this.committed;
  }

  /**
   * This storage's name for the host's copy of its journal: random, made on
   * first use and kept, so another browser profile (or this one after its
   * storage was cleared) never reads entries that are not its own.
   */
  async journalKey(): Promise<string> {
    const row = await this.db.settings.get(JOURNAL_KEY_SETTING);
    if (typeof row?.value === 'string') return row.value;
    const key = crypto.randomUUID();
    await this.db.settings.put({ key: JOURNAL_KEY_SETTING, value: key });
    return key;
  }

  private review(): void {
    if (this.closed || !this.loaded || this.commits.failed || !this.exporter) {
      this.policy.cancel();
      return;
    }
    this.policy.review(this.journalSize(), this.checkpointsQueued > 0);
  }

  /** The journal entries after the snapshot, and their estimated bytes. */
  private journalSize(): JournalSize {
    return {
      entries: this.appended.entries - this.checkpointed.entries,
      bytes: this.appended.bytes - this.checkpointed.bytes,
    };
  }

  private autoCheckpoint(): void {
    if (this.closed || !this.exporter) return;
    this.checkpoint().catch((error: unknown) => {
      this.options.onCheckpointError?.(error);
    });
  }
}
