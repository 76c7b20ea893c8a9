/**
 * Where and at which position new cards go (cardgen.rs `add_generated_cards`,
 * `deck_for_adding`, `due_for_deck`).
 */
import type { Collection } from '../collection.ts';
import { DEFAULT_DECK_ID } from '../decks/defaults.ts';
import type { Int64 } from '../json.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { randomPosition } from './random-position.ts';

export interface DeckForAdding {
  did: number;
  /** Its preset id. */
  confId: string;
}

/** `new.order` of a preset that inserts new cards at random positions. */
const NEW_CARDS_RANDOM = 0;

/**
 * The wanted deck when it exists and is a normal deck, else the Default deck
 * (also when the wanted deck is filtered or was deleted).
 */
export function deckForAdding(col: Collection, wanted: number | null): DeckForAdding {
  const decks = col.col.get('decks');
  for (const did of wanted === null ? [DEFAULT_DECK_ID] : [wanted, DEFAULT_DECK_ID]) {
    const deck = decks[String(did)];
    if (deck && !deck.dyn) return { did, confId: String(deck.conf ?? 1) };
  }
  throw new Error('invalid default deck');
}

/** A template's deck override (`did` > 0), if it has one. */
export function templateDeckOverride(nt: NotetypeJson, ord: number): number | null {
  const did: Int64 | null | undefined = nt.tmpls[ord]?.did;
  if (typeof did === 'bigint') return did > 0n ? Number(did) : null;
  return typeof did === 'number' && Number.isInteger(did) && did > 0 ? did : null;
}

/** `conf.nextPos` (0 when missing or not a u32), advanced by one and saved. */
export function takeNextPosition(col: Collection): number {
  const conf = col.col.get('conf');
  const raw = conf['nextPos'];
  const pos = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 0xffffffff ? raw : 0;
  conf['nextPos'] = (pos + 1) >>> 0;
  col.col.save('conf', conf, col.nowMs());
  return pos;
}

function insertsRandomly(col: Collection, confId: string): boolean {
  const dconf = col.col.get('dconf');
  const preset = dconf[confId] ?? dconf['1'];
  return preset?.new?.order === NEW_CARDS_RANDOM;
}

/**
 * New-card positions for one note: the collection's next position is taken
 * once, when the first card needs it, and shared by all the note's cards;
 * a deck whose preset inserts at random gets Anki's random position for it.
 */
export class NotePositions {
  private position: number | null = null;

  constructor(private readonly col: Collection) {}

  /** True once a position was taken (and `col.conf`, with `col.mod`, saved). */
  get savedConf(): boolean {
    return this.position !== null;
  }

  dueFor(deck: DeckForAdding): number {
    this.position ??= takeNextPosition(this.col);
    return insertsRandomly(this.col, deck.confId) ? randomPosition(this.position) : this.position;
  }
}
