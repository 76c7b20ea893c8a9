/**
 * Inserting the fixture's notes and cards with raw SQL in one transaction:
 * `sfld`/`csum` derived by the engine's own rules, tags joined as Anki
 * stores them, one card per Basic note and per cloze deletion.
 */
import type { Collection } from '../../extension/collection/collection.ts';
import { derivedColumns, joinFields, normalizeFieldText } from '../../extension/collection/notes/fields.ts';
import type { NotetypeJson } from '../../extension/collection/notetypes/types.ts';
import { joinTags } from '../../extension/collection/tags/split.ts';
import { clozeContent } from './fixture-cloze.ts';
import { englishBasic, japaneseBasic, seededRandom } from './fixture-content.ts';
import { FIXTURE_DECKS, pickDeck, pickTags } from './fixture-layout.ts';
import { cardState, type SchedulingClock } from './fixture-scheduling.ts';

export interface FixtureSample {
  nid: number;
  front: string;
  /** The deck of the note's card (a FIXTURE_DECKS name). */
  deck: string;
}

export interface InsertPlan {
  count: number;
  /** Ids of FIXTURE_DECKS, in order. */
  deckIds: readonly number[];
  basic: NotetypeJson;
  cloze: NotetypeJson;
  clock: SchedulingClock;
}

export interface Inserted {
  basicNotes: number;
  clozeNotes: number;
  cards: number;
  samples: FixtureSample[];
}

const SEED = 20260310;
const CLOZE_SHARE = 0.25;
const ENGLISH_SHARE = 0.3;
const SAMPLE_EVERY = 20;
const GUID_DIGITS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

function guid(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += GUID_DIGITS[Math.floor(rand() * GUID_DIGITS.length)];
  return s;
}

interface NoteDraft {
  nt: NotetypeJson;
  fields: string[];
  cards: number;
}

function draftNote(rand: () => number, index: number, plan: InsertPlan): NoteDraft {
  if (rand() < CLOZE_SHARE) {
    const c = clozeContent(rand);
    return { nt: plan.cloze, fields: [c.text, c.backExtra], cards: c.clozes };
  }
  const c = rand() < ENGLISH_SHARE ? englishBasic(rand) : japaneseBasic(rand, index);
  return { nt: plan.basic, fields: [c.front, c.back], cards: 1 };
}

/** Inserts plan.count notes and their cards; call on a collection outside any transaction. */
export function insertFixtureNotes(col: Collection, plan: InsertPlan): Inserted {
  const rand = seededRandom(SEED);
  const mod = plan.clock.nowSecs;
  const noteBase = col.nowMs() - 4 * plan.count;
  let cardId = noteBase + plan.count;
  const out: Inserted = { basicNotes: 0, clozeNotes: 0, cards: 0, samples: [] };
  const raw = col.db.raw;
  // Connection settings only (not stored in the file): keep every page in
  // memory until the commit instead of spilling and rewriting them.
  raw.run('pragma cache_size = -524288');
  raw.run('pragma journal_mode = memory');
  const note = raw.prepare("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
  const card = raw.prepare("insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '')");
  raw.run('BEGIN');
  try {
    for (let i = 0; i < plan.count; i++) {
      const nid = noteBase + i;
      const draft = draftNote(rand, i, plan);
      const fields = draft.fields.map((f) => normalizeFieldText(f));
      const { sfld, csum } = derivedColumns(draft.nt, fields);
      const deck = pickDeck(rand);
      note.run([nid, guid(rand), Number(draft.nt.id), mod, joinTags(pickTags(rand)), joinFields(fields), sfld, csum]);
      for (let ord = 0; ord < draft.cards; ord++) {
        const s = cardState(rand, plan.clock, i + 1);
        card.run([cardId++, nid, plan.deckIds[deck]!, ord, mod, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses, s.left]);
      }
      out.cards += draft.cards;
      if (draft.nt === plan.cloze) out.clozeNotes++;
      else if (out.basicNotes++ % SAMPLE_EVERY === 0) out.samples.push({ nid, front: fields[0]!, deck: FIXTURE_DECKS[deck]! });
    }
    raw.run('COMMIT');
  } catch (e) {
    raw.run('ROLLBACK');
    throw e;
  } finally {
    note.free();
    card.free();
  }
  return out;
}
