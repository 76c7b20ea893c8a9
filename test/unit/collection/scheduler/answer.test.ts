/**
 * Answering cards in a collection (SM-2): for each starting state and each
 * button, the card row and the review-log row that result, computed from
 * the formulas of anki-formats.md §6 with the seeded fuzz checked against
 * its range; leeches, sibling burying, deck counts, filtered decks, the
 * answer-time cap, and answers around the day's rollover.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { answerCard } from '../../../../extension/collection/scheduler/answer.ts';
import { constrainedFuzzBounds, fuzzBounds } from '../../../../extension/collection/scheduler/fuzz.ts';
import { timingAt } from '../../../../extension/collection/scheduler/timing.ts';
import type { RatingValue } from '../../../../extension/collection/scheduler/states/types.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, insertNoteWithCards, noteRow, type CardRowInput } from '../../../helpers/rows.ts';
import type { RevlogRow } from '../../../../extension/collection/schema/rows.ts';

const DAY_MS = 86_400_000;

async function collectionAtDay(day = 30, offsetMinutes = 0) {
  const clock = fixedClock(TEST_NOW, offsetMinutes);
  const col = await newCollection(clock);
  clock.advance(day * DAY_MS);
  return { col, clock, today: timingAt(col).daysElapsed, now: col.nowSecs() };
}

function addCard(col: Collection, card: Omit<CardRowInput, 'nid'>): number {
  return insertNoteWithCards(col, {}, [card]).cids[0]!;
}


function revlog(col: Collection, cid: number): RevlogRow[] {
  return col.db.query<RevlogRow>('select * from revlog where cid = ? order by id', [cid]);
}

function lastRevlog(col: Collection, cid: number): Omit<RevlogRow, 'id' | 'cid'> {
  const { id: _id, cid: _cid, ...rest } = revlog(col, cid).at(-1)!;
  return rest;
}

function answer(col: Collection, cid: number, rating: RatingValue) {
  answerCard(col, cid, rating);
  return cardRow(col, cid)!;
}

/** The learning fuzz range for a delay: [secs, secs + min(25%, 5 min)). */
function learnDue(now: number, secs: number): [number, number] {
  return [now + secs, now + secs + Math.max(0, Math.floor(Math.min(secs * 0.25, 300)) - 1)];
}

function expectIn(value: number, [lo, hi]: readonly [number, number]) {
  expect(value).toBeGreaterThanOrEqual(lo);
  expect(value).toBeLessThanOrEqual(hi);
}

describe('a new card (steps 1m 10m)', () => {
  it.each([
    [1, 60, 2],
    [2, 330, 2],
    [3, 600, 1],
  ] as const)('button %i: learning, due in %i s (+ fuzz), %i steps left', async (rating, secs, left) => {
    const { col, now } = await collectionAtDay();
    const cid = addCard(col, { type: 0, queue: 0, due: 5 });
    const card = answer(col, cid, rating);
    expect(card).toMatchObject({ type: 1, queue: 1, ivl: 0, factor: 0, left, lapses: 0, reps: 1, mod: now, usn: -1 });
    expectIn(card.due, learnDue(now, secs));
    expect(JSON.parse(card.data)).toEqual({ pos: 5, lrt: now });
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: rating, ivl: -secs, lastIvl: 0, factor: 0, time: 0, type: 0 });
  });

  it('Easy: graduates with the easy interval 4 days, fuzzed within 3–5', async () => {
    const { col, today, now } = await collectionAtDay();
    const cid = addCard(col, { type: 0, queue: 0, due: 5 });
    const card = answer(col, cid, 4);
    expect(card).toMatchObject({ type: 2, queue: 2, factor: 2500, left: 0, lapses: 0, reps: 1, due: today + card.ivl });
    expectIn(card.ivl, [3, 5]);
    expect(JSON.parse(card.data)).toEqual({ pos: 5, lrt: now });
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: 4, ivl: card.ivl, lastIvl: 0, factor: 2500, time: 0, type: 0 });
  });
});

