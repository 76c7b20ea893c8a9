/**
 * The single `col` row: its JSON columns parsed once and kept in memory,
 * written back (with `mod`) when a transaction changes them. A transaction
 * that throws drops the cache, so memory never disagrees with the database.
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

export class ColRow {
  private cache: Partial<ColJson> = {};
  private scalarCache: ColScalars | null = null;
  private readonly dirty = new Set<ColJsonColumn>();
  private dirtyMod = 0;

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

  /** Writes the columns saved since the last flush (called by Collection.transact). */
  flush(): void {
    if (this.dirty.size === 0 && this.dirtyMod === 0) return;
    const columns = [...this.dirty];
    const sets = columns.map((c) => `${c} = ?`);
    const values = columns.map((c) => toJson(this.cache[c]));
    this.db.run(`update col set ${[...sets, 'mod = ?'].join(', ')}`, [...values, this.dirtyMod]);
    if (this.scalarCache) this.scalarCache.mod = this.dirtyMod;
    this.dirty.clear();
    this.dirtyMod = 0;
  }

  /** Bumps col.mod alone (a change to notes or cards), written at flush. */
  touch(nowMs: number): void {
    if (!this.db.inTransaction) throw new Error('ColRow.touch outside a transaction');
    this.dirtyMod = Math.max(this.dirtyMod, nowMs);
  }

  /** Forgets everything cached (after a rollback or a reload). */
  invalidate(): void {
    this.cache = {};
    this.scalarCache = null;
    this.dirty.clear();
    this.dirtyMod = 0;
  }
}
