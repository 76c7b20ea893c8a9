/**
 * Changing stored notes as Anki's `update_note_inner` does: nothing is
 * written when the note is unchanged; otherwise tags are canonified, fields
 * cleaned, `sfld`/`csum` derived, `mod`/`usn` bumped, and the note gains the
 * cards its new content makes (existing cards stay, whatever their ordinal).
 */
import { generateMissingCards } from '../cards/add.ts';
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';
import { notetypeById } from '../notetypes/lookup.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { canonifyTags } from '../tags/canonify.ts';
import { joinTags, splitTags } from '../tags/split.ts';
import { derivedColumns, fixFieldCount, joinFields, normalizeFieldText, normalizesNoteText } from './fields.ts';
import { getNoteRow, type NoteRow } from './rows.ts';

export interface NoteChange {
  /** Every field of the note type, in order; omitted: keep the stored ones. */
  fields?: readonly string[];
  /** The note's new tags; omitted: keep the stored ones. */
  tags?: readonly string[];
  /** A new note type (its fields must then be given). */
  nt?: NotetypeJson;
}

const UPDATE_NOTE = 'update notes set mid = ?, mod = ?, usn = -1, tags = ?, flds = ?, sfld = ?, csum = ? where id = ?';

const sqlId = (id: Int64): number | string => (typeof id === 'bigint' ? id.toString() : id);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The stored note's fields, fitted to its note type. */
export function storedFields(row: NoteRow, nt: NotetypeJson): string[] {
  return fixFieldCount(row.flds.split('\x1f'), nt.flds.length);
}

function writeNote(col: Collection, row: NoteRow, nt: NotetypeJson, fields: readonly string[], tags: readonly string[]): void {
  const canonical = tags.length ? canonifyTags(col, tags).tags : [];
  const nfc = normalizesNoteText(col.col.get('conf'));
  const cleaned = fields.map((f) => normalizeFieldText(f, nfc));
  const { sfld, csum } = derivedColumns(nt, cleaned);
  col.db.run(UPDATE_NOTE, [sqlId(nt.id), col.nowSecs(), joinTags(canonical), joinFields(cleaned), sfld, csum, row.id]);
  col.col.touch(col.nowMs());
  generateMissingCards(col, nt, [row.id]);
}

/**
 * Applies `change` to note `nid`. Returns false (writing nothing) when the
 * note does not exist or nothing differs from what is stored.
 */
export function updateNote(col: Collection, nid: number, change: NoteChange): boolean {
  return col.transact(() => {
    const row = getNoteRow(col, nid);
    if (!row) return false;
    const nt = change.nt ?? notetypeById(col, row.mid);
    if (!nt) throw new Error(`note ${nid} has a missing note type`);
    const oldFields = row.flds.split('\x1f');
    const oldTags = splitTags(row.tags);
    const fields = change.fields ?? fixFieldCount(oldFields, nt.flds.length);
    const tags = change.tags ?? oldTags;
    const same = String(nt.id) === String(row.mid) && sameList(fields, oldFields) && sameList(tags, oldTags);
    if (same) return false;
    writeNote(col, row, nt, fields, tags);
    return true;
  }).result;
}

