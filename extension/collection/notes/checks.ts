/**
 * Whether a note may be added: Anki's `note_fields_check` (empty first
 * field, cloze problems, duplicates of the same note type), and the
 * duplicate search by checksum within decks or across note types that
 * AnkiConnect does itself for its `duplicateScope` options.
 */
import type { Collection } from '../collection.ts';
import { foldName } from '../decks/names.ts';
import type { Int64 } from '../json.ts';
import { NotetypeKind, type NotetypeJson } from '../notetypes/types.ts';
import { parseClozes } from '../render/cloze-parse.ts';
import { clozeFieldsReferenced, parseTemplate } from '../render/template-parse.ts';
import { normalizesNoteText } from './fields.ts';
import { deckIdsOfNote, firstField } from './rows.ts';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from './text.ts';

/** Anki's NoteFieldsState (the numbers pylib's `dupeOrEmpty` returns). */
export const enum FieldsState {
  Normal = 0,
  Empty = 1,
  Duplicate = 2,
  MissingCloze = 3,
  NotetypeNotCloze = 4,
  FieldNotCloze = 5,
}

/** Rust's `str::trim` whitespace (the White_Space property). */
const RUST_BLANK = /^[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;
/** Python's `str.strip` whitespace (`str.isspace`), which adds \x1c-\x1f. */
const PYTHON_BLANK = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

const sqlId = (id: Int64): number | string => (typeof id === 'bigint' ? id.toString() : id);

/** Whether the text has a cloze deletion numbered above 0 at its top level (cloze.rs `contains_cloze`). */
export function containsCloze(text: string): boolean {
  if (!text.includes('{{')) return false;
  return parseClozes(text).some((node) => node.type === 'cloze' && node.ordinals.some((n) => n !== 0));
}

/** The ordinals of the fields the first template's question passes through `cloze:`. */
function clozeFieldOrds(nt: NotetypeJson): Set<number> {
  const qfmt = nt.tmpls[0]?.qfmt;
  if (qfmt === undefined) return new Set();
  let names: string[];
  try {
    names = clozeFieldsReferenced(parseTemplate(qfmt));
  } catch {
    return new Set();
  }
  const ords = new Set<number>();
  for (const name of names) {
    const ord = nt.flds.findIndex((f) => f.name === name);
    if (ord >= 0) ords.add(ord);
  }
  return ords;
}

/** cloze.rs `field_cloze_check`: clozes where they do not belong, or none in a cloze note. */
function clozeState(nt: NotetypeJson, fields: readonly string[]): FieldsState {
  const cloze = nt.type === NotetypeKind.Cloze;
  const allowed = cloze ? clozeFieldOrds(nt) : new Set<number>();
  let hasCloze = false;
  for (let i = 0; i < fields.length; i++) {
    if (!containsCloze(fields[i]!)) continue;
    if (!cloze) return FieldsState.NotetypeNotCloze;
    if (!allowed.has(i)) return FieldsState.FieldNotCloze;
    hasCloze = true;
  }
  return cloze && !hasCloze ? FieldsState.MissingCloze : FieldsState.Normal;
}

/**
 * Anki's `note_fields_check` for a note of type `nt` with these fields as
 * given (before they are cleaned for saving). `noteId` is 0 for a new note.
 * A duplicate has the same note type, the same checksum and the same
 * stripped first field; the lookup uses the `csum` index.
 */
export function fieldsCheck(col: Collection, nt: NotetypeJson, fields: readonly string[], noteId = 0): FieldsState {
  const cloze = clozeState(nt, fields);
  if (cloze === FieldsState.FieldNotCloze) return cloze;
  if (fields.length === 0) return FieldsState.Empty;
  const field1 = normalizesNoteText(col.col.get('conf')) ? fields[0]!.normalize('NFC') : fields[0]!;
  const stripped = stripHtmlPreservingMediaFilenames(field1);
  if (RUST_BLANK.test(stripped)) return FieldsState.Empty;
  if (cloze !== FieldsState.Normal) return cloze;
  const rows = col.db.rows('select id, flds from notes where csum = ? and mid = ?', [fieldChecksum(stripped), sqlId(nt.id)]);
  const duplicate = rows.some(([id, flds]) => id !== noteId && stripHtmlPreservingMediaFilenames(firstField(String(flds))) === stripped);
  return duplicate ? FieldsState.Duplicate : FieldsState.Normal;
}

export interface DuplicateScope {
  /** Only notes with a card in one of these decks count; null: the whole collection. */
  deckIds: ReadonlySet<number> | null;
  /** Notes of every type count, not only of `notetypeId`. */
  allNotetypes: boolean;
}

/**
 * AnkiConnect's own duplicate check (`isNoteDuplicateOrEmptyInScope`, used
 * for deck scope or `checkAllModels`): Empty when the raw first field is
 * blank to Python's `strip()`; Duplicate when another note has the same
 * checksum (the text itself is not compared), of the same type unless
 * `allNotetypes`, with a card in one of the decks if any are given.
 */
export function scopedDuplicateState(
  col: Collection,
  notetypeId: Int64,
  rawFirstField: string,
  scope: DuplicateScope,
  noteId = 0,
): FieldsState.Normal | FieldsState.Empty | FieldsState.Duplicate {
  if (PYTHON_BLANK.test(rawFirstField)) return FieldsState.Empty;
  let sql = 'select id from notes where csum = ?';
  const args: (number | string)[] = [fieldChecksum(stripHtmlPreservingMediaFilenames(rawFirstField))];
  if (noteId) (sql += ' and id != ?'), args.push(noteId);
  if (!scope.allNotetypes) (sql += ' and mid = ?'), args.push(sqlId(notetypeId));
  for (const nid of col.db.column<number>(sql, args)) {
    if (scope.deckIds === null) return FieldsState.Duplicate;
    if (deckIdsOfNote(col, nid).some((did) => scope.deckIds!.has(did))) return FieldsState.Duplicate;
  }
  return FieldsState.Normal;
}

/** A deck's id with the ids of all decks below it (names compared case-insensitively). */
export function deckAndDescendantIds(col: Collection, did: number): Set<number> {
  const decks = col.col.get('decks');
  const ids = new Set<number>([did]);
  const self = decks[String(did)];
  if (!self) return ids;
  const prefix = foldName(self.name) + '::';
  for (const deck of Object.values(decks)) {
    if (foldName(deck.name).startsWith(prefix)) ids.add(Number(deck.id));
  }
  return ids;
}
