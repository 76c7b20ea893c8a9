/**
 * The collection's media files in IndexedDB: one row per file (name, bytes,
 * md5, mtime, size). `mtime` is the file's modification time in the media
 * folder the host keeps (background/media-sync.ts sets the folder's copy to
 * it), and [size+mtime] is indexed, so comparing with the folder reads no
 * bytes. md5 is computed when first asked for, not on every write.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { MediaStore } from '../collection/media/types.ts';
import type { MediaRow, StorageDb } from './database.ts';

/** What the store knows of a file without reading it. */
export interface MediaMeta {
  size: number;
  mtime: number;
}

export interface PutOptions {
  mtime: number;
  /** md5 hex when already known. */
  md5?: string;
}

/** A view over exactly its bytes: IndexedDB would store a larger shared buffer whole. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export class DexieMediaStore implements MediaStore {
  constructor(
    private readonly db: StorageDb,
    private readonly now: () => number = Date.now,
  ) {}

  async read(name: string): Promise<Uint8Array | null> {
    return (await this.db.media.get(name))?.bytes ?? null;
  }

  /** The whole row, or undefined. */
  row(name: string): Promise<MediaRow | undefined> {
    return this.db.media.get(name);
  }

  /** Stores a file with the current time as its mtime. */
  async write(name: string, bytes: Uint8Array): Promise<void> {
    await this.put(name, bytes, { mtime: this.now() });
  }

  /** Stores a file (one IndexedDB write); returns its mtime. */
  async put(name: string, bytes: Uint8Array, options: PutOptions): Promise<number> {
    const row: MediaRow = { name, bytes: ownBuffer(bytes), md5: options.md5 ?? '', mtime: options.mtime, size: bytes.length };
    await this.db.media.put(row);
    return options.mtime;
  }

  async remove(name: string): Promise<void> {
    await this.db.media.delete(name);
  }

  async list(): Promise<string[]> {
    return (await this.db.media.toCollection().primaryKeys()) as string[];
  }

  async md5(name: string): Promise<string | null> {
    const row = await this.db.media.get(name);
    if (!row) return null;
    return row.md5 || bytesToHex(md5(row.bytes));
  }

  /** True when a file of that name is stored (reads no bytes). */
  async has(name: string): Promise<boolean> {
    return (await this.db.media.where('name').equals(name).count()) > 0;
  }

  /** True when the stored file has exactly this size and mtime (reads no bytes). */
  async matches(name: string, meta: MediaMeta): Promise<boolean> {
    const names = await this.db.media.where('[size+mtime]').equals([meta.size, meta.mtime]).primaryKeys();
    return names.includes(name);
  }

  /** Size and mtime of every file, by name (reads no bytes). */
  async metas(): Promise<Map<string, MediaMeta>> {
    const out = new Map<string, MediaMeta>();
    await this.db.media.orderBy('[size+mtime]').eachKey((key, cursor) => {
      const [size, mtime] = key as [number, number];
      out.set(cursor.primaryKey as string, { size, mtime });
    });
    return out;
  }

  /** Records the mtime the folder really gave a file (file systems with coarse times). */
  async setMtime(name: string, mtime: number): Promise<void> {
    await this.db.media.update(name, { mtime });
  }
}