describe('a learning card', () => {
  it('on the first step behaves like a new card, logging the 1m step as last interval', async () => {
    const { col, now } = await collectionAtDay();
    const cid = addCard(col, { type: 1, queue: 1, due: now - 5, left: 2 });
    const card = answer(col, cid, 3);
    expect(card).toMatchObject({ type: 1, queue: 1, left: 1 });
    expectIn(card.due, learnDue(now, 600));
    expect(lastRevlog(col, cid)).toMatchObject({ ease: 3, ivl: -600, lastIvl: -60, factor: 0, type: 0 });
  });

  it.each([
    [1, { type: 1, queue: 1, left: 2 }, -60],
    [2, { type: 1, queue: 1, left: 1 }, -600],
  ] as const)('on the last step, button %i stays in learning', async (rating, expected, ivl) => {
    const { col, now } = await collectionAtDay();
    const cid = addCard(col, { type: 1, queue: 1, due: now - 5, left: 1 });
    const card = answer(col, cid, rating);
    expect(card).toMatchObject(expected);
    expectIn(card.due, learnDue(now, -ivl));
    expect(lastRevlog(col, cid)).toMatchObject({ ease: rating, ivl, lastIvl: -600, factor: 0, type: 0 });
  });

  it('on the last step, Good graduates at 1 day with the starting ease', async () => {
    const { col, today, now } = await collectionAtDay();
    const cid = addCard(col, { type: 1, queue: 1, due: now - 5, left: 1 });
    expect(answer(col, cid, 3)).toMatchObject({ type: 2, queue: 2, ivl: 1, due: today + 1, factor: 2500, left: 0 });
    expect(lastRevlog(col, cid)).toMatchObject({ ease: 3, ivl: 1, lastIvl: -600, factor: 2500, type: 0 });
  });

  it('an interday learning card (queue 3) moves on too', async () => {
    const { col, today, now } = await collectionAtDay();
    col.transact(() => {
      col.col.get('dconf')['1']!.new.delays = [1440, 2880];
      col.col.save('dconf', col.col.get('dconf'), col.nowMs());
    });
    const cid = addCard(col, { type: 1, queue: 3, due: today, left: 2 });
    const card = answer(col, cid, 3);
    // 2 days from now passes the next rollover: (172800 − secs to rollover) div 86400 + 1 days
    const days = Math.floor((172_800 - (timingAt(col).nextDayAt - now)) / 86_400) + 1;
    expect(days).toBe(2);
    expect(card).toMatchObject({ type: 1, queue: 3, left: 1, due: today + days });
    expect(lastRevlog(col, cid)).toMatchObject({ ivl: days, lastIvl: 1, type: 0 });
  });
});

