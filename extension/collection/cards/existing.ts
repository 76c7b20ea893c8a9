/**
 * The cards a note already has, as card generation needs them
 * (storage/notetype/existing_cards.sql and cardgen.rs
 * `extract_data_from_existing_cards`).
 */
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';

export interface ExistingCard {
  nid: number;
  ord: number;
  /** The home deck (`odid` for a card in a filtered deck). */
  deckId: number;
  /** The new-card position (for a new card), else null. */
  positionIfNew: number | null;
}

export interface ExtractedCardInfo {
  /** The position of the first new card: new siblings share it. */
  due: number | null;
  /** The deck all existing cards are in, when they are all in one. */
  deckId: number | null;
  ords: Set<number>;
}

const EXISTING_COLUMNS = `select nid, ord, (case odid when 0 then did else odid end) as deckId,
  (case type when 0 then (case odue when 0 then max(0, due) else max(odue, 0) end) else null end) as positionIfNew
  from cards`;

/** Binds a 64-bit id without losing digits. */
export function sqlId(id: Int64): number | string {
  return typeof id === 'bigint' ? id.toString() : id;
}

export function existingCardsForNote(col: Collection, nid: number): ExistingCard[] {
  return col.db.query<ExistingCard>(`${EXISTING_COLUMNS} where nid = ? order by id`, [nid]);
}

/** Every card of every note of a note type, grouped by note (notes in id order). */
export function existingCardsForNotetype(col: Collection, ntid: Int64): Map<number, ExistingCard[]> {
  const rows = col.db.query<ExistingCard>(
    `${EXISTING_COLUMNS} where nid in (select id from notes where mid = ?) order by nid, id`,
    [sqlId(ntid)],
  );
  const byNote = new Map<number, ExistingCard[]>();
  for (const row of rows) {
    const list = byNote.get(row.nid);
    if (list) list.push(row);
    else byNote.set(row.nid, [row]);
  }
  return byNote;
}

export function extractCardInfo(cards: readonly ExistingCard[]): ExtractedCardInfo {
  const decks = new Set(cards.map((c) => c.deckId));
  const firstNew = cards.find((c) => c.positionIfNew !== null);
  return {
    due: firstNew ? firstNew.positionIfNew : null,
    deckId: decks.size === 1 ? [...decks][0]! : null,
    ords: new Set(cards.map((c) => c.ord)),
  };
}
