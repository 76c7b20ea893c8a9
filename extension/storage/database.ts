/**
 * The extension's IndexedDB database (Dexie): the collection snapshot, the
 * journal of writes made since it, settings and media (DESIGN.md,
 * "Persistence"). No chrome.* here: the IndexedDB factory can be injected, so
 * Node tests run it over fake-indexeddb.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { RecordedStatement } from '../collection/db.ts';

export const DEFAULT_DATABASE_NAME = 'anki-connect-browser';

/** The key of the one collection snapshot row. */
export const SNAPSHOT_KEY = 'collection';

export interface SnapshotRow {
  key: typeof SNAPSHOT_KEY;
  /** The whole SQLite file. */
  bytes: Uint8Array;
  /** The last journal seq whose writes this snapshot includes. */
  seq: number;
  /** Epoch milliseconds. */
  savedAt: number;
}

/** The writes of one collection transaction. */
export interface JournalRow {
  seq: number;
  statements: RecordedStatement[];
  /** Epoch milliseconds. */
  at: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface MediaRow {
  name: string;
  bytes: Uint8Array;
  /** md5 hex of bytes, or '' until someone asks (storage/media-store.ts). */
  md5: string;
  /** The file's modification time in the media folder, epoch ms (storage/media-store.ts). */
  mtime: number;
  /** bytes.length, indexed with mtime so the folder can be compared without reading bytes. */
  size: number;
}

export type Durability = 'strict' | 'relaxed' | 'default';

export interface StorageDbOptions {
  /** IndexedDB database name; default 'anki-connect-browser'. */
  name?: string;
  /** Chrome transaction durability; default 'strict' (fsync before commit). */
  durability?: Durability;
  /** IndexedDB implementation (e.g. fake-indexeddb in Node); default the global one. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** Dexie add-ons / middleware, e.g. for instrumentation in tests. */
  addons?: DexieOptions['addons'];
}

export class StorageDb extends Dexie {
  snapshots!: Table<SnapshotRow, string>;
  /** Keys are assigned by Persistence (seq), not by IndexedDB. */
  journal!: Table<JournalRow, number>;
  settings!: Table<SettingRow, string>;
  media!: Table<MediaRow, string>;
  readonly durability: Durability;

  constructor(options: StorageDbOptions = {}) {
    const dexieOptions: DexieOptions = {
      chromeTransactionDurability: options.durability ?? 'strict',
    };
    if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
    if (options.addons) dexieOptions.addons = options.addons;
    super(options.name ?? DEFAULT_DATABASE_NAME, dexieOptions);
    this.durability = options.durability ?? 'strict';
    this.version(1).stores({
      snapshots: 'key',
      journal: 'seq',
      settings: 'key',
      media: 'name',
    });
    // Media rows carry their size, indexed with mtime (compared with the media folder's files).
    this.version(2).stores({ media: 'name, [size+mtime]' });
  }

  /**
   * Adds journal rows in one IndexedDB transaction, resolving when it has
   * committed (with this database's durability). It talks to IndexedDB
   * directly: this is the write every acknowledged change waits for, and
   * Dexie's promise zones, middleware and change broadcast cost more than
   * the write itself. Rows whose seq exists already fail the transaction.
   */
  addJournalRows(rows: readonly JournalRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.backendDB().transaction('journal', 'readwrite', { durability: this.durability });
        const store = tx.objectStore('journal');
        for (const row of rows) store.add(row);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the journal write was aborted'));
    });
  }
}