describe('a review card', () => {
  // [ivl, factor, days late] → base intervals from the formulas
  it.each([
    [10, 2500, 0],
    [10, 2500, 5],
    [100, 2500, 0],
    [30, 1300, 2],
    [3, 2100, 0],
  ])('interval %i, ease %i, %i days late', async (ivl, factor, late) => {
    const ease = factor / 1000;
    const hardBase = ivl * 1.2;
    const goodBase = (ivl + late / 2) * ease;
    const easyBase = (ivl + late) * ease * 1.3;
    for (const [rating, base, minimum, newFactor] of [
      [2, hardBase, ivl + 1, Math.max(factor - 150, 1300)],
      [3, goodBase, ivl + 2, factor],
      [4, easyBase, ivl + 3, factor + 150],
    ] as const) {
      const { col, today, now } = await collectionAtDay();
      const cid = addCard(col, { type: 2, queue: 2, due: today - late, ivl, factor, reps: 5 });
      const card = answer(col, cid, rating);
      const [lo, hi] = fuzzBounds(base);
      expectIn(card.ivl, [Math.max(lo, minimum), Math.max(hi, minimum + 1)]);
      expect(card).toMatchObject({ type: 2, queue: 2, due: today + card.ivl, factor: newFactor, reps: 6, lapses: 0, left: 0 });
      expect(JSON.parse(card.data)).toEqual({ lrt: now });
      expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: rating, ivl: card.ivl, lastIvl: ivl, factor: newFactor, time: 0, type: 1 });
    }
  });

  it('Again: a lapse, ease − 0.2, interval 1 day, relearning for 10 minutes', async () => {
    const { col, today, now } = await collectionAtDay();
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 10, factor: 2500, reps: 5, lapses: 2 });
    const card = answer(col, cid, 1);
    expect(card).toMatchObject({ type: 3, queue: 1, ivl: 1, factor: 2300, left: 1, lapses: 3, reps: 6 });
    expectIn(card.due, learnDue(now, 600));
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: 1, ivl: -600, lastIvl: 10, factor: 2300, time: 0, type: 1 });
  });

  it('Again never lowers the ease below 1.3', async () => {
    const { col, today } = await collectionAtDay();
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 10, factor: 1300 });
    expect(answer(col, cid, 1).factor).toBe(1300);
  });

  it('a review card due in the future counts as due today (no early review outside filtered decks)', async () => {
    const { col, today } = await collectionAtDay();
    const cid = addCard(col, { type: 2, queue: 2, due: today + 5, ivl: 10, factor: 2500 });
    const card = answer(col, cid, 3);
    expectIn(card.ivl, constrainedFuzzBounds(25, 13, 36500));
    expect(lastRevlog(col, cid).type).toBe(1);
  });

  it('fuzz is the same for the same card and reps (a replayed answer gives the same interval)', async () => {
    const results: number[] = [];
    for (let i = 0; i < 2; i++) {
      const { col, today } = await collectionAtDay();
      const cid = addCard(col, { id: 1_800_000_000_000, type: 2, queue: 2, due: today, ivl: 40, factor: 2500, reps: 7 });
      results.push(answer(col, cid, 3).ivl);
    }
    expect(results[0]).toBe(results[1]);
  });

  it('a suspended review card answered goes back to the review queue', async () => {
    const { col, today } = await collectionAtDay();
    const cid = addCard(col, { type: 2, queue: -1, due: today, ivl: 10, factor: 2500 });
    expect(answer(col, cid, 3).queue).toBe(2);
  });
});

describe('a relearning card (step 10m)', () => {
  it.each([
    [1, { type: 3, queue: 1, ivl: 1, left: 1 }, -600, 2],
    [2, { type: 3, queue: 1, ivl: 1, left: 1 }, -900, 2],
  ] as const)('button %i stays relearning', async (rating, expected, ivl, type) => {
    const { col, now } = await collectionAtDay();
    const cid = addCard(col, { type: 3, queue: 1, due: now - 5, ivl: 1, factor: 2300, lapses: 1, left: 1 });
    const card = answer(col, cid, rating);
    expect(card).toMatchObject({ ...expected, factor: 2300, lapses: 1 });
    expectIn(card.due, learnDue(now, -ivl));
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: rating, ivl, lastIvl: -600, factor: 2300, time: 0, type });
  });

  it.each([
    [3, 1],
    [4, 2],
  ] as const)('button %i returns to review with interval %i', async (rating, ivl) => {
    const { col, today, now } = await collectionAtDay();
    const cid = addCard(col, { type: 3, queue: 1, due: now - 5, ivl: 1, factor: 2300, lapses: 1, left: 1 });
    expect(answer(col, cid, rating)).toMatchObject({ type: 2, queue: 2, ivl, due: today + ivl, factor: 2300, lapses: 1, left: 0 });
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: rating, ivl, lastIvl: -600, factor: 2300, time: 0, type: 2 });
  });
});

