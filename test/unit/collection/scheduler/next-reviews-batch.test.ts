/**
 * nextReviewLabeller (cardsInfo's batch): for every kind of card the same
 * labels as nextReviewLabels gives one card at a time — new, intraday and
 * interday learning at various steps, review (due, overdue, not yet due),
 * relearning, suspended and buried, in filtered decks (rescheduling and
 * preview), under a second preset with other steps — with SM-2 and with
 * FSRS (memory stored or rebuilt from the log, last review stored or read
 * from the log, short-term steps on); and under FSRS the log is read in one
 * go, not card by card.
 */
import { describe, expect, it, vi } from 'vitest';
import { cardsById, type Card } from '../../../../extension/collection/cards/row.ts';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newDeckConfigJson } from '../../../../extension/collection/decks/defaults.ts';
import { nextReviewLabeller, nextReviewLabels } from '../../../../extension/collection/scheduler/next-reviews.ts';
import { timingAt } from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertNoteWithCards, type CardRowInput } from '../../../helpers/rows.ts';

const DAY_MS = 86_400_000;
const PRESET_ID = 1_700_000_000_555;
const RESCHED_DECK = 1_700_000_000_777;
const PREVIEW_DECK = 1_700_000_000_888;

function addFiltered(col: Collection, id: number, resched: boolean): void {
  const decks = col.col.get('decks');
  decks[String(id)] = {
    ...decks['1']!, id, name: `Filtered ${id}`, dyn: 1, resched, terms: [['deck:Default', 100, 0]],
    previewAgainSecs: 60, previewHardSecs: 600, previewGoodSecs: 0,
  };
  delete decks[String(id)]!.conf;
  col.col.save('decks', decks, col.nowMs());
}

/** A deck under a second preset: other learning and relearning steps, other multipliers. */
function addPresetDeck(col: Collection): number {
  const did = getOrCreateDeck(col, 'Other steps');
  col.transact(() => {
    const preset = newDeckConfigJson(PRESET_ID, 'Other', 0, 0);
    preset.new.delays = [2, 20, 60, 1440];
    preset.lapse.delays = [5, 30];
    preset.rev.ease4 = 1.5;
    preset.rev.hardFactor = 1.1;
    const dconf = col.col.get('dconf');
    dconf[String(PRESET_ID)] = preset;
    col.col.save('dconf', dconf, col.nowMs());
    const decks = col.col.get('decks');
    decks[String(did)]!.conf = PRESET_ID;
    col.col.save('decks', decks, col.nowMs());
  });
  return did;
}

let revlogSerial = 0;

function addRevlog(col: Collection, cid: number, entries: [ease: number, ivl: number, type: number, factor: number, daysAgo: number][]): void {
  col.transact(() => {
    for (const [ease, ivl, type, factor, daysAgo] of entries) {
      col.db.run('insert into revlog values (?, ?, -1, ?, ?, 0, ?, 5000, ?)', [col.nowMs() - daysAgo * DAY_MS + ++revlogSerial, cid, ease, ivl, factor, type]);
    }
  });
}

/** A collection 30 days old with cards of every kind; returns them as cardsById reads them. */
async function cardsOfEveryKind(): Promise<{ col: Collection; cards: Card[] }> {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(30 * DAY_MS);
  const { daysElapsed: today, now } = timingAt(col);
  col.transact(() => {
    addFiltered(col, RESCHED_DECK, true);
    addFiltered(col, PREVIEW_DECK, false);
  });
  const other = addPresetDeck(col);
  const lrt = now - 5 * 86_400;
  const kinds: Omit<CardRowInput, 'nid'>[] = [
    { type: 0, queue: 0, due: 1 },
    { type: 0, queue: 0, due: 7, did: other },
    { type: 1, queue: 1, due: now + 60, left: 2 },
    { type: 1, queue: 1, due: now - 300, left: 1, did: other },
    { type: 1, queue: 1, due: now + 600, left: 3, did: other },
    { type: 1, queue: 3, due: today, left: 1, did: other },
    { type: 2, queue: 2, due: today, ivl: 10, factor: 2500, reps: 5 },
    { type: 2, queue: 2, due: today - 20, ivl: 40, factor: 2300, reps: 9, lapses: 1 },
    { type: 2, queue: 2, due: today + 3, ivl: 7, factor: 2650, reps: 4, did: other },
    { type: 2, queue: 2, due: today, ivl: 300, factor: 1300, reps: 20, lapses: 6 },
    { type: 3, queue: 1, due: now + 120, ivl: 3, factor: 2100, left: 1, lapses: 2 },
    { type: 3, queue: 1, due: now + 120, ivl: 15, factor: 2100, left: 2, lapses: 1, did: other },
    { type: 2, queue: -1, due: today + 2, ivl: 12, factor: 2500 },
    { type: 1, queue: -2, due: now, left: 2 },
    { type: 2, queue: -3, due: today - 1, ivl: 5, factor: 2500 },
    { type: 2, queue: 2, due: -100_000, odue: today - 2, odid: 1, did: RESCHED_DECK, ivl: 10, factor: 2500 },
    { type: 0, queue: 0, due: -100_000, odue: 4, odid: other, did: RESCHED_DECK },
    { type: 2, queue: 4, due: now, odue: today + 5, odid: 1, did: PREVIEW_DECK, ivl: 20, factor: 2500 },
    { type: 2, queue: 2, due: today, ivl: 25, factor: 2500, reps: 6, data: `{"s":30.5,"d":4.2,"lrt":${lrt}}` },
    { type: 2, queue: 2, due: today - 4, ivl: 9, factor: 2500, reps: 3, data: '{"s":8.1,"d":7.7}' },
    { type: 1, queue: 1, due: now + 30, left: 1, data: `{"lrt":${now - 600}}` },
    { type: 2, queue: 2, due: today + 1, ivl: 11, factor: 2500, reps: 2, data: '{"pos":3}' },
  ];
  const cids = kinds.flatMap((card, i) => insertNoteWithCards(col, { fields: [`front ${i}`, 'back'] }, [card]).cids);
  // Logs for the cards without a memory state: answers, a manual entry, a reset.
  for (const cid of cids.slice(6, 12)) addRevlog(col, cid, [[3, -600, 0, 0, 40], [3, 4, 1, 2500, 30], [1, -600, 1, 2500, 12], [0, 0, 4, 0, 8], [3, 6, 2, 2300, 6]]);
  addRevlog(col, cids[19]!, [[3, 5, 1, 2500, 9], [4, 9, 1, 2500, 4]]);
  addRevlog(col, cids[21]!, [[2, 1, 1, 2500, 3], [0, 1, 3, 0, 1]]);
  const read = cardsById(col, cids);
  return { col, cards: cids.map((cid) => read.get(cid)!) };
}

