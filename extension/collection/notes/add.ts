/**
 * Adding notes as Anki's `add_note_inner` does: tags canonified, fields
 * cleaned (control characters removed, NFC), `sfld`/`csum` derived, the row
 * inserted (id epoch ms, usn -1), its cards generated (card 0 even when no
 * template would make one), and the note type's last deck, the deck's last
 * note type and the current note type remembered in `col.conf`.
 */
import { addCardsForNote } from '../cards/add.ts';
import { cardOrdinalsForNote } from '../cards/generate.ts';
import type { Collection } from '../collection.ts';
import { nextRowId } from '../ids.ts';
import type { Int64 } from '../json.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { canonifyTags } from '../tags/canonify.ts';
import { joinTags } from '../tags/split.ts';
import { derivedColumns, joinFields, normalizeFieldText, normalizesNoteText } from './fields.ts';
import { newNoteGuid } from './guid.ts';

export interface NewNote {
  nt: NotetypeJson;
  /** The deck its cards go to (unless a template overrides it). */
  deckId: number;
  /** Field values in the note type's field order, as given. */
  fields: readonly string[];
  /** Tags as given (each may hold several, space-separated). */
  tags: readonly string[];
}

const INSERT_NOTE =
  "insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')";

const sqlId = (id: Int64): number | string => (typeof id === 'bigint' ? id.toString() : id);

/**
 * Adds notes within one transaction, keeping the `col.conf` changes of all
 * of them in memory and writing them once in finish().
 */
export class NoteAdder {
  private readonly conf: Record<string, unknown>;
  private readonly nfc: boolean;
  private confChanged = false;
  /** The last note id given: later notes of this batch take the next id without a lookup. */
  private lastId = 0;
  /** Canonical tags by the tags given (stable once canonified, as that registers them). */
  private readonly tagCache = new Map<string, string>();

  constructor(private readonly col: Collection) {
    this.conf = col.col.get('conf');
    this.nfc = normalizesNoteText(this.conf);
  }

  /** Inserts the note and its cards; returns the note id. Call inside col.transact(). */
  add(note: NewNote): number {
    const { col } = this;
    const joinedTags = this.canonicalTags(note.tags);
    const fields = note.fields.map((f) => normalizeFieldText(f, this.nfc));
    const { sfld, csum } = derivedColumns(note.nt, fields);
    const id = this.lastId ? Math.max(this.lastId + 1, col.nowMs()) : nextRowId(col.db, 'notes', col.nowMs());
    this.lastId = id;
    col.db.run(INSERT_NOTE, [id, newNoteGuid(), sqlId(note.nt.id), col.nowSecs(), joinedTags, joinFields(fields), sfld, csum]);
    const ords = cardOrdinalsForNote(note.nt, fields, { tags: joinedTags });
    addCardsForNote(col, id, note.nt, ords.length ? ords : [0], note.deckId);
    this.remember(note.nt.id, note.deckId);
    return id;
  }

  /** Writes the remembered `col.conf` changes and bumps the collection's mod. */
  finish(): void {
    if (this.confChanged) this.col.col.save('conf', this.conf, this.col.nowMs());
    else this.col.col.touch(this.col.nowMs());
  }

  /** The stored form of the note's canonified tags. */
  private canonicalTags(given: readonly string[]): string {
    if (!given.length) return '';
    const key = given.join('\x1f');
    let joined = this.tagCache.get(key);
    if (joined === undefined) {
      joined = joinTags(canonifyTags(this.col, given).tags);
      this.tagCache.set(key, joined);
    }
    return joined;
  }

  private remember(ntid: Int64, did: number): void {
    this.set(`_nt_${String(ntid)}_lastDeck`, did);
    this.set(`_deck_${did}_lastNotetype`, ntid);
    this.set('curModel', ntid);
  }

  private set(key: string, value: Int64): void {
    const old = this.conf[key];
    if ((typeof old === 'number' || typeof old === 'bigint') && String(old) === String(value)) return;
    this.conf[key] = value;
    this.confChanged = true;
  }
}

/** Adds one note (and its cards) in its own transaction; returns its id. */
export function addNote(col: Collection, note: NewNote): number {
  return col.transact(() => {
    const adder = new NoteAdder(col);
    const id = adder.add(note);
    adder.finish();
    return id;
  }).result;
}

/** What addNotesOrNone throws when any note could not be added (nothing was). */
export class NotesNotAddedError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
  }
}

/**
 * Adds every item or none, in one transaction. `prepare` turns an item into
 * a note or throws (its message is collected); it sees the notes added
 * before it, so a later duplicate of an earlier item fails. When any item
 * failed, everything is rolled back and NotesNotAddedError lists the
 * messages in item order.
 */
export function addNotesOrNone<T>(col: Collection, items: readonly T[], prepare: (item: T) => NewNote): number[] {
  return col.transact(() => {
    const adder = new NoteAdder(col);
    const ids: number[] = [];
    const errors: string[] = [];
    for (const item of items) {
      try {
        ids.push(adder.add(prepare(item)));
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (errors.length) throw new NotesNotAddedError(errors);
    if (ids.length) adder.finish();
    return ids;
  }).result;
}
