/**
 * A fixed, seeded collection for the search corpus
 * (test/unit/collection/search/corpus.test.ts). Everything is inserted with
 * explicit ids, directly by SQL and through the `col` JSON, so the corpus
 * depends on no action code.
 *
 * Time (UTC, offset 0, rollover hour 4, anki-formats.md §6):
 * - the collection is created at 2025-12-01 12:00, so crt = 2025-12-01 04:00;
 * - "now" is 2026-03-10 12:00 (TEST_NOW), so TODAY = 99 days since crt and
 *   CUT (next_day_at, the next rollover) = 2026-03-11 04:00.
 * - "day d" means d rollovers ago: day 0 = [CUT-1d, CUT), day 1 = the day before…
 * Day-based dues are written relative to TODAY, learning dues relative to NOW.
 *
 * Ids: note N = 1001…1048 (cards 2000 + 10·(N−1000) + ord), except three cards
 * whose ids are epoch ms on known days (for added:); note 1048 has no card.
 * Decks 1-90, presets 1-2.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import type { Collection } from '../../extension/collection/collection.ts';
import { fixedClock } from '../../extension/collection/clock.ts';
import { newDeckConfigJson, newDeckJson } from '../../extension/collection/decks/defaults.ts';
import type { DeckJson } from '../../extension/collection/decks/types.ts';
import { newField, newNotetype, newTemplate } from '../../extension/collection/notetypes/stock.ts';
import type { NotetypeJson } from '../../extension/collection/notetypes/types.ts';
import { newCollection, TEST_NOW } from './builders.ts';

export const DAY = 86_400;
export const CREATED_MS = Date.UTC(2025, 11, 1, 12, 0, 0);
export const NOW_MS = TEST_NOW;
export const NOW = NOW_MS / 1000;
/** Expected day number of NOW (checked against crt in buildSearchSeed). */
export const TODAY = 99;
/** Next rollover after NOW, epoch seconds: 2026-03-11 04:00 UTC. */
export const CUT = Date.UTC(2026, 2, 11, 4, 0, 0) / 1000;

/** Epoch seconds `hour` hours after the rollover that began day `d` (0 = today). */
export function atDay(d: number, hour: number): number {
  return CUT - (d + 1) * DAY + hour * 3600;
}

/** Cards whose ids are creation times (ms): added today, 1 day ago, 6 days ago. */
export const CID_ADDED_TODAY = atDay(0, 3) * 1000;
export const CID_ADDED_DAY1 = atDay(1, 5) * 1000;
export const CID_ADDED_DAY6 = atDay(6, 5) * 1000;

/** Deck ids used by name in the tests. */
export const DECK = { Default: 1, JapaneseVocab: 11, JapaneseVocabN5: 13, French: 20, Espanol: 40, Filtered: 50 } as const;

/** Normal decks: [id, human name, preset id] (preset 2 = "Intensive"); the filtered deck is 50. */
const DECKS: readonly [number, string, number][] = [
  [10, 'Japanese', 1],
  [11, 'Japanese::Vocab', 2],
  [12, 'Japanese::Grammar', 1],
  [13, 'Japanese::Vocab::N5', 2],
  [20, 'French', 2],
  [21, 'French::Verbs', 1],
  [30, 'My Deck', 1],
  [40, 'Español', 1],
  [60, 'Languages', 1],
  [61, 'Languages::French', 1],
  [70, 'Frenchy', 1],
  [80, 'x_y', 1],
  [81, 'xzy', 1],
  [90, 'Kanji (JLPT)', 1],
];
export const INTENSIVE_PRESET_ID = 2;
export const FILTERED_DECK_NAME = 'Filtered Deck 1';
/** conf.curDeck, so `deck:current` = French and its children. */
export const CURRENT_DECK = DECK.French;

/** The custom note type: Expression, Reading, Meaning, Notes (excluded from search); sort field Reading. */
export const VOCAB_MID = 1_700_000_000_001;

export type NotetypeKey = 'basic' | 'reversed' | 'optional' | 'typing' | 'cloze' | 'io' | 'vocab';

const STOCK_NAMES: Record<Exclude<NotetypeKey, 'vocab'>, string> = {
  basic: 'Basic',
  reversed: 'Basic (and reversed card)',
  optional: 'Basic (optional reversed card)',
  typing: 'Basic (type in the answer)',
  cloze: 'Cloze',
  io: 'Image Occlusion',
};

