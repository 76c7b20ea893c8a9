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

  /** Writes a JSON column (already changed in place or replaced) and bumps col.mod. */
  save<K extends ColJsonColumn>(column: K, value: ColJson[K], nowMs: number): void {
    this.cache[column] = value;
    this.db.run(`update col set ${column} = ?, mod = ?`, [toJson(value), nowMs]);
    if (this.scalarCache) this.scalarCache.mod = nowMs;
  }

  /** Bumps col.mod alone (a change to notes or cards). */
  touch(nowMs: number): void {
    this.db.run('update col set mod = ?', [nowMs]);
    if (this.scalarCache) this.scalarCache.mod = nowMs;
  }

  /** Forgets everything cached (after a rollback or a reload). */
  invalidate(): void {
    this.cache = {};
    this.scalarCache = null;
  }
}
