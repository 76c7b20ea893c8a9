/**
 * Where a collection comes from at start-up: the last snapshot with the
 * journal replayed over it, or a new collection whose first snapshot is
 * saved before anything is served (its ids and creation time must not
 * change on the next start).
 */
import type { SqlJsStatic } from 'sql.js';
import type { Clock } from './clock.ts';
import { Collection } from './collection.ts';
import { createCollection } from './create.ts';
import type { RecordedStatement } from './db.ts';

/** What the engine needs of persistent storage. */
export interface CollectionStore {
  load(): Promise<{ snapshot: Uint8Array | null; entries: RecordedStatement[][] }>;
  saveSnapshot(bytes: Uint8Array): Promise<unknown>;
}

export async function loadCollection(SQL: SqlJsStatic, store: CollectionStore, clock: Clock): Promise<Collection> {
  const { snapshot, entries } = await store.load();
  if (!snapshot) {
    const col = createCollection(SQL, clock);
    await store.saveSnapshot(col.export());
    return col;
  }
  const col = Collection.open(SQL, snapshot, clock);
  for (const statements of entries) col.db.replay(statements);
  col.col.invalidate();
  return col;
}
