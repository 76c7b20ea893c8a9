/**
 * Replacing one tag by another on notes, as AnkiConnect's replaceTags does
 * it through Anki's Python Note: a note that has the tag (exactly,
 * ignoring case; children are not touched) loses every spelling of it, the
 * replacement is appended, and the note is saved if its tag list changed,
 * which canonifies and registers the tags and marks the note modified.
 */
import type { Collection } from '../collection.ts';
import { canonifyTags } from './canonify.ts';
import { allNoteTags, noteTagsByIds, writeNoteTags, type NoteTagsRow } from './note-rows.ts';
import { joinTags, splitTags } from './split.ts';

const lower = (s: string) => s.toLowerCase();

/** The note's tag list after Python's `remove_tag(from)` and `add_tag(to)`, or null if it lacks `from`. */
export function replacedTagList(tags: readonly string[], from: string, to: string): string[] | null {
  const target = lower(from);
  if (!tags.some((t) => lower(t) === target)) return null;
  return [...tags.filter((t) => lower(t) !== target), to];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function replaceInRows(col: Collection, rows: readonly NoteTagsRow[], from: string, to: string): number {
  let changed = 0;
  for (const row of rows) {
    const tags = splitTags(row.tags);
    const next = replacedTagList(tags, from, to);
    if (next === null || sameList(next, tags)) continue;
    writeNoteTags(col, row.id, joinTags(canonifyTags(col, next).tags));
    changed++;
  }
  if (changed) col.col.touch(col.nowMs());
  return changed;
}

/** Replaces `from` by `to` on the notes `nids` (unknown ids are skipped); returns how many were saved. */
export function replaceTagInNotes(col: Collection, nids: readonly number[], from: string, to: string): number {
  return col.transact(() => replaceInRows(col, noteTagsByIds(col, nids), from, to)).result;
}

/** Replaces `from` by `to` on every note; returns how many were saved. */
export function replaceTagInAllNotes(col: Collection, from: string, to: string): number {
  return col.transact(() => replaceInRows(col, allNoteTags(col), from, to)).result;
}
