/**
 * The collection's SQLite connection (sql.js), with typed queries and a
 * transaction that records every write statement with its bound values, so
 * the same writes can be journaled and replayed exactly (DESIGN.md,
 * "Persistence"). Nothing here knows about the browser.
 */
import type { BindParams, Database, SqlValue, Statement as SqlStatement } from 'sql.js';

export type SqlParam = SqlValue;
export type Params = readonly SqlParam[];

/** One recorded write: the SQL text and its positional parameters. */
export interface RecordedStatement {
  sql: string;
  params: SqlParam[];
}

const STATEMENT_CACHE_LIMIT = 200;

export class Db {
  private readonly cache = new Map<string, SqlStatement>();
  private recording: RecordedStatement[] | null = null;
  private depth = 0;

  constructor(readonly raw: Database) {
    // The database lives in sql.js's in-memory file system; durability is the
    // journal of recorded statements (storage/), not SQLite's. A rollback
    // journal kept in memory still undoes failed transactions, without
    // creating, growing and deleting a journal file on every commit. No other
    // connection ever opens the file: the lock is kept instead of being taken
    // and the page cache revalidated on every transaction.
    raw.exec('pragma journal_mode = memory; pragma synchronous = off; pragma temp_store = memory; pragma locking_mode = exclusive');
  }

  /** Rows as objects keyed by column name. */
  query<T extends object>(sql: string, params: Params = []): T[] {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as BindParams);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.getAsObject() as T);
      return out;
    } finally {
      stmt.reset();
    }
  }

  /** Rows as arrays of values. */
  rows(sql: string, params: Params = []): SqlValue[][] {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as BindParams);
      const out: SqlValue[][] = [];
      while (stmt.step()) out.push(stmt.get());
      return out;
    } finally {
      stmt.reset();
    }
  }

  /** The first row as an object, if any. */
  get<T extends object>(sql: string, params: Params = []): T | undefined {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as BindParams);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  /** The first column of the first row, if any. */
  scalar(sql: string, params: Params = []): SqlValue | undefined {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as BindParams);
      return stmt.step() ? stmt.get()[0] : undefined;
    } finally {
      stmt.reset();
    }
  }

  /** The first column of every row. */
  column<T extends SqlValue>(sql: string, params: Params = []): T[] {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as BindParams);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.get()[0] as T);
      return out;
    } finally {
      stmt.reset();
    }
  }

  /**
   * Runs one write statement. Only allowed inside transact(), so that every
   * change is recorded for the journal.
   */
  run(sql: string, params: Params = []): void {
    if (!this.recording) throw new Error('Db.run outside a transaction');
    this.execute(sql, params);
    this.recording.push({ sql, params: params.slice() });
  }

  /**
   * Records a write for the journal without running it: the caller keeps its
   * effect elsewhere until it runs it with runUnrecorded (ColRow's deferred
   * write). Replay runs it in its place.
   */
  record(sql: string, params: Params): void {
    if (!this.recording) throw new Error('Db.record outside a transaction');
    this.recording.push({ sql, params: params.slice() });
  }

  /** Runs a write the journal already holds (recorded earlier), outside a transaction. */
  runUnrecorded(sql: string, params: Params): void {
    if (this.recording) throw new Error('Db.runUnrecorded inside a transaction');
    this.execute(sql, params);
  }

  private execute(sql: string, params: Params): void {
    const stmt = this.prepare(sql);
    try {
      stmt.run(params as BindParams);
    } finally {
      stmt.reset();
    }
  }

  /** Rows changed by the last write. */
  changes(): number {
    return this.raw.getRowsModified();
  }

  get inTransaction(): boolean {
    return this.recording !== null;
  }

  /**
   * Runs `fn` in one SQL transaction. On success returns its result and the
   * statements it wrote (empty when it wrote nothing); on a throw rolls back
   * and rethrows. Nested calls join the outer transaction.
   */
  transact<R>(fn: () => R): { result: R; statements: RecordedStatement[] } {
    if (this.recording) {
      this.depth++;
      try {
        return { result: fn(), statements: [] };
      } finally {
        this.depth--;
      }
    }
    const recorded: RecordedStatement[] = [];
    this.recording = recorded;
    this.raw.run('BEGIN');
    try {
      const result = fn();
      this.raw.run('COMMIT');
      return { result, statements: recorded };
    } catch (e) {
      this.raw.run('ROLLBACK');
      throw e;
    } finally {
      this.recording = null;
    }
  }

  /** Replays journaled statements (at start-up), in one transaction. */
  replay(statements: readonly RecordedStatement[]): void {
    this.raw.run('BEGIN');
    try {
      for (const s of statements) {
        const stmt = this.prepare(s.sql);
        try {
          stmt.run(s.params as BindParams);
        } finally {
          stmt.reset();
        }
      }
      this.raw.run('COMMIT');
    } catch (e) {
      this.raw.run('ROLLBACK');
      throw e;
    }
  }

  /** The whole database file. */
  export(): Uint8Array {
    return this.raw.export();
  }

  close(): void {
    for (const s of this.cache.values()) s.free();
    this.cache.clear();
    this.raw.close();
  }

  private prepare(sql: string): SqlStatement {
    let stmt = this.cache.get(sql);
    if (stmt) {
      // Keep recently used statements at the end (LRU order).
      this.cache.delete(sql);
      this.cache.set(sql, stmt);
      return stmt;
    }
    stmt = this.raw.prepare(sql);
    this.cache.set(sql, stmt);
    if (this.cache.size > STATEMENT_CACHE_LIMIT) {
      const [oldSql, old] = this.cache.entries().next().value as [string, SqlStatement];
      this.cache.delete(oldSql);
      old.free();
    }
    return stmt;
  }
}