/** Stock note type ids: created in table order with consecutive ids from CREATED_MS. */
export const MID: Record<NotetypeKey, number> = {
  basic: CREATED_MS,
  reversed: CREATED_MS + 1,
  optional: CREATED_MS + 2,
  typing: CREATED_MS + 3,
  cloze: CREATED_MS + 4,
  io: CREATED_MS + 5,
  vocab: VOCAB_MID,
};

/** A due value: a new-card position, a day relative to TODAY, seconds relative to NOW, or a raw number. */
export type Due = { pos: number } | { day: number } | { secs: number } | { raw: number };

export interface SeedNote {
  id: number;
  nt: NotetypeKey;
  fields: string[];
  /** Space-separated, as written between the stored `" … "`. */
  tags: string;
  /** Day of the last edit (note `mod`); undefined = at creation, long ago. */
  modDay?: number;
}

export interface SeedCard {
  id: number;
  nid: number;
  ord: number;
  did: number;
  type: number;
  queue: number;
  due: Due;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  odue?: Due;
  odid: number;
  flags: number;
}

const note = (id: number, nt: NotetypeKey, fields: string[], tags = '', modDay?: number): SeedNote =>
  modDay === undefined ? { id, nt, fields, tags } : { id, nt, fields, tags, modDay };

const OCCLUSIONS =
  '{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}' +
  '{{c2::image-occlusion:rect:left=.5:top=.2:width=.3:height=.4:oi=1}}';

export const SEED_NOTES: readonly SeedNote[] = [
  note(1001, 'basic', ['dog', 'cat'], 'animal_1 monkey', 3),
  note(1002, 'basic', ['goats are fun', 'sheep'], 'animal11 goat sheep'),
  note(1003, 'basic', ['cat', 'sheep'], 'conjunção größte'),
  note(1004, 'reversed', ['hello<b>world</b>', 'abc'], 'lang::en'),
  note(1005, 'reversed', ['xyz', 'hello<b>world</b>']),
  note(1006, 'optional', ['ongoing', 'en cours', 'y'], 'lang::fr'),
  note(1007, 'optional', ['to eat', 'manger', ''], 'lang::fr::verbs Verb'),
  note(1008, 'typing', ['capital of France', 'Paris'], 'geo'),
  note(1009, 'cloze', ['{{c1::Tokyo}} is the capital of {{c2::Japan}}', ''], 'geo lang::ja'),
  note(1010, 'cloze', ['{{c1::mn}}{{c2::e}}monic and {{c3::more}}', 'extra info'], 'IMPORTANT'),
  note(1011, 'io', [OCCLUSIONS, '<img src="map.png">', 'Map of Europe', '', ''], 'geo'),
  note(1012, 'basic', ['Tom &amp; Jerry', '&lt;tag&gt; &nbsp;spaced'], 'Cartoon'),
  note(1013, 'basic', ['école', 'school'], 'école'),
  note(1014, 'basic', ['ÉCOLE', 'big school']),
  note(1015, 'basic', ['über', 'heißen'], 'de'),
  note(1016, 'basic', ['ばか', ''], 'lang::ja'),
  note(1017, 'basic', ['dog', 'chien'], 'lang::fr'),
  note(1018, 'basic', ['<b>dog</b>', 'perro'], 'es'),
  note(1019, 'reversed', ['dog', 'Hund'], 'de'),
  note(1020, 'basic', ['3:30', 'time']),
  note(1021, 'basic', ['say "hi"', 'quote']),
  note(1022, 'basic', ['a_b', 'a*b']),
  note(1023, 'basic', ['axb', 'acb']),
  note(1024, 'basic', ['guilt-free', 'cruelty-free']),
  note(1025, 'basic', ['(text)', 'parens']),
  note(1026, 'basic', ['', 'abc2']),
  note(1027, 'basic', ['42', 'number']),
  note(1028, 'basic', ['100', '1000 apples'], '100%'),
  note(1029, 'vocab', ['食べる', 'たべる', 'to eat', 'secretword'], 'lang::ja::vocab'),
  note(1030, 'vocab', ['飲む', 'のむ', 'to drink', ''], 'lang::ja::vocab N5'),
  note(1031, 'basic', ['食べる', 'to eat'], 'lang::ja'),
  note(1032, 'basic', ['食べる', 'manger (ja)']),
  note(1033, 'basic', ['Kanji', '漢字'], 'kanji lang::ja'),
  note(1034, 'basic', ['spaced deck', 'x']),
  note(1035, 'basic', ['hola', 'hello']),
  note(1036, 'basic', ['bonjour', 'hello']),
  note(1037, 'basic', ['frenchy', 'x']),
  note(1038, 'basic', ['deck x_y', 'x']),
  note(1039, 'basic', ['deck xzy', 'x']),
  note(1040, 'basic', ['the underdog barked', 'woof'], 'leech'),
  note(1041, 'basic', ['some thing', 'another big thing'], 'marked'),
  note(1042, 'basic', ['fresh today', 'new'], '', 0),
  note(1043, 'basic', ['fresh yesterday', 'new'], '', 1),
  note(1044, 'basic', ['fresh week', 'new']),
  note(1045, 'basic', ['verbe', 'verb'], 'lang::fr::verbs'),
  note(1046, 'basic', ['doggy bag', 'sac']),
  note(1047, 'basic', ['C:\\temp', 'path']),
  // a note without cards: a notes-only search reads the notes table alone and finds it
  note(1048, 'basic', ['orphan note', 'no cards'], 'orphan'),
];

