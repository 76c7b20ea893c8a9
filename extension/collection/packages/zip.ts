/**
 * The zip container of a package. The central directory is read once;
 * members are inflated one at a time, when asked for (fflate), so a large
 * package is never unpacked all at once and a package of many media files
 * is not scanned again for each.
 */
import { inflateSync, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { missingMember, notAZip, PackageError } from './errors.ts';

interface Member {
  method: number;
  compressedSize: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;
const utf8 = new TextDecoder();

/** The central directory: each member's name, method, size and local header (null when not a plain zip). */
function centralDirectory(bytes: Uint8Array): Map<string, Member> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== EOCD) end--;
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const members = new Map<string, Member>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const localHeader = view.getUint32(at + 42, true);
    const nameLength = view.getUint16(at + 28, true);
    if (compressedSize === ZIP64 || localHeader === ZIP64) return null;
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    members.set(name, { method: view.getUint16(at + 10, true), compressedSize, localHeader });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return members;
}

export class ZipReader {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly names: ReadonlySet<string>,
    private readonly members: Map<string, Member> | null,
  ) {}

  /** Lists the archive's members; throws a PackageError if it is not a zip archive. */
  static open(bytes: Uint8Array): ZipReader {
    const names = new Set<string>();
    try {
      unzipSync(bytes, {
        filter: (f) => {
          names.add(f.name);
          return false;
        },
      });
    } catch {
      throw new PackageError(notAZip);
    }
    return new ZipReader(bytes, names, centralDirectory(bytes));
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** One member's bytes; a missing or damaged member is a PackageError. */
  read(name: string): Uint8Array {
    if (!this.names.has(name)) throw new PackageError(missingMember(name));
    try {
      const out = this.direct(name) ?? unzipSync(this.bytes, { filter: (f) => f.name === name })[name];
      if (!out) throw new Error('no data');
      return out;
    } catch (e) {
      throw new PackageError(`${missingMember(name)} (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  /** The member read through the central directory, or null to let fflate find it. */
  private direct(name: string): Uint8Array | null {
    const m = this.members?.get(name);
    if (!m || (m.method !== 0 && m.method !== 8)) return null;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (view.getUint32(m.localHeader, true) !== LOCAL) return null;
    const start = m.localHeader + 30 + view.getUint16(m.localHeader + 26, true) + view.getUint16(m.localHeader + 28, true);
    const data = this.bytes.subarray(start, start + m.compressedSize);
    return m.method === 0 ? data.slice() : inflateSync(data);
  }
}

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
  /** Deflate (collections, lists) or store as is (media, as Anki does). */
  deflate: boolean;
}

/** A zip archive of the entries, in their order. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const file = e.deflate ? new ZipDeflate(e.name, { level: 6 }) : new ZipPassThrough(e.name);
    zip.add(file);
    file.push(e.bytes, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Member names in the order the archive lists them. */
export function zipMemberNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}