describe('leeches', () => {
  it('the 8th lapse tags the note leech; the card stays in relearning with leechAction 1', async () => {
    const { col, today } = await collectionAtDay();
    const { nid, cids } = insertNoteWithCards(col, { tags: ['vocab'] }, [{ type: 2, queue: 2, due: today, ivl: 10, factor: 2500, lapses: 7 }]);
    const card = answer(col, cids[0]!, 1);
    expect(card).toMatchObject({ type: 3, queue: 1, lapses: 8 });
    expect(noteRow(col, nid)!.tags).toBe(' leech vocab ');
    expect(col.col.get('tags')).toHaveProperty('leech');
  });

  it('with leechAction 0 the card is suspended', async () => {
    const { col, today } = await collectionAtDay();
    col.transact(() => {
      col.col.get('dconf')['1']!.lapse.leechAction = 0;
      col.col.save('dconf', col.col.get('dconf'), col.nowMs());
    });
    const { nid, cids } = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 10, factor: 2500, lapses: 7 }]);
    expect(answer(col, cids[0]!, 1)).toMatchObject({ type: 3, queue: -1, lapses: 8 });
    expect(noteRow(col, nid)!.tags).toBe(' leech ');
  });

  it('below the threshold nothing happens', async () => {
    const { col, today } = await collectionAtDay();
    const { nid, cids } = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 10, factor: 2500, lapses: 5 }]);
    answer(col, cids[0]!, 1);
    expect(noteRow(col, nid)!.tags).toBe('');
  });
});

describe('burying siblings', () => {
  async function withBury(edit: (p: Record<string, any>) => void) {
    const ctx = await collectionAtDay();
    ctx.col.transact(() => {
      edit(ctx.col.col.get('dconf')['1']!);
      ctx.col.col.save('dconf', ctx.col.col.get('dconf'), ctx.col.nowMs());
    });
    return ctx;
  }

  it('new.bury buries the new siblings of an answered card', async () => {
    const { col } = await withBury((p) => (p.new.bury = true));
    const { cids } = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }, { type: 0, queue: 0, due: 1 }, { type: 0, queue: -1, due: 1 }]);
    answer(col, cids[0]!, 3);
    expect([cardRow(col, cids[1]!)!.queue, cardRow(col, cids[2]!)!.queue]).toEqual([-2, -1]);
    expect(cardRow(col, cids[1]!)!.usn).toBe(-1);
  });

  it('rev.bury buries review siblings when a review or learning card is answered, not a new one', async () => {
    const { col, today, now } = await withBury((p) => (p.rev.bury = true));
    const a = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 5, factor: 2500 }, { type: 2, queue: 2, due: today, ivl: 5, factor: 2500 }]);
    answer(col, a.cids[0]!, 3);
    expect(cardRow(col, a.cids[1]!)!.queue).toBe(-2);
    const b = insertNoteWithCards(col, {}, [{ type: 1, queue: 1, due: now, left: 1 }, { type: 2, queue: 2, due: today, ivl: 5, factor: 2500 }]);
    answer(col, b.cids[0]!, 3);
    expect(cardRow(col, b.cids[1]!)!.queue).toBe(-2);
    const c = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }, { type: 2, queue: 2, due: today, ivl: 5, factor: 2500 }]);
    answer(col, c.cids[0]!, 3);
    expect(cardRow(col, c.cids[1]!)!.queue).toBe(2);
  });

  it('nothing is buried by default', async () => {
    const { col } = await collectionAtDay();
    const { cids } = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }, { type: 0, queue: 0, due: 1 }]);
    answer(col, cids[0]!, 3);
    expect(cardRow(col, cids[1]!)!.queue).toBe(0);
  });
});