const card = (id: number, nid: number, ord: number, did: number, rest: Partial<SeedCard> & { due: Due }): SeedCard => ({
  id, nid, ord, did, type: 0, queue: 0, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, odid: 0, flags: 0, ...rest,
});
/** A new card at position `pos`. */
const nw = (id: number, nid: number, ord: number, did: number, pos: number, x: Partial<SeedCard> = {}): SeedCard =>
  card(id, nid, ord, did, { due: { pos }, ...x });
/** A review card due `day` days from TODAY. */
const rv = (id: number, nid: number, ord: number, did: number, day: number, ivl: number, factor: number, reps: number, lapses: number, x: Partial<SeedCard> = {}): SeedCard =>
  card(id, nid, ord, did, { type: 2, queue: 2, due: { day }, ivl, factor, reps, lapses, ...x });
/** A (re)learning card in queue 1, due `secs` from NOW. */
const lrn = (id: number, nid: number, ord: number, did: number, secs: number, reps: number, left: number, x: Partial<SeedCard> = {}): SeedCard =>
  card(id, nid, ord, did, { type: 1, queue: 1, due: { secs }, reps, left, ...x });

export const SEED_CARDS: readonly SeedCard[] = [
  rv(2010, 1001, 0, 1, -5, 10, 2500, 8, 0, { flags: 1 }),
  rv(2020, 1002, 0, 1, 0, 3, 2300, 4, 1),
  rv(2030, 1003, 0, 1, 1, 21, 2800, 12, 0, { flags: 2 }),
  nw(2040, 1004, 0, 10, 1),
  nw(2041, 1004, 1, 10, 2, { flags: 3 }),
  rv(2050, 1005, 0, 12, 10, 60, 1300, 30, 8, { flags: 4 }),
  rv(2051, 1005, 1, 12, -2, 5, 2500, 6, 2, { queue: -1 }), // suspended review
  lrn(2060, 1006, 0, 20, -600, 1, 2, { flags: 5 }),
  lrn(2061, 1006, 1, 20, 600, 1, 1),
  lrn(2070, 1007, 0, 21, -30 * 3600, 1, 1, { flags: 6 }), // a step missed yesterday
  card(2080, 1008, 0, 20, { type: 1, queue: 3, due: { day: 0 }, reps: 2, left: 1, flags: 7 }), // interday learning
  card(2090, 1009, 0, 10, { type: 1, queue: 3, due: { day: 1 }, reps: 1, left: 1 }),
  lrn(2091, 1009, 1, 10, 300, 9, 1, { type: 3, ivl: 4, factor: 2100, lapses: 3 }), // relearning
  rv(2100, 1010, 0, 10, 3, 15, 2500, 7, 0, { queue: -2 }), // buried sibling
  nw(2101, 1010, 1, 10, 3, { queue: -3 }), // buried manually
  nw(2102, 1010, 2, 10, 4),
  nw(2110, 1011, 0, 1, 5),
  nw(2111, 1011, 1, 1, 6),
  nw(2120, 1012, 0, 30, 8),
  nw(2130, 1013, 0, 40, 9, { flags: 10 }), // bit 3 set: flag 2
  nw(2140, 1014, 0, 40, 10, { queue: -1 }), // suspended new
  nw(2150, 1015, 0, 1, 11),
  nw(2160, 1016, 0, 11, 12),
  rv(2170, 1017, 0, 20, -1, 1, 2500, 2, 0),
  nw(2180, 1018, 0, 40, 13),
  nw(2190, 1019, 0, 1, 14),
  nw(2191, 1019, 1, 1, 15),
  ...[1020, 1021, 1022, 1023, 1024, 1025, 1026, 1027, 1028].map((nid, i) => nw(2000 + (nid - 1000) * 10, nid, 0, 1, 16 + i)),
  rv(2290, 1029, 0, 11, 30, 100, 2500, 15, 0),
  // in the filtered deck: due = -100000 + position, home due in odue, home deck in odid
  rv(2291, 1029, 1, 50, 0, 7, 2500, 5, 0, { due: { raw: -99_999 }, odue: { day: 5 }, odid: 11 }),
  nw(2300, 1030, 0, 13, 25),
  nw(2301, 1030, 1, 50, 0, { due: { raw: -99_998 }, odue: { pos: 26 }, odid: 13 }),
  nw(2310, 1031, 0, 10, 28),
  nw(2320, 1032, 0, 20, 29),
  nw(2330, 1033, 0, 90, 30),
  nw(2340, 1034, 0, 30, 31),
  nw(2350, 1035, 0, 40, 32),
  nw(2360, 1036, 0, 61, 33),
  nw(2370, 1037, 0, 70, 34),
  nw(2380, 1038, 0, 80, 35),
  nw(2390, 1039, 0, 81, 36),
  rv(2400, 1040, 0, 1, -3, 2, 2500, 3, 0),
  nw(2410, 1041, 0, 1, 37),
  nw(CID_ADDED_TODAY, 1042, 0, 1, 38),
  nw(CID_ADDED_DAY1, 1043, 0, 1, 39),
  nw(CID_ADDED_DAY6, 1044, 0, 1, 40),
  nw(2450, 1045, 0, 50, 0, { due: { raw: -99_997 }, odue: { pos: 27 }, odid: 21 }),
  nw(2460, 1046, 0, 1, 41),
  nw(2470, 1047, 0, 1, 42),
];

