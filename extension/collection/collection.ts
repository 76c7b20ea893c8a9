/**
 * The collection: a schema-11 Anki database in sql.js plus its parsed `col`
 * JSON. Every change goes through `transact`, which records the statements
 * for the journal. Pure TypeScript; nothing here touches the browser.
 */
import type { SqlJsStatic } from 'sql.js';
import { systemClock, type Clock } from './clock.ts';
import { ColRow } from './col-row.ts';
import { Db, type RecordedStatement } from './db.ts';

export interface TransactResult<R> {
  result: R;
  statements: RecordedStatement[];
}

export class Collection {
  readonly col: ColRow;
  /** Called with the statements of every committed transaction that wrote something. */
  onCommit: ((statements: RecordedStatement[]) => void) | null = null;

  constructor(
    readonly db: Db,
    readonly clock: Clock = systemClock,
  ) {
    this.col = new ColRow(db);
  }

  /** Opens a collection from the bytes of a schema-11 SQLite file. */
  static open(SQL: SqlJsStatic, bytes: Uint8Array, clock: Clock = systemClock): Collection {
    const col = new Collection(new Db(new SQL.Database(bytes)), clock);
    const ver = col.col.scalars().ver;
    if (ver !== 11) {
      col.close();
      throw new Error(`unsupported collection schema version ${ver}`);
    }
    return col;
  }

  /** Runs `fn` as one transaction; on a throw nothing it did remains. */
  transact<R>(fn: () => R): TransactResult<R> {
    const outermost = !this.db.inTransaction;
    try {
      const out = this.db.transact(() => {
        const result = fn();
        if (outermost) this.col.flush();
        return result;
      });
      if (outermost) this.col.committed();
      if (out.statements.length && this.onCommit) this.onCommit(out.statements);
      return out;
    } catch (e) {
      if (!this.db.inTransaction) this.col.rolledBack();
      throw e;
    }
  }

  /** Epoch ms now. */
  nowMs(): number {
    return this.clock.now();
  }

  /** Epoch seconds now (the unit of notes', cards', decks' and notetypes' `mod`). */
  nowSecs(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** The whole database file, with every committed write in it. */
  export(): Uint8Array {
    this.col.writeDeferred();
    return this.db.export();
  }

  close(): void {
    this.db.close();
  }
}
