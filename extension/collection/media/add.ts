/**
 * Adding a file to the media store as Anki's add_data_to_folder_uniquely
 * does (Anki 26.05+): the name normalised; an existing file with the same
 * bytes is reused; a name with capitals is retried in lower case (for
 * case-insensitive file systems); a name already taken by other bytes gets
 * the data's sha1 appended to its stem.
 */
import { normalizeMediaName, withHashSuffix } from './names.ts';
import type { MediaStore } from './types.ts';

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lower-case hex sha1 of the bytes. */
export async function sha1Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Stores `bytes` under `desiredName` or the name Anki would choose; returns
 * the name used. A file named `replacing` counts as absent (the caller
 * removes it: storeMediaFile's deleteExisting), so replacing it costs one write.
 */
export async function addMediaFile(store: MediaStore, desiredName: string, bytes: Uint8Array, replacing?: string): Promise<string> {
  const name = normalizeMediaName(desiredName);
  const existing = name === replacing ? null : await store.read(name);
  if (existing && sameBytes(existing, bytes)) return name;
  const lower = name.toLowerCase();
  if (lower !== name) return addMediaFile(store, lower, bytes, replacing);
  if (!existing) {
    await store.write(name, bytes);
    return name;
  }
  const hashed = withHashSuffix(name, await sha1Hex(bytes));
  await store.write(hashed, bytes);
  return hashed;
}
