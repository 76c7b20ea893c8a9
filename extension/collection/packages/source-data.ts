/**
 * What an import takes from a package's collection (import_export/gather.rs
 * with scheduling and presets): every note, their cards and review log,
 * their note types, the decks the cards are in (home decks too) with their
 * parents, and those decks' presets. Rows keep the package's ids; the plan
 * maps them onto the target collection.
 */
import type { Database } from 'sql.js';
import type { Clock } from '../clock.ts';
import { Collection } from '../collection.ts';
import { Db } from '../db.ts';
import { nativeDeckName, parentNativeName } from '../decks/names.ts';
import type { DeckConfigJson, DeckJson } from '../decks/types.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { timingAt } from '../scheduler/timing.ts';
import { asNormalDeck, normalizeDeck, normalizeDeckConfig, normalizeNotetype } from './schema11-json.ts';
import { fixInvalidIds, upgradeV1Scheduling } from './source-fixes.ts';

export interface SourceNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  flags: number;
  data: string;
}

import type { CardRow, RevlogRow } from '../schema/rows.ts';
export type { CardRow, RevlogRow };

export interface SourceData {
  notes: SourceNote[];
  cards: CardRow[];
  revlog: RevlogRow[];
  /** The note types of the notes, by id. */
  notetypes: Map<string, NotetypeJson>;
  decks: DeckJson[];
  deckConfigs: DeckConfigJson[];
  /** The package collection's day number (for shifting review due days). */
  daysElapsed: number;
}

export const CARD_COLUMNS = 'id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data';
export const REVLOG_COLUMNS = 'id, cid, usn, ease, ivl, lastIvl, factor, time, type';

/** The decks of the cards (and their home decks), with every parent the package has. */
function gatherDecks(all: Record<string, DeckJson>, cards: readonly CardRow[]): DeckJson[] {
  const ids = new Set<string>();
  for (const c of cards) {
    ids.add(String(c.did));
    if (c.odid) ids.add(String(c.odid));
  }
  const decks = [...ids].flatMap((id) => (all[id] ? [all[id]] : []));
  const byName = new Map(Object.values(all).map((d) => [nativeDeckName(d.name).toLowerCase(), d]));
  const names = new Set(decks.map((d) => nativeDeckName(d.name).toLowerCase()));
  for (const deck of [...decks]) {
    for (let p = parentNativeName(nativeDeckName(deck.name)); p !== null; p = parentNativeName(p)) {
      const key = p.toLowerCase();
      if (names.has(key)) break;
      names.add(key);
      const parent = byName.get(key);
      if (!parent) continue;
      decks.push(parent);
    }
  }
  return decks;
}

/** Cards in filtered decks go home when the package lacks a deck they need (gather.rs). */
function restoreFilteredIfNeeded(cards: CardRow[], decks: DeckJson[]): DeckJson[] {
  const byId = new Map(decks.map((d) => [String(d.id), d]));
  const ok = (c: CardRow) =>
    c.odid === 0 ? byId.get(String(c.did))?.dyn === 0 : c.odid === 1 || byId.has(String(c.odid));
  if (cards.every(ok)) return decks;
  for (const c of cards) {
    if (c.odid === 0) continue;
    if (c.odue !== 0) c.due = c.odue;
    c.odid = 0;
    c.odue = 0;
    if (c.queue >= 0) c.queue = c.type === 1 || c.type === 3 ? (c.due > 1_000_000_000 ? 1 : 3) : c.type === 0 ? 0 : 2;
  }
  return decks.map((d) => (d.dyn ? asNormalDeck(d) : d));
}

function usedNotetypes(models: Record<string, Record<string, unknown>>, notes: readonly SourceNote[]): Map<string, NotetypeJson> {
  const out = new Map<string, NotetypeJson>();
  for (const n of notes) {
    const key = String(n.mid);
    if (!out.has(key) && models[key]) out.set(key, normalizeNotetype(models[key]!));
  }
  return out;
}

function gatherDeckConfigs(all: Record<string, Record<string, unknown>>, decks: readonly DeckJson[]): DeckConfigJson[] {
  const ids = new Set(decks.filter((d) => !d.dyn && d.conf !== undefined).map((d) => String(d.conf)));
  return [...ids].flatMap((id) => (all[id] ? [normalizeDeckConfig(all[id]!)] : []));
}

/** Prepares the package's collection and reads everything an import takes from it. */
export function readSourceData(raw: Database, clock: Clock): SourceData {
  const now = clock.now();
  fixInvalidIds(raw, now);
  const crt = Number(raw.exec('select crt from col')[0]?.values[0]?.[0] ?? 0);
  upgradeV1Scheduling(raw, clock.utcOffsetMinutes(crt * 1000));
  const src = new Collection(new Db(raw), clock);
  const db = src.db;
  const notes = db.query<SourceNote>('select id, guid, mid, mod, tags, flds, flags, data from notes order by id');
  const cards = db.query<CardRow>(`select ${CARD_COLUMNS} from cards where nid in (select id from notes) order by id`);
  const revlog = db.query<RevlogRow>(`select ${REVLOG_COLUMNS} from revlog where cid in (select id from cards) order by id`);
  const allDecks: Record<string, DeckJson> = {};
  for (const [id, d] of Object.entries(src.col.get('decks'))) allDecks[id] = normalizeDeck(d as unknown as Record<string, unknown>);
  const decks = restoreFilteredIfNeeded(cards, gatherDecks(allDecks, cards));
  const models = src.col.get('models') as unknown as Record<string, Record<string, unknown>>;
  return {
    notes,
    cards,
    revlog,
    notetypes: usedNotetypes(models, notes),
    decks,
    deckConfigs: gatherDeckConfigs(src.col.get('dconf') as unknown as Record<string, Record<string, unknown>>, decks),
    daysElapsed: timingAt(src).daysElapsed,
  };
}
