/**
 * Opening a package: its kind, its collection as a schema-11 sql.js
 * database of its own (a modern one converted from schema 18), and its
 * media list with a way to read each file. Anything unreadable is a
 * PackageError.
 */
import type { Database } from 'sql.js';
import { collectionUnreadable, PackageError, unsupportedSchema } from './errors.ts';
import { decodeMediaEntries, parseLegacyMediaMap, type PackageMediaEntry } from './media-map.ts';
import { collectionMemberName, isZstdCompressed, PackageVersion, readPackageVersion } from './meta.ts';
import { convertSchema18To11 } from './schema18-to-11.ts';
import type { DatabaseClass } from './sqljs.ts';
import { ZipReader } from './zip.ts';
import { zstdDecompress } from './zstd.ts';

export interface OpenedPackage {
  version: PackageVersion;
  /** The package's collection, schema 11; the caller closes it. */
  db: Database;
  media: PackageMediaEntry[];
  /** A media file's bytes (decompressed), or null when its member is missing. */
  readMedia(entry: PackageMediaEntry): Uint8Array | null;
}

/** Each step of opening, so a caller can report progress and yield in between. */
export type OpenStep = (stage: 'unzip' | 'collection' | 'convert' | 'media') => Promise<void>;

function openDatabase(Database: DatabaseClass, bytes: Uint8Array): Database {
  let db: Database | null = null;
  try {
    db = new Database(bytes);
    db.exec('select ver from col');
    return db;
  } catch (e) {
    db?.close();
    throw new PackageError(collectionUnreadable(e instanceof Error ? e.message : String(e)));
  }
}

function schemaVersion(db: Database): number {
  return Number(db.exec('select ver from col')[0]?.values[0]?.[0]);
}

function readMediaList(zip: ZipReader, version: PackageVersion): PackageMediaEntry[] {
  if (!zip.has('media')) return [];
  const bytes = zip.read('media');
  if (!isZstdCompressed(version)) return parseLegacyMediaMap(bytes);
  return decodeMediaEntries(zstdDecompress(bytes, 'media list'));
}

export async function openPackage(Database: DatabaseClass, bytes: Uint8Array, step: OpenStep): Promise<OpenedPackage> {
  await step('unzip');
  const zip = ZipReader.open(bytes);
  const version = readPackageVersion(zip);
  const zstd = isZstdCompressed(version);
  await step('collection');
  const raw = zip.read(collectionMemberName(version));
  let db = openDatabase(Database, zstd ? zstdDecompress(raw, 'collection') : raw);
  try {
    const ver = schemaVersion(db);
    if (zstd) {
      await step('convert');
      db = convertSchema18To11(Database, db);
    } else if (ver !== 11) {
      throw new PackageError(unsupportedSchema(ver));
    }
    await step('media');
    const media = readMediaList(zip, version);
    const readMedia = (entry: PackageMediaEntry) => {
      const name = String(entry.index);
      if (!zip.has(name)) return null;
      const data = zip.read(name);
      return zstd ? zstdDecompress(data, `media file ${name}`) : data;
    };
    return { version, db, media, readMedia };
  } catch (e) {
    closeQuietly(db);
    throw e;
  }
}

function closeQuietly(db: Database): void {
  try {
    db.close();
  } catch {
    // already closed
  }
}
