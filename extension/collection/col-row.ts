/**
 * The single `col` row: its JSON columns parsed once and kept in memory,
 * written back (with `mod`) when a transaction changes them. A transaction
 * that throws drops the cache, so memory never disagrees with the database.
 *
 * The row holds every note type's JSON (schema 11), so rewriting it costs
 * SQLite far more than the note an `addNote` inserts, while all that changes
 * then is `conf` (nextPos) and `mod`. Such a write is deferred: it is recorded
 * for the journal as usual, so replay rebuilds exactly the same row, but not
 * run on the in-memory database, where the cache holds the values meanwhile.
 * It runs (unrecorded: the journal has it already) when the row is next
 * written anyway, before the database is exported, and after a rollback.
 */
import type { Db } from './db.ts';
import { parseJson, toJson } from './json.ts';
import type { DeckConfigJson, DeckJson } from './decks/types.ts';
import type { NotetypeJson } from './notetypes/types.ts';

export type ColJsonColumn = 'conf' | 'models' | 'decks' | 'dconf' | 'tags';

export interface ColJson {
  conf: Record<string, unknown>;
  models: Record<string, NotetypeJson>;
  decks: Record<string, DeckJson>;
  dconf: Record<string, DeckConfigJson>;
  tags: Record<string, number>;
}

export interface ColScalars {
  crt: number;
  mod: number;
  scm: number;
  ver: number;
  usn: number;
  ls: number;
}

/** Columns whose writes may be deferred: the ones an ordinary note or card change touches. */
const DEFERRABLE: ReadonlySet<ColJsonColumn> = new Set(['conf']);

/** A write of the row recorded in the journal and not yet run on the database. */
interface Deferred {
  conf: string | null;
  mod: number;
}

export class ColRow {
  private cache: Partial<ColJson> = {};
  private scalarCache: ColScalars | null = null;
  private readonly dirty = new Set<ColJsonColumn>();
  private dirtyMod = 0;
  /** Committed, recorded, not yet on the database. */
  private deferred: Deferred | null = null;
  /** What the transaction in progress defers (committed() makes it `deferred`). */
  private deferring: Deferred | null = null;
  /** The transaction in progress wrote the row, deferred values included. */
  private wroteDeferred = false;

  constructor(private readonly db: Db) {}

  get<K extends ColJsonColumn>(column: K): ColJson[K] {
    let value = this.cache[column];
    if (value === undefined) {
      const text = this.db.scalar(`select ${column} from col`) as string;
      value = parseJson<ColJson[K]>(text || '{}');
      this.cache[column] = value;
    }
    return value as ColJson[K];
  }

  scalars(): ColScalars {
    if (!this.scalarCache) {
      const row = this.db.get<ColScalars>('select crt, mod, scm, ver, usn, ls from col');
      if (!row) throw new Error('collection has no col row');
      this.scalarCache = row;
    }
    return this.scalarCache;
  }

  /**
   * Marks a JSON column (already changed in place or replaced) for writing,
   * with col.mod. The write happens once, when the transaction's work is done
   * (flush), however many times a transaction saves: a 10,000-note addNotes
   * writes `conf` once, not 10,000 times.
   */
  save<K extends ColJsonColumn>(column: K, value: ColJson[K], nowMs: number): void {
    if (!this.db.inTransaction) throw new Error('ColRow.save outside a transaction');
    this.cache[column] = value;
    this.dirty.add(column);
    this.dirtyMod = Math.max(this.dirtyMod, nowMs);
  }

  /**
   * Writes the columns saved since the last flush (called by Collection.transact
   * at the end of the outermost transaction). A write of `conf` and `mod`
   * alone is recorded and deferred; any other write also carries what is
   * deferred.
   */
  flush(): void {
    if (this.dirty.size === 0 && this.dirtyMod === 0) return;
    const mod = this.dirtyMod;
    if ([...this.dirty].every((c) => DEFERRABLE.has(c))) {
      const conf = this.dirty.has('conf') ? toJson(this.cache.conf) : null;
      const write = this.writeOf(conf, mod);
      this.db.record(write.sql, write.params);
      this.deferring = { conf: conf ?? this.deferred?.conf ?? null, mod };
    } else {
      const columns = [...this.dirty];
      if (this.deferred?.conf != null && !this.dirty.has('conf')) columns.push('conf');
      const sets = columns.map((c) => `${c} = ?`);
      const values = columns.map((c) => (c === 'conf' && !this.dirty.has('conf') ? this.deferred!.conf : toJson(this.cache[c])));
      this.db.run(`update col set ${[...sets, 'mod = ?'].join(', ')}`, [...values, mod]);
      this.wroteDeferred = true;
    }
    this.scalars().mod = mod;
    this.dirty.clear();
    this.dirtyMod = 0;
  }

  /** The transaction in progress committed. */
  committed(): void {
    if (this.wroteDeferred) this.deferred = null;
    if (this.deferring) this.deferred = this.deferring;
    this.deferring = null;
    this.wroteDeferred = false;
  }

  /** The transaction in progress rolled back: the cache is dropped, and what was deferred before it is written. */
  rolledBack(): void {
    this.wroteDeferred = false;
    this.invalidate();
  }

  /**
   * Runs the deferred write on the database, unrecorded (the journal holds it
   * already). Outside a transaction only: before an export, after a rollback.
   */
  writeDeferred(): void {
    const d = this.deferred;
    if (!d) return;
    if (this.db.inTransaction) throw new Error('ColRow.writeDeferred inside a transaction');
    const write = this.writeOf(d.conf, d.mod);
    this.db.runUnrecorded(write.sql, write.params);
    this.deferred = null;
  }

  private writeOf(conf: string | null, mod: number): { sql: string; params: (string | number)[] } {
    return conf === null ? { sql: 'update col set mod = ?', params: [mod] } : { sql: 'update col set conf = ?, mod = ?', params: [conf, mod] };
  }

  /** Bumps col.mod alone (a change to notes or cards), written at flush. */
  touch(nowMs: number): void {
    if (!this.db.inTransaction) throw new Error('ColRow.touch outside a transaction');
    this.dirtyMod = Math.max(this.dirtyMod, nowMs);
  }

  /**
   * Forgets everything cached (after a rollback or a reload), outside a
   * transaction; a deferred write is run first, so that what is read next is
   * what was committed.
   */
  invalidate(): void {
    this.deferring = null;
    this.writeDeferred();
    this.cache = {};
    this.scalarCache = null;
    this.dirty.clear();
    this.dirtyMod = 0;
  }
}