function setConf(col: Collection, values: Record<string, unknown>): void {
  col.transact(() => {
    Object.assign(col.col.get('conf'), values);
    col.col.save('conf', col.col.get('conf'), col.nowMs());
  });
}

function expectSameAsOneByOne(col: Collection, cards: readonly Card[]): string[][] {
  const label = nextReviewLabeller(col, cards);
  const batch = cards.map((card) => label(card));
  cards.forEach((card, i) => expect(batch[i], `card #${i}`).toEqual(nextReviewLabels(col, card.id)));
  return batch;
}

describe('nextReviewLabeller', () => {
  it('gives each card the labels nextReviewLabels gives it, under SM-2', async () => {
    const { col, cards } = await cardsOfEveryKind();
    const labels = expectSameAsOneByOne(col, cards);
    // The cards really differ: a comparison among identical labels would prove little.
    expect(new Set(labels.map((l) => l.join(' '))).size).toBeGreaterThan(10);
  });

  it('gives the same labels under FSRS, memory stored or rebuilt from the log', async () => {
    const { col, cards } = await cardsOfEveryKind();
    const sm2 = nextReviewLabeller(col, cards)(cards[7]!);
    setConf(col, { fsrs: true });
    const labels = expectSameAsOneByOne(col, cards);
    expect(labels[7]).not.toEqual(sm2);
  });

  it('gives the same labels under FSRS with short-term steps', async () => {
    const { col, cards } = await cardsOfEveryKind();
    setConf(col, { fsrs: true, fsrsShortTermWithStepsEnabled: true });
    expectSameAsOneByOne(col, cards);
  });

  it('follows the options it is given, for every card', async () => {
    const { col, cards } = await cardsOfEveryKind();
    const opts = { nowMs: col.nowMs() + 3 * 3_600_000, fuzzFactor: null };
    const label = nextReviewLabeller(col, cards, opts);
    for (const card of cards) expect(label(card)).toEqual(nextReviewLabels(col, card.id, opts));
  });

  it('labels a card it was not told about, reading its log then', async () => {
    const { col, cards } = await cardsOfEveryKind();
    setConf(col, { fsrs: true });
    const label = nextReviewLabeller(col, []);
    for (const card of cards) expect(label(card)).toEqual(nextReviewLabels(col, card.id));
  });

  it('under FSRS reads the log once for all cards, not per card', async () => {
    const { col, cards } = await cardsOfEveryKind();
    setConf(col, { fsrs: true });
    const query = vi.spyOn(col.db, 'query');
    const scalar = vi.spyOn(col.db, 'scalar');
    const label = nextReviewLabeller(col, cards);
    for (const card of cards) label(card);
    const perCard = [...query.mock.calls, ...scalar.mock.calls].filter(([sql]) => /from revlog where cid = \?/.test(sql));
    expect(perCard).toEqual([]);
    expect(query.mock.calls.filter(([sql]) => /from revlog where cid in/.test(sql))).toHaveLength(1);
  });

  it('writes nothing', async () => {
    const { col, cards } = await cardsOfEveryKind();
    setConf(col, { fsrs: true });
    const before = col.db.rows('select * from cards');
    const mod = col.col.scalars().mod;
    const label = nextReviewLabeller(col, cards);
    for (const card of cards) label(card);
    expect(col.db.rows('select * from cards')).toEqual(before);
    expect(col.col.scalars().mod).toBe(mod);
  });
});
