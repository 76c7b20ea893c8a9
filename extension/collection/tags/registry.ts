/**
 * The tag registry, `col.tags` (`{tag: usn}`): listing it as Anki does
 * (sorted case-insensitively) and dropping tags no note uses. A tag counts
 * as used when a note has it or one of its children (tags/remove.rs,
 * `all_tags_in_notes`).
 */
import type { Collection } from '../collection.ts';
import { forgetTagIndex } from './canonify.ts';
import { foldTag, sortTags } from './compare.ts';
import { distinctTagStrings } from './note-rows.ts';
import { splitTags } from './split.ts';

/** Every registered tag, sorted case-insensitively. */
export function allTags(col: Collection): string[] {
  return sortTags(Object.keys(col.col.get('tags')));
}

/** Folded names of every tag on a note, and of each of their parents. */
function tagsInNotes(col: Collection): Set<string> {
  const seen = new Set<string>();
  for (const text of distinctTagStrings(col)) {
    for (const tag of splitTags(text)) {
      let name = foldTag(tag);
      seen.add(name);
      for (let at = name.lastIndexOf('::'); at >= 0; at = name.lastIndexOf('::')) {
        name = name.slice(0, at);
        seen.add(name);
      }
    }
  }
  return seen;
}

/** Removes registered tags that no note uses; returns how many were removed. */
export function clearUnusedTags(col: Collection): number {
  return col.transact(() => {
    const used = tagsInNotes(col);
    const tags = col.col.get('tags');
    const unused = Object.keys(tags).filter((t) => !used.has(foldTag(t)));
    if (!unused.length) return 0;
    for (const t of unused) delete tags[t];
    forgetTagIndex(col);
    col.col.save('tags', tags, col.nowMs());
    return unused.length;
  }).result;
}
