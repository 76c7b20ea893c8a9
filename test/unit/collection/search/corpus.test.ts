/**
 * The search corpus: queries over a fixed seeded collection
 * (test/helpers/search-seed.ts) with their expected note or card ids,
 * written by hand from Anki's search rules (anki-formats.md §4 and
 * rslib/src/search/{parser,sqlwriter}.rs), not from our implementation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findCardIds, findNoteIds } from '../../../../extension/collection/search/index.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../../../../extension/collection/notes/text.ts';
import {
  ALL_CARD_IDS,
  ALL_NOTE_IDS,
  buildSearchSeed,
  checksum,
  CUT,
  DECK,
  NOW,
  SEED_CARDS,
  SEED_NOTES,
  TODAY,
  type SearchSeed,
} from '../../../helpers/search-seed.ts';
import { COMBO_ROWS } from './corpus-combos.ts';
import { DECK_ROWS, DEFAULT_DECK_CARDS, JAPANESE_VOCAB } from './corpus-decks.ts';
import { ERROR_QUERIES } from './corpus-errors.ts';
import { FIELD_ROWS } from './corpus-fields.ts';
import type { Mode, Row } from './corpus-rows.ts';
import { SCHED_ROWS } from './corpus-sched.ts';
import { TEXT_ROWS } from './corpus-text.ts';

const ROWS: readonly Row[] = [...TEXT_ROWS, ...FIELD_ROWS, ...DECK_ROWS, ...SCHED_ROWS, ...COMBO_ROWS];

let seed: SearchSeed;
let col: Collection;

beforeAll(async () => {
  seed = await buildSearchSeed();
  col = seed.col;
});

const sorted = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

function search(query: string, mode: Mode): number[] {
  return mode === 'cards' ? findCardIds(col, query) : findNoteIds(col, query);
}

describe('search seed', () => {
  it('knows its day: TODAY 99 and the next rollover from crt and the clock', () => {
    expect(seed.today).toBe(TODAY);
    expect(seed.cut).toBe(CUT);
    expect(CUT - NOW).toBe(16 * 3600);
    expect(col.col.scalars().crt).toBe(CUT - (TODAY + 1) * 86_400);
  });

  it('holds every note and card with distinct ids', () => {
    expect(col.db.scalar('select count(*) from notes')).toBe(48);
    expect(col.db.scalar('select count(*) from cards')).toBe(57);
    expect(new Set(ALL_NOTE_IDS).size).toBe(SEED_NOTES.length);
    expect(new Set(ALL_CARD_IDS).size).toBe(SEED_CARDS.length);
    expect(col.db.scalar('select count(*) from cards where nid not in (select id from notes)')).toBe(0);
    expect(col.db.column('select id from notes where id not in (select nid from cards)')).toEqual([1048]);
  });

  it('has cards in every queue and type', () => {
    const rows = col.db.rows('select queue, type, count(*) from cards group by queue, type order by queue, type');
    expect(rows).toEqual([
      [-3, 0, 1],
      [-2, 2, 1],
      [-1, 0, 1],
      [-1, 2, 1],
      [0, 0, 39],
      [1, 1, 3],
      [1, 3, 1],
      [2, 2, 8],
      [3, 1, 2],
    ]);
    expect(col.db.column('select id from cards where odid != 0 order by id')).toEqual([2291, 2301, 2450]);
    expect(col.db.scalar('select count(*) from revlog')).toBe(29);
  });

  it('writes due values relative to TODAY and NOW', () => {
    const due = (id: number) => col.db.scalar('select due from cards where id = ?', [id]);
    expect(due(2010)).toBe(TODAY - 5);
    expect(due(2080)).toBe(TODAY);
    expect(due(2060)).toBe(NOW - 600);
    expect(col.db.scalar('select odue from cards where id = 2291')).toBe(TODAY + 5);
  });

  it('keeps sfld and csum as Anki computes them', () => {
    expect(checksum('hello')).toBe(2868168221);
    const notes = col.db.query<{ id: number; flds: string; sfld: string | number; csum: number; mid: number }>(
      'select id, flds, sfld, csum, mid from notes',
    );
    for (const n of notes) {
      const fields = n.flds.split('\x1f');
      const sortIdx = n.id === 1029 || n.id === 1030 ? 1 : 0;
      expect(n.csum, `csum of ${n.id}`).toBe(fieldChecksum(stripHtmlPreservingMediaFilenames(fields[0]!)));
      expect(String(n.sfld), `sfld of ${n.id}`).toBe(stripHtmlPreservingMediaFilenames(fields[sortIdx]!));
    }
    expect(col.db.scalar('select typeof(sfld) from notes where id = 1027')).toBe('integer');
  });

  it('has the decks, the second preset, the filtered deck and the current deck', () => {
    const decks = col.col.get('decks');
    expect(decks[String(DECK.JapaneseVocabN5)]?.name).toBe('Japanese::Vocab::N5');
    expect(decks[String(DECK.Espanol)]?.name).toBe('Español');
    expect(decks[String(DECK.Filtered)]?.dyn).toBe(1);
    expect(decks[String(DECK.French)]?.conf).toBe(2);
    expect(col.col.get('dconf')['2']?.name).toBe('Intensive');
    expect(col.col.get('conf')['curDeck']).toBe(DECK.French);
  });
});

describe('search corpus', () => {
  it('has at least 200 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
  });

  it.each(ROWS.map((r) => [r[0], r[1], r[2]] as const))('%j (%s)', (query, mode, expected) => {
    expect(sorted(search(query, mode))).toEqual(sorted(expected));
  });
});

describe('deck:current follows conf.curDeck', () => {
  function setCurrentDeck(target: Collection, did: number): void {
    target.transact(() => {
      const conf = target.col.get('conf');
      conf['curDeck'] = did;
      target.col.save('conf', conf, target.nowMs());
    });
  }

  it('names another deck after conf.curDeck changes, and Default when it names no deck', async () => {
    const own = (await buildSearchSeed()).col;
    setCurrentDeck(own, DECK.JapaneseVocab);
    expect(sorted(findCardIds(own, 'deck:current'))).toEqual(sorted(JAPANESE_VOCAB));
    setCurrentDeck(own, 999);
    expect(sorted(findCardIds(own, 'deck:current'))).toEqual(sorted(DEFAULT_DECK_CARDS));
  });
});

describe('malformed queries', () => {
  it.each(ERROR_QUERIES.map((q) => [q] as const))('%j throws', (query) => {
    let message: string | null = null;
    try {
      findCardIds(col, query);
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message, `no error for ${JSON.stringify(query)}`).not.toBeNull();
    expect(message!.length).toBeGreaterThan(0);
  });
});
