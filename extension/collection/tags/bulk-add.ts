/**
 * Adding tags to chosen notes (tags/bulkadd.rs): the tags are registered
 * (matching the case of registered tags and parents); a note changes only
 * if it lacks one of them, and then its tags are re-sorted.
 */
import type { Collection } from '../collection.ts';
import { registerTags } from './canonify.ts';
import { foldTag, sortTags } from './compare.ts';
import { noteTagsByIds, writeNoteTags } from './note-rows.ts';
import { joinTags, splitTags } from './split.ts';

/**
 * The stored tags string with `desired` added, sorted; null when the note
 * already has them all (compared case-insensitively).
 */
export function withMissingTags(noteTags: string, desired: readonly string[]): string | null {
  const have = new Map<string, string>();
  for (const t of splitTags(noteTags)) if (!have.has(foldTag(t))) have.set(foldTag(t), t);
  let modified = false;
  for (const t of desired) {
    if (have.has(foldTag(t))) continue;
    have.set(foldTag(t), t);
    modified = true;
  }
  return modified ? joinTags(sortTags([...have.values()])) : null;
}

/** Adds the space-separated `text` tags to the notes `nids`; returns how many notes changed. */
export function addTagsToNotes(col: Collection, nids: readonly number[], text: string): number {
  return col.transact(() => {
    const wanted = registerTags(col, text);
    let changed = 0;
    for (const row of noteTagsByIds(col, nids)) {
      const updated = withMissingTags(row.tags, wanted);
      if (updated === null) continue;
      writeNoteTags(col, row.id, updated);
      changed++;
    }
    if (changed) col.col.touch(col.nowMs());
    return changed;
  }).result;
}

