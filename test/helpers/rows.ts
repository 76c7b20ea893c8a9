/**
 * Inserting `notes` and `cards` rows straight into a test collection, with
 * whatever values a test needs (a review card due yesterday, a note with
 * raw tags), and reading rows back. Nothing is validated or registered:
 * this is the database as a test sets it up, not as the engine would.
 */
import type { Collection } from '../../extension/collection/collection.ts';
import { nextRowId } from '../../extension/collection/ids.ts';
import { notetypeByName } from '../../extension/collection/notetypes/lookup.ts';
import { joinTags } from '../../extension/collection/tags/split.ts';
import type { NoteRow } from '../../extension/collection/schema/rows.ts';

export interface NoteRowInput {
  id?: number;
  guid?: string;
  /** Note type id; default the stock Basic. */
  mid?: number;
  mod?: number;
  usn?: number;
  /** A list (stored as `" a b "`) or the raw stored string. */
  tags?: readonly string[] | string;
  fields?: readonly string[];
  sfld?: string | number;
  csum?: number;
  flags?: number;
  data?: string;
}

export interface CardRowInput {
  id?: number;
  nid: number;
  did?: number;
  ord?: number;
  mod?: number;
  usn?: number;
  type?: number;
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  left?: number;
  odue?: number;
  odid?: number;
  flags?: number;
  data?: string;
}

export type { NoteRow };

export type CardRow = Required<CardRowInput>;

let guidCounter = 0;

function basicId(col: Collection): number {
  const nt = notetypeByName(col, 'Basic');
  if (!nt) throw new Error('the collection has no Basic note type');
  return Number(nt.id);
}

/** Inserts one note row; returns its id (epoch ms now, bumped past existing ids, unless given). */
export function insertNote(col: Collection, input: NoteRowInput = {}): number {
  return col.transact(() => {
    const id = input.id ?? nextRowId(col.db, 'notes', col.nowMs());
    const fields = input.fields ?? ['front', 'back'];
    const tags = typeof input.tags === 'string' ? input.tags : joinTags(input.tags ?? []);
    col.db.run('insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id,
      input.guid ?? `test-guid-${++guidCounter}`,
      input.mid ?? basicId(col),
      input.mod ?? col.nowSecs(),
      input.usn ?? -1,
      tags,
      fields.join('\x1f'),
      input.sfld ?? fields[0] ?? '',
      input.csum ?? 0,
      input.flags ?? 0,
      input.data ?? '',
    ]);
    return id;
  }).result;
}

/** Inserts one card row (a new card in the Default deck unless told otherwise); returns its id. */
export function insertCard(col: Collection, input: CardRowInput): number {
  return col.transact(() => {
    const id = input.id ?? nextRowId(col.db, 'cards', col.nowMs());
    col.db.run('insert into cards values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id,
      input.nid,
      input.did ?? 1,
      input.ord ?? 0,
      input.mod ?? col.nowSecs(),
      input.usn ?? -1,
      input.type ?? 0,
      input.queue ?? 0,
      input.due ?? 1,
      input.ivl ?? 0,
      input.factor ?? 0,
      input.reps ?? 0,
      input.lapses ?? 0,
      input.left ?? 0,
      input.odue ?? 0,
      input.odid ?? 0,
      input.flags ?? 0,
      input.data ?? '{}',
    ]);
    return id;
  }).result;
}

/** A note with one card per entry of `cards` (ords 0, 1, … unless given). */
export function insertNoteWithCards(
  col: Collection,
  note: NoteRowInput,
  cards: readonly Omit<CardRowInput, 'nid'>[],
): { nid: number; cids: number[] } {
  const nid = insertNote(col, note);
  const cids = cards.map((c, ord) => insertCard(col, { ord, ...c, nid }));
  return { nid, cids };
}

/** Card states, as `type`/`queue`/`due`/`ivl` columns (anki-formats.md §6). */
export const cardState = {
  new: (position = 1) => ({ type: 0, queue: 0, due: position }),
  /** Intraday learning, due at epoch second `dueSecs`. */
  learning: (dueSecs: number) => ({ type: 1, queue: 1, due: dueSecs, left: 2 }),
  /** Interday learning, due on day `dueDay`. */
  dayLearning: (dueDay: number) => ({ type: 1, queue: 3, due: dueDay, left: 1 }),
  review: (dueDay: number, ivl = 10) => ({ type: 2, queue: 2, due: dueDay, ivl, factor: 2500, reps: 3 }),
  suspendedReview: (dueDay: number) => ({ type: 2, queue: -1, due: dueDay, ivl: 10, factor: 2500 }),
  buried: (type: number, due: number) => ({ type, queue: -2, due }),
} as const;

export function noteRow(col: Collection, id: number): NoteRow | undefined {
  return col.db.get<NoteRow>('select * from notes where id = ?', [id]);
}

export function cardRow(col: Collection, id: number): CardRow | undefined {
  return col.db.get<CardRow>('select * from cards where id = ?', [id]);
}

/** Every grave, in insertion order, as `[oid, type]`. */
export function graves(col: Collection): [number, number][] {
  return col.db.rows('select oid, type from graves order by rowid') as [number, number][];
}