/** Answers: [card id, day (0 = today), ease (0 = manual reschedule)], each at 2 h after that day's rollover. */
export const SEED_REVLOG: readonly [number, number, number][] = [
  [2010, 45, 3], [2010, 6, 3],
  [2020, 20, 3], [2020, 10, 1], [2020, 0, 3],
  [2030, 30, 3], [2030, 0, 4],
  [2050, 90, 3], [2050, 25, 1], [2050, 14, 3],
  [2051, 40, 3], [2051, 20, 1],
  [2060, 0, 1],
  [2061, 0, 3],
  [2070, 1, 3],
  [2080, 3, 3], [2080, 1, 2],
  [2090, 2, 3],
  [2091, 8, 3], [2091, 0, 1],
  [2100, 12, 3], [2100, 4, 4],
  [2170, 60, 0], [2170, 2, 3],
  [2290, 50, 3], [2290, 0, 0],
  [2291, 7, 3],
  [2400, 9, 3], [2400, 0, 2],
];

export const ALL_NOTE_IDS: readonly number[] = SEED_NOTES.map((n) => n.id);
export const ALL_CARD_IDS: readonly number[] = SEED_CARDS.map((c) => c.id);

export interface SearchSeed {
  col: Collection;
  /** Day number computed from crt and the clock (must equal TODAY). */
  today: number;
  /** Next rollover computed from the clock (must equal CUT). */
  cut: number;
}

/** Builds the seeded collection. Throws if the clock arithmetic disagrees with TODAY/CUT. */
export async function buildSearchSeed(): Promise<SearchSeed> {
  const clock = fixedClock(CREATED_MS);
  const col = await newCollection(clock);
  clock.set(NOW_MS);
  const crt = col.col.scalars().crt;
  // offset 0, rollover 4 and crt at 4 am: TODAY = whole days since crt.
  const today = Math.floor((NOW - crt) / DAY);
  const cut = crt + (today + 1) * DAY;
  if (today !== TODAY || cut !== CUT) throw new Error(`seed clock: today=${today} cut=${cut}`);
  col.transact(() => {
    checkStockIds(col);
    writeJson(col);
    insertNotes(col);
    insertCards(col, today);
    insertRevlog(col);
  });
  return { col, today, cut };
}

function checkStockIds(col: Collection): void {
  const models = col.col.get('models');
  for (const [key, name] of Object.entries(STOCK_NAMES)) {
    const nt = models[String(MID[key as NotetypeKey])];
    if (!nt || nt.name !== name) throw new Error(`seed: stock note type ${name} is not ${MID[key as NotetypeKey]}`);
  }
}

