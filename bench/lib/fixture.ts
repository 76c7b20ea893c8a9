/**
 * Fixture collections for the bench: a new schema-11 collection (as the
 * engine creates one) holding `notes` notes, three in four Basic (Japanese
 * or English vocabulary) and one in four Cloze (1–3 deletions, one card
 * each), over 20 decks with children and 200 tags with a hierarchy, the
 * cards in varied scheduling states. Inserted with raw SQL in one
 * transaction (a fixture, not a product path; no journal is recorded).
 *
 * Content comes from one seeded stream, note after note, so the N-note
 * fixture holds the same first N notes whatever the size: the 10,000-note
 * collection is the first tenth of the 100,000-note one.
 */
import type { SqlJsStatic } from 'sql.js';
import type { Clock } from '../../extension/collection/clock.ts';
import type { Collection } from '../../extension/collection/collection.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { getOrCreateDeck } from '../../extension/collection/decks/add.ts';
import { notetypeByName } from '../../extension/collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../../extension/collection/notetypes/types.ts';
import { today } from '../../extension/collection/scheduler/timing.ts';
import { canonifyTags } from '../../extension/collection/tags/canonify.ts';
import { insertFixtureNotes, type FixtureSample } from './fixture-insert.ts';
import { FIXTURE_DECKS, FIXTURE_TAGS } from './fixture-layout.ts';

export type { FixtureSample } from './fixture-insert.ts';

export interface Fixture {
  notes: number;
  basicNotes: number;
  clozeNotes: number;
  cards: number;
  decks: number;
  /** Every 20th Basic note: its id, Front and the deck of its card. */
  samples: FixtureSample[];
  /** The SQLite file, as the extension stores its snapshot. */
  bytes: Uint8Array;
  buildMs: number;
}

/** How far back the fixture's `crt` lies: review cards then have positive day numbers. */
const AGE_DAYS = 400;
const DAY_SECS = 86_400;

function notetype(col: Collection, name: string): NotetypeJson {
  const nt = notetypeByName(col, name);
  if (!nt) throw new Error(`fixture: no ${name} note type`);
  return nt;
}

/** Creates the decks and registers the tags; returns the deck ids in FIXTURE_DECKS order. */
function prepare(col: Collection, notes: number): number[] {
  const deckIds = FIXTURE_DECKS.map((name) => getOrCreateDeck(col, name));
  col.transact(() => {
    canonifyTags(col, [...FIXTURE_TAGS], true);
    const conf = col.col.get('conf');
    conf.nextPos = notes + 1;
    col.col.save('conf', conf, col.nowMs());
  });
  return deckIds;
}

/** Builds the fixture and returns its bytes (the collection itself is closed). */
export function buildFixture(SQL: SqlJsStatic, clock: Clock, notes: number): Fixture {
  const start = performance.now();
  const col = createCollection(SQL, clock);
  try {
    const deckIds = prepare(col, notes);
    // Backdate the collection by AGE_DAYS (whole local days: today moves by exactly that).
    const crt = col.col.scalars().crt;
    const clockNow = { today: today(col) + AGE_DAYS, nowSecs: col.nowSecs() };
    const inserted = insertFixtureNotes(col, { count: notes, deckIds, basic: notetype(col, 'Basic'), cloze: notetype(col, 'Cloze'), clock: clockNow });
    col.db.raw.run('update col set crt = ?', [crt - AGE_DAYS * DAY_SECS]);
    const bytes = col.export();
    const decks = Object.keys(col.col.get('decks')).length;
    return { notes, ...inserted, decks, bytes, buildMs: performance.now() - start };
  } finally {
    col.close();
  }
}
