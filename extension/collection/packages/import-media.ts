/**
 * A package's media against the collection's (apkg/import/media.rs): a file
 * whose name is free is copied if a note uses it; one whose name is taken
 * by the same content is not copied again; one whose name is taken by other
 * content is copied as `name-<sha1>.ext` and the imported notes are pointed
 * at that name. Files for templates (`_x`, `latex-x`) are copied unless the
 * name exists. Nothing is ever overwritten.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { MediaStore } from '../media/types.ts';
import type { PackageMediaEntry } from './media-map.ts';
import { addHashSuffixToFileStem, isStaticMediaName, mediaNameIsSafe, normalizeMediaName } from './media-names.ts';
import { replaceMediaRefs } from './media-refs.ts';

/** Reads a package media file; null when its member is missing. */
export type MediaReader = (entry: PackageMediaEntry) => Uint8Array | null;

export interface MediaWrite {
  /** The name it gets in the collection. */
  name: string;
  entry: PackageMediaEntry;
}

export class MediaPlan {
  /** Note-referenced files by the name notes use, with the name they get. */
  private readonly checked = new Map<string, { write: MediaWrite; used: boolean }>();
  private readonly statics: MediaWrite[] = [];
  readonly renamed: [string, string][] = [];
  readonly warnings: string[] = [];

  /** Plans every entry against the collection's files (reads only files whose names clash). */
  static async create(entries: readonly PackageMediaEntry[], read: MediaReader, media: MediaStore): Promise<MediaPlan> {
    const plan = new MediaPlan();
    const existing = new Set(await media.list());
    for (const entry of entries) {
      if (isStaticMediaName(entry.name)) {
        if (!existing.has(entry.name)) plan.statics.push({ name: entry.name, entry });
        continue;
      }
      if (!existing.has(entry.name)) {
        plan.checked.set(entry.name, { write: { name: entry.name, entry }, used: false });
        continue;
      }
      const incoming = entry.sha1 ?? hashOf(read(entry));
      const current = await media.read(entry.name);
      if (incoming && current && bytesToHex(incoming) !== bytesToHex(sha1(current))) {
        const name = addHashSuffixToFileStem(entry.name, bytesToHex(incoming));
        plan.checked.set(entry.name, { write: { name, entry }, used: false });
        plan.renamed.push([entry.name, name]);
      }
    }
    return plan;
  }

  /** The field with its media references pointed at the imported names (marks those files used). */
  mungeField(field: string): string {
    return replaceMediaRefs(field, (name) => {
      if (!mediaNameIsSafe(name)) return null;
      const normalized = normalizeMediaName(name);
      const found = this.checked.get(normalized);
      if (found) {
        found.used = true;
        return found.write.name !== name ? found.write.name : null;
      }
      return normalized !== name ? normalized : null;
    });
  }

  /** The files to copy: those notes use, and the template files. */
  writes(): MediaWrite[] {
    return [...[...this.checked.values()].filter((c) => c.used).map((c) => c.write), ...this.statics];
  }

  /** Forgets which files were used (before planning the notes again). */
  resetUse(): void {
    for (const c of this.checked.values()) c.used = false;
  }
}

function hashOf(bytes: Uint8Array | null): Uint8Array | null {
  return bytes ? sha1(bytes) : null;
}

/** Thrown when a file appeared under a name the plan meant to use: plan again. */
export class MediaChanged extends Error {}

/**
 * Copies the planned files into the store. A name that now holds the same
 * content is left alone; one that now holds other content means the media
 * changed since planning (MediaChanged). Returns the names written.
 */
export async function writeMedia(media: MediaStore, writes: readonly MediaWrite[], read: MediaReader, warnings: string[]): Promise<string[]> {
  const written: string[] = [];
  for (const w of writes) {
    const bytes = read(w.entry);
    if (!bytes) {
      warnings.push(`The package lists the media file "${w.entry.name}", but does not contain it.`);
      continue;
    }
    const current = await media.read(w.name);
    if (current) {
      if (bytesToHex(sha1(current)) === bytesToHex(sha1(bytes))) continue;
      throw new MediaChanged(w.name);
    }
    await media.write(w.name, bytes);
    written.push(w.name);
  }
  return written;
}
