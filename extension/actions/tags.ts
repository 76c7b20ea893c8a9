/** Tag actions: reading, adding, removing and replacing note tags, and the tag list. */
import type { Collection } from '../collection/collection.ts';
import { addTagsToNotes } from '../collection/tags/bulk-add.ts';
import { removeTagsFromNotes } from '../collection/tags/bulk-remove.ts';
import { noteTagList } from '../collection/tags/note-rows.ts';
import { allTags, clearUnusedTags as clearUnused } from '../collection/tags/registry.ts';
import { replaceTagInAllNotes, replaceTagInNotes } from '../collection/tags/replace.ts';
import { action, opt, req } from './define.ts';
import { noAttribute, notAnInteger, noteNotFound, notIterable, tagsMustBeStrings, tagsNotString } from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyTruthy as truthy } from './python-values.ts';

/** A note id as Anki's backend takes it (an int). */
function noteId(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(notAnInteger(pyTypeName(value)));
  return value;
}

/** A list of note ids, iterated as Python iterates the JSON value. */
function noteIds(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(noteId);
  if (typeof value === 'string') return [...value].map(noteId);
  if (value !== null && typeof value === 'object') return Object.keys(value).map(noteId);
  throw new Error(notIterable(pyTypeName(value)));
}

/** A space-separated tags string (Anki's backend refuses anything else). */
function tagText(value: unknown): string {
  if (typeof value !== 'string') throw new Error(tagsNotString(pyTypeName(value)));
  return value;
}

function existingNoteTags(col: Collection, note: unknown): string[] {
  const tags = noteTagList(col, noteId(note));
  if (tags === undefined) throw new Error(noteNotFound(note));
  return tags;
}

export const getNoteTags = action({ note: req<number>() }, ({ col }, { note }) => existingNoteTags(col, note));

export const addTags = action(
  { notes: req<number[]>(), tags: req<string>(), add: opt<unknown>(true) },
  ({ col }, { notes, tags, add }) => {
    const ids = noteIds(notes);
    if (truthy(add)) addTagsToNotes(col, ids, tagText(tags));
    else removeTagsFromNotes(col, ids, tagText(tags));
    return null;
  },
);

export const removeTags = action({ notes: req<number[]>(), tags: req<string>() }, ({ col }, { notes, tags }) => {
  removeTagsFromNotes(col, noteIds(notes), tagText(tags));
  return null;
});

export const getTags = action({}, ({ col }) => allTags(col));

export const clearUnusedTags = action({}, ({ col }) => {
  clearUnused(col);
  return null;
});

/** `tag_to_replace` goes through Python's `.lower()`; `replace_with_tag` into a note's tags. */
function replacePair(from: unknown, to: unknown): [string, string] {
  if (typeof from !== 'string') throw new Error(noAttribute(pyTypeName(from), 'lower'));
  return [from, tagText(to)];
}

export const replaceTags = action(
  { notes: req<number[]>(), tag_to_replace: req<string>(), replace_with_tag: req<string>() },
  ({ col }, p) => {
    const ids = noteIds(p.notes);
    // upstream: unknown note ids are skipped.
    replaceTagInNotes(col, ids, ...replacePair(p.tag_to_replace, p.replace_with_tag));
    return null;
  },
);

export const replaceTagsInAllNotes = action(
  { tag_to_replace: req<string>(), replace_with_tag: req<string>() },
  ({ col }, p) => {
    replaceTagInAllNotes(col, ...replacePair(p.tag_to_replace, p.replace_with_tag));
    return null;
  },
);

/**
 * AnkiConnect removes each current tag, then adds each given one (a string
 * is one item); so the note is saved whenever it had tags or gets some.
 */
export const updateNoteTags = action({ note: req<number>(), tags: req<string[]>() }, ({ col }, { note, tags }) => {
  const list = typeof tags === 'string' ? [tags] : tags;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) throw new Error(tagsMustBeStrings);
  const old = existingNoteTags(col, note);
  const id = noteId(note);
  col.transact(() => {
    for (const tag of old) removeTagsFromNotes(col, [id], tag);
    for (const tag of list) addTagsToNotes(col, [id], tag);
  });
  return null;
});
