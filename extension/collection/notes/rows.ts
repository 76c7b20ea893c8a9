/** Reading notes: the `notes` row, and the cards of notes. */
import type { Collection } from '../collection.ts';
import type { NoteRow } from '../schema/rows.ts';
import { FIELD_SEPARATOR } from './fields.ts';

export type { NoteRow };


const NOTE_COLUMNS = 'id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data';

export function getNoteRow(col: Collection, id: number): NoteRow | undefined {
  return col.db.get<NoteRow>(`select ${NOTE_COLUMNS} from notes where id = ?`, [id]);
}

/** The first field of a stored `flds` value. */
export function firstField(flds: string): string {
  const at = flds.indexOf(FIELD_SEPARATOR);
  return at < 0 ? flds : flds.slice(0, at);
}

/** How many notes use the note type. */
/** `mid` as a number, or as a string for an id beyond 2^53. */
export function noteCountOfNotetype(col: Collection, mid: number | string): number {
  return Number(col.db.scalar('select count() from notes where mid = ?', [mid]) ?? 0);
}

/** The SQLite limit on bound parameters that AnkiConnect batches by. */
const BATCH = 999;

/**
 * The card ids of each of these notes, in card ordinal order (AnkiConnect's
 * `select id, nid from cards where nid in (…) order by ord`, in batches).
 */
export function cardIdsOfNotes(col: Collection, nids: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < nids.length; i += BATCH) {
    const batch = nids.slice(i, i + BATCH);
    const marks = batch.map(() => '?').join(',');
    for (const [cid, nid] of col.db.rows(`select id, nid from cards where nid in (${marks}) order by ord`, batch)) {
      const list = out.get(nid as number);
      if (list) list.push(cid as number);
      else out.set(nid as number, [cid as number]);
    }
  }
  return out;
}

/** The deck ids of a note's cards (`did`, so a card in a filtered deck counts there). */
export function deckIdsOfNote(col: Collection, nid: number): number[] {
  return col.db.column<number>('select did from cards where nid = ?', [nid]);
}
