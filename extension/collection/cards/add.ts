/**
 * Adding the cards of a note (cardgen.rs): new cards for a new note, and the
 * cards a note lacks after its fields, its tags or its note type's templates
 * changed. New cards: type 0, queue 0, due = a position shared by the note's
 * new cards, data "{}", usn -1, mod now; ids epoch ms, bumped on collision.
 */
import type { Collection } from '../collection.ts';
import { nextRowId } from '../ids.ts';
import { NotetypeKind, type NotetypeJson } from '../notetypes/types.ts';
import { cardOrdinalsForNote } from './generate.ts';
import {
  existingCardsForNote,
  existingCardsForNotetype,
  extractCardInfo,
  sqlId,
  type ExistingCard,
} from './existing.ts';
import { deckForAdding, NotePositions, templateDeckOverride } from './placement.ts';

/** A card to create: its deck (before the fallback) and due (null: take a new position). */
interface CardToAdd {
  ord: number;
  did: number | null;
  due: number | null;
}

const INSERT_CARD =
  'insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) ' +
  "values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '{}')";

function insertCards(col: Collection, nid: number, cards: readonly CardToAdd[], targetDeckId: number | null): number[] {
  const positions = new NotePositions(col);
  const ids: number[] = [];
  for (const card of cards) {
    const deck = deckForAdding(col, card.did ?? targetDeckId);
    const due = card.due ?? positions.dueFor(deck);
    const id = nextRowId(col.db, 'cards', col.nowMs());
    col.db.run(INSERT_CARD, [id, nid, deck.did, card.ord, col.nowSecs(), due]);
    ids.push(id);
  }
  if (ids.length && !positions.savedConf) col.col.touch(col.nowMs());
  return ids;
}

function isCloze(nt: NotetypeJson): boolean {
  return nt.type === NotetypeKind.Cloze;
}

/**
 * Inserts cards with these ordinals for a note just added, in `deckId`
 * (or a standard template's own deck when it names an existing normal deck;
 * a deck that is missing or filtered gives the Default deck). Returns the
 * new card ids, in the order of `ords`.
 */
export function addCardsForNote(col: Collection, noteId: number, nt: NotetypeJson, ords: readonly number[], deckId: number): number[] {
  const cards = ords.map((ord) => ({ ord, did: isCloze(nt) ? null : templateDeckOverride(nt, ord), due: null }));
  return col.transact(() => insertCards(col, noteId, cards, deckId)).result;
}

/** The cards a note with these existing cards should gain (cardgen.rs `new_cards_required`). */
function missingCards(nt: NotetypeJson, flds: string, tags: string, existing: readonly ExistingCard[]): CardToAdd[] {
  const info = extractCardInfo(existing);
  const wanted = cardOrdinalsForNote(nt, flds.split('\x1f'), { tags }).filter((ord) => !info.ords.has(ord));
  const cards = wanted.map((ord) => ({
    ord,
    did: (isCloze(nt) ? null : templateDeckOverride(nt, ord)) ?? info.deckId,
    due: info.due,
  }));
  // A note left with no cards at all gets card 0, as a new note does.
  if (info.ords.size === 0 && cards.length === 0) return [{ ord: 0, did: info.deckId, due: info.due }];
  return cards;
}

interface NoteText {
  flds: string;
  tags: string;
}

function noteText(col: Collection, nid: number, nt: NotetypeJson): NoteText | undefined {
  return col.db.get<NoteText>('select flds, tags from notes where id = ? and mid = ?', [nid, sqlId(nt.id)]);
}

/** The deck the note type was last used with (`_nt_<id>_lastDeck`), if any. */
function lastDeckForNotetype(col: Collection, nt: NotetypeJson): number | null {
  const value = col.col.get('conf')[`_nt_${String(nt.id)}_lastDeck`];
  return typeof value === 'number' ? value : null;
}

/** After notes were edited: each listed note of this type gains the cards it now lacks. */
function generateForNotes(col: Collection, nt: NotetypeJson, noteIds: readonly number[]): number {
  const target = lastDeckForNotetype(col, nt);
  let added = 0;
  for (const nid of new Set(noteIds)) {
    const note = noteText(col, nid, nt);
    if (!note) continue;
    const cards = missingCards(nt, note.flds, note.tags, existingCardsForNote(col, nid));
    added += insertCards(col, nid, cards, target).length;
  }
  return added;
}

/** After the note type's templates changed: every note of the type that has cards. */
function generateForNotetype(col: Collection, nt: NotetypeJson): number {
  let added = 0;
  for (const [nid, existing] of existingCardsForNotetype(col, nt.id)) {
    // A standard note with one card per template lacks nothing.
    if (!isCloze(nt) && existing.length === nt.tmpls.length) continue;
    const note = noteText(col, nid, nt);
    if (!note) continue;
    added += insertCards(col, nid, missingCards(nt, note.flds, note.tags, existing), null).length;
  }
  return added;
}

/**
 * Creates the cards that notes of this type now render but do not have
 * (after a template was added, or fields or tags edited). A new card goes
 * to its template's deck override, else the deck all the note's cards are
 * in, else (for listed notes) the deck last used with the note type, else
 * the Default deck; it shares the position of the note's new cards if it has
 * any. With `noteIds`, only those notes (of this type); without, every note
 * of the type that has cards. Returns how many cards were created.
 */
export function generateMissingCards(col: Collection, nt: NotetypeJson, noteIds?: readonly number[]): number {
  return col.transact(() => (noteIds ? generateForNotes(col, nt, noteIds) : generateForNotetype(col, nt))).result;
}