describe('studied-today counts and the log', () => {
  it('counts new and review answers in the deck and its parents', async () => {
    const { col, today, now } = await collectionAtDay();
    const { getOrCreateDeck } = await import('../../../../extension/collection/decks/add.ts');
    const child = getOrCreateDeck(col, 'Lang::Words');
    const parent = getOrCreateDeck(col, 'Lang');
    const n = addCard(col, { did: child, type: 0, queue: 0, due: 1 });
    const r = addCard(col, { did: child, type: 2, queue: 2, due: today, ivl: 3, factor: 2500 });
    const l = addCard(col, { did: child, type: 1, queue: 1, due: now, left: 2 });
    answerCard(col, n, 3, { millisecondsTaken: 4000 });
    answerCard(col, r, 3, { millisecondsTaken: 2000 });
    answerCard(col, l, 3, { millisecondsTaken: 1000 });
    for (const did of [child, parent]) {
      const deck = col.col.get('decks')[String(did)]!;
      expect([deck.newToday, deck.revToday, deck.lrnToday, deck.timeToday]).toEqual([
        [today, 1],
        [today, 1],
        [today, 0],
        [today, 7000],
      ]);
      expect(deck.usn).toBe(-1);
    }
  });

  it('starts the counts again on a new day', async () => {
    const { col, today } = await collectionAtDay();
    col.transact(() => {
      const deck = col.col.get('decks')['1']!;
      Object.assign(deck, { newToday: [today - 1, 5], revToday: [today - 1, 9], timeToday: [today - 1, 100] });
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    answerCard(col, addCard(col, { type: 0, queue: 0, due: 1 }), 3);
    expect(col.col.get('decks')['1']!.newToday).toEqual([today, 1]);
    expect(col.col.get('decks')['1']!.revToday).toEqual([today, 0]);
  });

  it('caps the logged time at maxTaken seconds', async () => {
    const { col } = await collectionAtDay();
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    answerCard(col, cid, 3, { millisecondsTaken: 100_000 });
    expect(lastRevlog(col, cid).time).toBe(60_000);
  });

  it('log ids are the answer time in ms, bumped past a taken id', async () => {
    const { col, now } = await collectionAtDay();
    const a = addCard(col, { type: 0, queue: 0, due: 1 });
    const b = addCard(col, { type: 0, queue: 0, due: 2 });
    answerCard(col, a, 3);
    answerCard(col, b, 3);
    expect([revlog(col, a)[0]!.id, revlog(col, b)[0]!.id]).toEqual([now * 1000, now * 1000 + 1]);
  });

  it('marks the collection modified', async () => {
    const { col, clock } = await collectionAtDay();
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    clock.advance(5000);
    answerCard(col, cid, 3);
    expect(col.col.scalars().mod).toBe(col.nowMs());
  });
});

describe('filtered decks', () => {
  function addFiltered(col: Collection, resched: boolean) {
    const id = 1_700_000_000_123;
    col.transact(() => {
      const decks = col.col.get('decks');
      decks[String(id)] = {
        ...decks['1']!,
        id,
        name: 'Filtered',
        dyn: 1,
        resched,
        terms: [['deck:Default', 100, 0]],
        previewAgainSecs: 60,
        previewHardSecs: 600,
        previewGoodSecs: 0,
      };
      delete decks[String(id)]!.conf;
      col.col.save('decks', decks, col.nowMs());
    });
    return id;
  }

  it('rescheduling: a review answered goes home with its new interval', async () => {
    const { col, today } = await collectionAtDay();
    const did = addFiltered(col, true);
    const cid = addCard(col, { did, odid: 1, type: 2, queue: 2, due: -100_000, odue: today, ivl: 10, factor: 2500 });
    const card = answer(col, cid, 3);
    expect(card).toMatchObject({ did: 1, odid: 0, odue: 0, type: 2, queue: 2, due: today + card.ivl });
    expectIn(card.ivl, constrainedFuzzBounds(25, 13, 36500));
    expect(col.col.get('decks')[String(did)]!.revToday).toEqual([today, 1]);
  });

  it('rescheduling: a review before its due date uses the early-review formulas and logs type 3', async () => {
    const { col, today } = await collectionAtDay();
    const did = addFiltered(col, true);
    const cid = addCard(col, { did, odid: 1, type: 2, queue: 2, due: -100_000, odue: today + 6, ivl: 10, factor: 2500 });
    const card = answer(col, cid, 3);
    // elapsed 4 of 10 days: good = max(4 × 2.5, 10) = 10, not fuzzed
    expect(card.ivl).toBe(10);
    expect(lastRevlog(col, cid)).toMatchObject({ type: 3, lastIvl: 10, ivl: 10 });
  });

  it('rescheduling: a learning card stays in the deck with home due kept in odue', async () => {
    const { col, now } = await collectionAtDay();
    const did = addFiltered(col, true);
    const cid = addCard(col, { did, odid: 1, type: 0, queue: 0, due: -100_000, odue: 3 });
    const card = answer(col, cid, 3);
    expect(card).toMatchObject({ did, odid: 1, type: 1, queue: 1, odue: card.due });
    expectIn(card.due, learnDue(now, 600));
  });

  it('preview: Again shows it again after 60 s (queue 4), Easy sends it home unchanged', async () => {
    const { col, now } = await collectionAtDay();
    const did = addFiltered(col, false);
    const cid = addCard(col, { did, odid: 1, type: 2, queue: 2, due: -100_000, odue: 40, ivl: 10, factor: 2500, reps: 3 });
    const again = answer(col, cid, 1);
    expect(again).toMatchObject({ did, queue: 4, reps: 3, ivl: 10 });
    expectIn(again.due, learnDue(now, 60));
    expect(lastRevlog(col, cid)).toEqual({ usn: -1, ease: 1, ivl: -60, lastIvl: -60, factor: 0, time: 0, type: 3 });
    const easy = answer(col, cid, 4);
    expect(easy).toMatchObject({ did: 1, odid: 0, odue: 0, due: 40, queue: 2, type: 2, ivl: 10 });
    expect(lastRevlog(col, cid)).toMatchObject({ ease: 4, ivl: 0, type: 3, factor: 0 });
    expect(JSON.parse(easy.data).lrt).toBeUndefined();
  });
});

describe('the day boundary', () => {
  /** A collection at `localHour`:`minute` on some day, `west` minutes west of UTC. */
  async function atLocal(hour: number, minute: number, west: number, rollover?: number, day = 10) {
    const clock = fixedClock(Date.UTC(2026, 2, 1, 12) + west * 60_000, west);
    const col = await newCollection(clock);
    if (rollover !== undefined) {
      col.transact(() => {
        col.col.get('conf').rollover = rollover;
        col.col.save('conf', col.col.get('conf'), col.nowMs());
      });
    }
    clock.set(Date.UTC(2026, 2, day, hour, minute) + west * 60_000);
    return { col, today: timingAt(col).daysElapsed, now: col.nowSecs() };
  }

  it('a 10-minute step that passes the 4 am rollover becomes an interday step due tomorrow', async () => {
    const { col, today } = await atLocal(3, 55, -600);
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    expect(answer(col, cid, 3)).toMatchObject({ type: 1, queue: 3, due: today + 1, left: 1 });
    expect(lastRevlog(col, cid)).toMatchObject({ ivl: 1, lastIvl: 0 });
  });

  it('the same step before midnight stays intraday: the day ends at the rollover, not at midnight', async () => {
    const { col, now } = await atLocal(23, 55, 300);
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    const card = answer(col, cid, 3);
    expect(card.queue).toBe(1);
    expectIn(card.due, learnDue(now, 600));
  });

  it('after midnight and before 4 am it is still the same day; at 4 am it is the next', async () => {
    const before = await atLocal(23, 59, 300);
    const after = await atLocal(0, 1, 300, undefined, 11);
    const rolled = await atLocal(4, 0, 300, undefined, 11);
    expect(after.today).toBe(before.today);
    expect(rolled.today).toBe(before.today + 1);
    const cid = addCard(after.col, { type: 2, queue: 2, due: after.today, ivl: 1, factor: 2500 });
    const card = answer(after.col, cid, 3);
    expect(card.due).toBe(before.today + card.ivl);
    expect(lastRevlog(after.col, cid).type).toBe(1);
  });

  it('with rollover at midnight a step passing midnight becomes interday', async () => {
    const { col, today } = await atLocal(23, 55, 300, 0);
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    expect(answer(col, cid, 3)).toMatchObject({ queue: 3, due: today + 1 });
  });
});

describe('errors', () => {
  it('throws for a card that does not exist, writing nothing', async () => {
    const { col } = await collectionAtDay();
    expect(() => answerCard(col, 123, 3)).toThrow(/card not found/);
    expect(col.db.scalar('select count() from revlog')).toBe(0);
  });
});
