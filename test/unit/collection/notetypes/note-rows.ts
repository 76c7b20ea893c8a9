/**
 * Notes and cards written straight into the tables, for note type tests that
 * must not depend on the note and card code.
 */
import type { Collection } from '../../../../extension/collection/collection.ts';
import { derivedColumns, joinFields } from '../../../../extension/collection/notes/fields.ts';
import type { NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';

let nextId = 1_600_000_000_000;

export function insertNote(col: Collection, nt: NotetypeJson, fields: string[], cardOrds: number[] = [0]): number {
  const id = nextId++;
  const { sfld, csum } = derivedColumns(nt, fields);
  col.transact(() => {
    col.db.run("insert into notes values (?, ?, ?, 100, 5, '', ?, ?, ?, 0, '')", [id, `g${id}`, Number(nt.id), joinFields(fields), sfld, csum]);
    for (const ord of cardOrds) {
      col.db.run("insert into cards values (?, ?, 1, ?, 100, 5, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '{}')", [nextId++, id, ord, id % 1000]);
    }
  });
  return id;
}

export interface NoteRow {
  flds: string;
  sfld: string | number;
  csum: number;
  mod: number;
  usn: number;
}

export function noteRow(col: Collection, id: number): NoteRow {
  return col.db.get<NoteRow>('select flds, sfld, csum, mod, usn from notes where id = ?', [id])!;
}

export interface CardRow {
  id: number;
  ord: number;
  mod: number;
  usn: number;
}

export function cardRows(col: Collection, nid: number): CardRow[] {
  return col.db.query<CardRow>('select id, ord, mod, usn from cards where nid = ? order by id', [nid]);
}

export function graves(col: Collection): { usn: number; oid: number; type: number }[] {
  return col.db.query('select usn, oid, type from graves order by oid');
}
