/**
 * What the SQL writer needs to know about the collection, as a narrow
 * interface (names → ids, field indexes, timing, a checksum lookup for
 * `dupe:`), and its implementation over a Collection's `col` JSON.
 * Schema 11 has no decks/notetypes/templates tables, so Anki's subqueries
 * over them become id lists resolved here.
 */
import type { Collection } from '../collection.ts';
import { NATIVE_SEPARATOR } from '../decks/names.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { timingAt, learnAheadSecs } from '../scheduler/timing.ts';

export interface FieldInfo {
  name: string;
  ord: number;
  excludeFromSearch: boolean;
}

export interface NotetypeInfo {
  /** Decimal id. */
  id: string;
  name: string;
  cloze: boolean;
  sortIdx: number;
  /** In field order. */
  fields: FieldInfo[];
  templates: { name: string; ord: number }[];
}

export interface DeckInfo {
  id: string;
  /** Native name: components joined by \x1f. */
  name: string;
  /** The preset of a normal deck; null for a filtered deck. */
  presetId: string | null;
  filtered: boolean;
}

export interface SearchTiming {
  /** Today's day number (days since the collection was created). */
  today: number;
  /** Epoch seconds of the next day rollover. */
  nextDayAt: number;
  /** Epoch seconds now. */
  now: number;
}

export interface SearchLookup {
  /** Every note type, by ascending id. */
  notetypes(): readonly NotetypeInfo[];
  decks(): readonly DeckInfo[];
  presets(): readonly { id: string; name: string }[];
  /** `conf.curDeck` (what `deck:current` means). */
  currentDeckId(): string;
  timing(): SearchTiming;
  /** `conf.collapseTime`: learning cards due within this many seconds count as due. */
  learnAheadSecs(): number;
  /** `conf.normalize_note_text` (default true): search text is NFC-normalised. */
  normalizeText(): boolean;
  /** `conf.ignoreAccentsInSearch`: unqualified text ignores combining marks. */
  ignoreAccents(): boolean;
  /** Notes of a note type with the given first-field checksum: ids and first fields (for `dupe:`). */
  notesByChecksum(notetypeId: string, csum: number): { id: number; firstField: string }[];
  /** For query plans: the cards whose `did` is one of these decks, counted up to `limit`. */
  cardsInDecks?(deckIds: readonly string[], limit: number): number;
  /** For query plans: all cards. */
  cardCount?(): number;
}

const byId = (a: { id: string }, b: { id: string }) => {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A lookup over the collection; each part is read once, when first needed. */
export function collectionLookup(col: Collection): SearchLookup {
  const once = <T>(f: () => T): (() => T) => {
    let v: { value: T } | null = null;
    return () => (v ??= { value: f() }).value;
  };
  const conf = () => col.col.get('conf');
  return {
    notetypes: once(() => Object.values(col.col.get('models')).map(notetypeInfo).sort(byId)),
    decks: once(() =>
      Object.values(col.col.get('decks')).map((d) => ({
        id: String(d.id),
        name: d.name.split('::').join(NATIVE_SEPARATOR),
        presetId: d.dyn ? null : String(d.conf ?? 1),
        filtered: Boolean(d.dyn),
      })),
    ),
    presets: once(() => Object.values(col.col.get('dconf')).map((p) => ({ id: String(p.id), name: p.name })).sort(byId)),
    currentDeckId: () => String(conf().curDeck ?? 1),
    timing: once(() => {
      const t = timingAt(col);
      return { today: t.daysElapsed, nextDayAt: t.nextDayAt, now: t.now };
    }),
    learnAheadSecs: () => learnAheadSecs(col),
    normalizeText: () => conf().normalize_note_text !== false,
    ignoreAccents: () => conf().ignoreAccentsInSearch === true,
    notesByChecksum: (notetypeId, csum) =>
      col.db
        .rows('select id, flds from notes where csum = ? and mid = ?', [csum, notetypeId])
        .map(([id, flds]) => ({ id: id as number, firstField: String(flds ?? '').split('\x1f')[0]! })),
    // Both counts read an index only (ix_cards_sched; the smallest), not the cards.
    cardsInDecks: (deckIds, limit) => {
      const capped = Number.isFinite(limit) ? ` limit ${Math.floor(limit)}` : '';
      const sql = `select count() from (select 1 from cards where did in (${deckIds.join(',')})${capped})`;
      return Number(col.db.raw.exec(sql)[0]!.values[0]![0]);
    },
    cardCount: once(() => Number(col.db.scalar('select count() from cards'))),
  };
}

function notetypeInfo(nt: NotetypeJson): NotetypeInfo {
  return {
    id: String(nt.id),
    name: nt.name,
    cloze: nt.type === 1,
    sortIdx: nt.sortf ?? 0,
    fields: nt.flds.map((f, i) => ({ name: f.name, ord: typeof f.ord === 'number' ? f.ord : i, excludeFromSearch: f.excludeFromSearch === true })),
    templates: nt.tmpls.map((t, i) => ({ name: t.name, ord: typeof t.ord === 'number' ? t.ord : i })),
  };
}