function vocabNotetype(): NotetypeJson {
  const flds = ['Expression', 'Reading', 'Meaning', 'Notes'].map((name, ord) => newField(name, ord));
  flds[3]!.excludeFromSearch = true;
  const tmpls = [
    newTemplate('Recognition', 0, '{{Expression}}', '{{FrontSide}}<hr id=answer>{{Reading}}<br>{{Meaning}}'),
    newTemplate('Recall', 1, '{{Meaning}}', '{{FrontSide}}<hr id=answer>{{Expression}}'),
  ];
  const nt = newNotetype(VOCAB_MID, 'Japanese Vocab', 0, flds, tmpls, '.card {}\n', [
    [0, 'any', [0]],
    [1, 'any', [2]],
  ]);
  return { ...nt, sortf: 1 };
}

function filteredDeckJson(): DeckJson {
  const base = newDeckJson(DECK.Filtered, FILTERED_DECK_NAME, 0, 0);
  delete base.conf;
  return {
    ...base,
    dyn: 1,
    resched: true,
    terms: [['is:due', 100, 0]],
    separate: true,
    delays: null,
    previewDelay: 10,
    previewAgainSecs: 60,
    previewHardSecs: 600,
    previewGoodSecs: 0,
  };
}

function writeJson(col: Collection): void {
  const models = col.col.get('models');
  models[String(VOCAB_MID)] = vocabNotetype();
  col.col.save('models', models, NOW_MS);

  const decks = col.col.get('decks');
  for (const [id, name, preset] of DECKS) decks[String(id)] = { ...newDeckJson(id, name, 0, 0), conf: preset };
  decks[String(DECK.Filtered)] = filteredDeckJson();
  col.col.save('decks', decks, NOW_MS);

  const dconf = col.col.get('dconf');
  dconf[String(INTENSIVE_PRESET_ID)] = newDeckConfigJson(INTENSIVE_PRESET_ID, 'Intensive', 0, 0);
  col.col.save('dconf', dconf, NOW_MS);

  const tags = col.col.get('tags');
  for (const n of SEED_NOTES) for (const t of n.tags.split(' ').filter(Boolean)) tags[t] = -1;
  col.col.save('tags', tags, NOW_MS);

  const conf = col.col.get('conf');
  conf['curDeck'] = CURRENT_DECK;
  col.col.save('conf', conf, NOW_MS);
}

/**
 * The seed's own HTML stripping, enough for its content: tags removed, the
 * entities it uses decoded (&nbsp; becomes a space, as Anki's sfld/csum do).
 */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** First 4 bytes of sha1 as a big-endian u32 (anki-formats.md §3). */
export function checksum(stripped: string): number {
  const d = sha1(new TextEncoder().encode(stripped));
  return ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
}

function insertNotes(col: Collection): void {
  const oldMod = Math.floor(CREATED_MS / 1000);
  for (const n of SEED_NOTES) {
    const sortIdx = n.nt === 'vocab' ? 1 : 0;
    const tags = n.tags ? ` ${n.tags} ` : '';
    const mod = n.modDay === undefined ? oldMod : atDay(n.modDay, 2);
    col.db.run('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)', [
      n.id,
      `seed${n.id}`,
      MID[n.nt],
      mod,
      tags,
      n.fields.join('\x1f'),
      plainText(n.fields[sortIdx]!),
      checksum(plainText(n.fields[0]!)),
      '',
    ]);
  }
}

function dueValue(due: Due, today: number): number {
  if ('pos' in due) return due.pos;
  if ('day' in due) return today + due.day;
  if ('secs' in due) return NOW + due.secs;
  return due.raw;
}

function insertCards(col: Collection, today: number): void {
  const mod = Math.floor(CREATED_MS / 1000);
  for (const c of SEED_CARDS) {
    col.db.run('insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      c.id,
      c.nid,
      c.did,
      c.ord,
      mod,
      c.type,
      c.queue,
      dueValue(c.due, today),
      c.ivl,
      c.factor,
      c.reps,
      c.lapses,
      c.left,
      c.odue === undefined ? 0 : dueValue(c.odue, today),
      c.odid,
      c.flags,
      '{}',
    ]);
  }
}

function insertRevlog(col: Collection): void {
  SEED_REVLOG.forEach(([cid, day, ease], i) => {
    const type = ease === 0 ? 4 : 1;
    col.db.run('insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)', [
      atDay(day, 2) * 1000 + i,
      cid,
      ease,
      ease === 0 ? 0 : 1,
      0,
      ease === 0 ? 0 : 2500,
      ease === 0 ? 0 : 6000,
      type,
    ]);
  });
}
