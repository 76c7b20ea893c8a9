/**
 * A package's cards and review log with their scheduling kept
 * (apkg/import/cards.rs): a card comes along when its note was imported
 * (added, updated or a duplicate) and the note lacks a card of that
 * template; it moves to the mapped deck, its day-number due dates shift by
 * the difference between the two collections' days, and a taken id becomes
 * id+999 until free. A review log row comes with its card, unless its id is
 * taken (it is then the same review, imported before).
 */
import type { Db } from '../db.ts';
import type { Int64 } from '../json.ts';
import type { DeckPlan } from './import-decks.ts';
import type { NotePlan } from './import-notes.ts';
import type { CardRow, RevlogRow } from './source-data.ts';

const QUEUE_REVIEW = 2;
const QUEUE_DAY_LEARN = 3;
const TYPE_REVIEW = 2;
const BATCH = 500;

export interface CardPlan {
  cards: CardRow[];
  revlog: RevlogRow[];
}

/** Deck ids may be bigint in JSON; card rows hold numbers. */
const asNumber = (id: Int64) => Number(id);

export class CardPlanner {
  readonly plan: CardPlan = { cards: [], revlog: [] };
  private readonly existing = new Set<string>();
  private readonly takenCardIds = new Set<number>();
  private readonly takenRevlogIds = new Set<number>();
  private readonly cardMap = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly notes: NotePlan,
    private readonly decks: DeckPlan,
    /** Package day number minus collection day number. */
    private readonly delta: number,
  ) {
    const matched = [...notes.matched];
    for (let i = 0; i < matched.length; i += BATCH) {
      const batch = matched.slice(i, i + BATCH);
      const rows = db.rows(`select nid, ord from cards where nid in (${batch.map(() => '?').join(',')})`, batch);
      for (const [nid, ord] of rows) this.existing.add(`${String(nid)}:${String(ord)}`);
    }
  }

  private freeCardId(id: number): number {
    let out = id;
    while (this.takenCardIds.has(out) || this.db.scalar('select 1 from cards where id = ?', [out]) !== undefined) out += 999;
    this.takenCardIds.add(out);
    return out;
  }

  /** The collection deck for a package deck; a deck the package lacks means Default (`fallback` for home decks). */
  private deck(id: number, fallback: number): number {
    const mapped = this.decks.map.get(String(id));
    return mapped === undefined ? fallback : asNumber(mapped);
  }

  planCard(source: CardRow): void {
    const nid = this.notes.idMap.get(source.nid);
    if (nid === undefined) return;
    const key = `${nid}:${source.ord}`;
    if (this.existing.has(key)) return;
    const card: CardRow = { ...source, nid, usn: -1, did: this.deck(source.did, 1), odid: source.odid ? this.deck(source.odid, source.odid) : 0 };
    if (card.queue === QUEUE_REVIEW || card.queue === QUEUE_DAY_LEARN || card.type === TYPE_REVIEW) card.due -= this.delta;
    if (card.type === TYPE_REVIEW && card.odue !== 0) card.odue -= this.delta;
    card.id = this.freeCardId(source.id);
    this.cardMap.set(source.id, card.id);
    this.plan.cards.push(card);
  }

  planRevlog(source: RevlogRow): void {
    const cid = this.cardMap.get(source.cid);
    if (cid === undefined) return;
    if (this.takenRevlogIds.has(source.id) || this.db.scalar('select 1 from revlog where id = ?', [source.id]) !== undefined) return;
    this.takenRevlogIds.add(source.id);
    this.plan.revlog.push({ ...source, cid, usn: -1 });
  }
}
