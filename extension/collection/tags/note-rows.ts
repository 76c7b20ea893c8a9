/**
 * Reading and writing the `tags` column of notes. A write marks the note
 * modified (`mod` now, `usn` -1), as Anki's `NoteTags::set_modified` does.
 */
import type { Collection } from '../collection.ts';
import { splitTags } from './split.ts';

export interface NoteTagsRow {
  id: number;
  /** The stored string, `" a b "` or `""`. */
  tags: string;
}

/** The tags of one note as a list, or undefined when there is no such note. */
export function noteTagList(col: Collection, id: number): string[] | undefined {
  const text = col.db.scalar('select tags from notes where id = ?', [id]);
  return typeof text === 'string' ? splitTags(text) : undefined;
}

/** The notes among `ids` that exist, each once, in the order first given. */
export function noteTagsByIds(col: Collection, ids: readonly number[]): NoteTagsRow[] {
  const out: NoteTagsRow[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const text = col.db.scalar('select tags from notes where id = ?', [id]);
    if (typeof text === 'string') out.push({ id, tags: text });
  }
  return out;
}

/** Every note's tags, by id. */
export function allNoteTags(col: Collection): NoteTagsRow[] {
  return col.db.query<NoteTagsRow>('select id, tags from notes order by id');
}

/** Every distinct stored tags string that is not empty. */
export function distinctTagStrings(col: Collection): string[] {
  return col.db.column<string>("select distinct tags from notes where tags != ''");
}

/** Stores a note's new tags string and marks it modified. Inside a transaction. */
export function writeNoteTags(col: Collection, id: number, tags: string): void {
  col.db.run('update notes set tags = ?, mod = ?, usn = -1 where id = ?', [tags, col.nowSecs(), id]);
}
