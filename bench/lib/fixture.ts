/**
 * Fixture collections for the bench: a new schema-11 collection (as the
 * engine creates one) holding `notes` Basic notes with one new card each,
 * spread over ten decks, inserted with raw SQL in one transaction (a
 * fixture, not a product path; no journal is recorded).
 */
import { createHash } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import type { Clock } from '../../extension/collection/clock.ts';
import type { Collection } from '../../extension/collection/collection.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { getOrCreateDeck } from '../../extension/collection/decks/add.ts';
import { notetypeByName } from '../../extension/collection/notetypes/lookup.ts';
import { canonifyTags } from '../../extension/collection/tags/canonify.ts';
import { joinTags } from '../../extension/collection/tags/split.ts';
import { FIXTURE_TAGS, noteContent, seededRandom } from './fixture-content.ts';

export interface Fixture {
  notes: number;
  cards: number;
  decks: number;
  /** The SQLite file, as the extension stores its snapshot. */
  bytes: Uint8Array;
  buildMs: number;
}

const FIXTURE_DECKS = 10;
const GUID_DIGITS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** csum: the first 8 hex digits of sha1 of the (already plain-text) first field. */
function checksum(firstField: string): number {
  return createHash('sha1').update(firstField, 'utf8').digest().readUInt32BE(0);
}

function guid(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += GUID_DIGITS[Math.floor(rand() * GUID_DIGITS.length)];
  return s;
}

function fixtureDecks(col: Collection): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= FIXTURE_DECKS; i++) ids.push(getOrCreateDeck(col, `Japanese::Vocabulary ${String(i).padStart(2, '0')}`));
  return ids;
}

function insertNotes(col: Collection, count: number, deckIds: readonly number[]): void {
  const basic = notetypeByName(col, 'Basic');
  if (!basic) throw new Error('fixture: no Basic note type');
  const rand = seededRandom(20260310);
  const nowMs = col.nowMs();
  const mod = col.nowSecs();
  const noteBase = nowMs - 3 * count;
  const cardBase = nowMs - 2 * count;
  const raw = col.db.raw;
  // Connection settings only (not stored in the file): keep every page in
  // memory until the commit instead of spilling and rewriting them.
  raw.run('pragma cache_size = -262144');
  raw.run('pragma journal_mode = memory');
  const note = raw.prepare('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, \'\')');
  const card = raw.prepare('insert into cards values (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, \'\')');
  raw.run('BEGIN');
  try {
    for (let i = 0; i < count; i++) {
      const c = noteContent(rand, i);
      const nid = noteBase + i;
      note.run([nid, guid(rand), Number(basic.id), mod, joinTags(c.tags), `${c.front}\x1f${c.back}`, c.front, checksum(c.front)]);
      card.run([cardBase + i, nid, deckIds[i % deckIds.length]!, mod, i + 1]);
    }
    raw.run('COMMIT');
  } catch (e) {
    raw.run('ROLLBACK');
    throw e;
  } finally {
    note.free();
    card.free();
  }
}

/** Builds the fixture and returns its bytes (the collection itself is closed). */
export function buildFixture(SQL: SqlJsStatic, clock: Clock, notes: number): Fixture {
  const start = performance.now();
  const col = createCollection(SQL, clock);
  try {
    const deckIds = notes > 0 ? fixtureDecks(col) : [];
    col.transact(() => {
      canonifyTags(col, FIXTURE_TAGS, true);
      const conf = col.col.get('conf');
      conf.nextPos = notes + 1;
      col.col.save('conf', conf, col.nowMs());
    });
    if (notes > 0) insertNotes(col, notes, deckIds);
    const bytes = col.export();
    const decks = Object.keys(col.col.get('decks')).length;
    return { notes, cards: notes, decks, bytes, buildMs: performance.now() - start };
  } finally {
    col.close();
  }
}
