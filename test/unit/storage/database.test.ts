import type { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_NAME, StorageDb, type StorageDbOptions } from '../../../extension/storage/database.ts';

function durabilityLog(): { seen: (string | undefined)[]; addon: (db: Dexie) => void } {
  const seen: (string | undefined)[] = [];
  return {
    seen,
    addon: (db) =>
      db.use({
        stack: 'dbcore',
        name: 'durability-log',
        create: (down) => ({
          ...down,
          transaction: (stores, mode, options) => {
            seen.push(options?.durability);
            return down.transaction(stores, mode, options);
          },
        }),
      }),
  };
}

async function withDb(options: StorageDbOptions, fn: (db: StorageDb) => Promise<void>): Promise<void> {
  const db = new StorageDb({ name: `acb-test-${crypto.randomUUID()}`, indexedDB, IDBKeyRange, ...options });
  try {
    await db.open();
    await fn(db);
  } finally {
    db.close();
  }
}

describe('StorageDb', () => {
  it('is named anki-connect-browser by default', () => {
    expect(new StorageDb({ indexedDB, IDBKeyRange }).name).toBe(DEFAULT_DATABASE_NAME);
  });

  it('declares snapshots, journal, settings and media', async () => {
    await withDb({}, async (db) => {
      expect(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]).sort()).toEqual([
        ['journal', 'seq'],
        ['media', 'name'],
        ['settings', 'key'],
        ['snapshots', 'key'],
      ]);
      await db.settings.put({ key: 'port', value: { n: 8765 } });
      expect(await db.settings.get('port')).toEqual({ key: 'port', value: { n: 8765 } });
      const bytes = new Uint8Array([0, 1, 254, 255]);
      await db.media.put({ name: 'a.mp3', bytes, md5: 'x', mtime: 1, size: bytes.length });
      expect((await db.media.get('a.mp3'))?.bytes).toEqual(bytes);
    });
  });

  it("uses 'strict' durability unless configured", async () => {
    const strict = durabilityLog();
    await withDb({ addons: [strict.addon] }, (db) => db.settings.put({ key: 'a', value: 1 }).then(() => undefined));
    expect(strict.seen).toContain('strict');
    expect(strict.seen).not.toContain('relaxed');

    const relaxed = durabilityLog();
    await withDb({ durability: 'relaxed', addons: [relaxed.addon] }, (db) =>
      db.settings.put({ key: 'a', value: 1 }).then(() => undefined),
    );
    expect(relaxed.seen).toContain('relaxed');
    expect(relaxed.seen).not.toContain('strict');
  });
});
