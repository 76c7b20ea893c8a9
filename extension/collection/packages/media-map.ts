/**
 * A package's media list: which zip member holds which file. Legacy
 * packages keep JSON `{"0": "a.jpg"}`; modern ones a zstd protobuf
 * `MediaEntries{entries=1: MediaEntry{name=1, size=2, sha1=3}}` whose
 * position in the list is the member name (package/media.rs).
 */
import { mediaListInvalid, PackageError, unsafeMediaName } from './errors.ts';
import { mediaNameIsSafe, normalizeMediaName, safeNormalizedMediaName } from './media-names.ts';
import { ProtoMessage } from './proto.ts';

export interface PackageMediaEntry {
  /** The zip member holding the file: `String(index)`. */
  index: number;
  /** The file name, normalised. */
  name: string;
  /** sha1 as the package states it (modern packages), else null until read. */
  sha1: Uint8Array | null;
}

const utf8 = new TextDecoder();

/** A legacy JSON media list. */
export function parseLegacyMediaMap(bytes: Uint8Array): PackageMediaEntry[] {
  let map: unknown;
  try {
    map = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new PackageError(mediaListInvalid);
  }
  if (map === null || typeof map !== 'object' || Array.isArray(map)) throw new PackageError(mediaListInvalid);
  const out: PackageMediaEntry[] = [];
  for (const [key, name] of Object.entries(map as Record<string, unknown>)) {
    if (!/^\d+$/.test(key) || typeof name !== 'string') throw new PackageError(mediaListInvalid);
    out.push({ index: Number(key), name: safeNormalizedMediaName(name), sha1: null });
  }
  return out;
}

/** A modern protobuf media list (already decompressed); names must already be normalised. */
export function decodeMediaEntries(bytes: Uint8Array): PackageMediaEntry[] {
  let entries: ProtoMessage[];
  try {
    entries = new ProtoMessage(bytes).messages(1);
  } catch {
    throw new PackageError(mediaListInvalid);
  }
  return entries.map((entry, index) => {
    const name = entry.string(1);
    const sha1 = entry.bytes(3);
    if (!mediaNameIsSafe(name)) throw new PackageError(unsafeMediaName(name));
    if (sha1.length !== 20 || normalizeMediaName(name) !== name) throw new PackageError(mediaListInvalid);
    return { index, name, sha1 };
  });
}

/** Python's `json.dumps` of a string: JSON with every non-ASCII character escaped. */
function pythonJsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The legacy `media` member for files stored as members 0, 1, …, written as Python's exporter writes it. */
export function legacyMediaMapBytes(names: readonly string[]): Uint8Array {
  const body = names.map((name, i) => `${pythonJsonString(String(i))}: ${pythonJsonString(name.normalize('NFC'))}`).join(', ');
  return new TextEncoder().encode(`{${body}}`);
}
