/**
 * FSRS (collection config `fsrs: true`): memory states and intervals
 * checked against ts-fsrs used directly, Anki's learning steps kept, the
 * memory kept in `cards.data` as Anki keeps it, the log's difficulty factor,
 * a state rebuilt from SM-2 values, preset parameters and retention, and
 * sub-day intervals without steps.
 */
import { describe, expect, it } from 'vitest';
import { FSRSAlgorithm, default_w } from 'ts-fsrs';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { answerCard } from '../../../../extension/collection/scheduler/answer.ts';
import { INVALID_FSRS_PARAMS } from '../../../../extension/collection/scheduler/fsrs.ts';
import { nextReviewLabels } from '../../../../extension/collection/scheduler/next-reviews.ts';
import { answerButtonTime } from '../../../../extension/collection/scheduler/timespan.ts';
import { timingAt } from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, insertNoteWithCards, type CardRowInput } from '../../../helpers/rows.ts';

const DAY_MS = 86_400_000;
const FSRS5_DEFAULTS = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];

async function fsrsCollection(edit: (col: Collection) => void = () => {}) {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(30 * DAY_MS);
  col.transact(() => {
    col.col.get('conf').fsrs = true;
    col.col.save('conf', col.col.get('conf'), col.nowMs());
    edit(col);
    col.col.save('dconf', col.col.get('dconf'), col.nowMs());
  });
  const timing = timingAt(col);
  return { col, today: timing.daysElapsed, now: col.nowSecs(), nextDayAt: timing.nextDayAt };
}

function model(w: readonly number[] = default_w, retention = 0.9) {
  return new FSRSAlgorithm({ w: [...w], request_retention: retention, enable_short_term: true, enable_fuzz: false, maximum_interval: 36500 });
}

function addCard(col: Collection, card: Omit<CardRowInput, 'nid'>): number {
  return insertNoteWithCards(col, {}, [card]).cids[0]!;
}

function data(col: Collection, cid: number) {
  return JSON.parse(cardRow(col, cid)!.data) as Record<string, number>;
}

function lastFactor(col: Collection, cid: number): number {
  return col.db.scalar('select factor from revlog where cid = ? order by id desc limit 1', [cid]) as number;
}

const revlogFactor = (d: number) => Math.round(((d - 1) / 9 + 0.1) * 1000);

describe('a new card under FSRS', () => {
  it('Good keeps the learning step and stores the initial Good memory', async () => {
    const { col, now } = await fsrsCollection();
    const cid = addCard(col, { type: 0, queue: 0, due: 3 });
    answerCard(col, cid, 3, { fuzzFactor: null });
    const expected = model().next_state(null, 0, 3);
    expect(cardRow(col, cid)).toMatchObject({ type: 1, queue: 1, left: 1, due: now + 600 });
    const d = data(col, cid);
    expect(d.s).toBeCloseTo(expected.stability, 4);
    expect(d.d).toBeCloseTo(expected.difficulty, 3);
    expect(d).toMatchObject({ pos: 3, dr: 0.9, decay: 0.154, lrt: now });
    expect(Object.keys(d)).toEqual(['pos', 's', 'd', 'dr', 'decay', 'lrt']);
    expect(lastFactor(col, cid)).toBe(revlogFactor(expected.difficulty));
  });

  it("Easy graduates with FSRS's Easy interval, above Good's", async () => {
    const { col, today } = await fsrsCollection();
    const cid = addCard(col, { type: 0, queue: 0, due: 3 });
    answerCard(col, cid, 4, { fuzzFactor: null });
    const alg = model();
    const easy = alg.next_state(null, 0, 4);
    const good = alg.next_state(null, 0, 3);
    const ivl = Math.max(alg.next_interval(easy.stability, 0), alg.next_interval(good.stability, 0) + 1);
    expect(cardRow(col, cid)).toMatchObject({ type: 2, queue: 2, ivl, due: today + ivl, factor: 2500 });
    expect(data(col, cid).s).toBeCloseTo(easy.stability, 4);
    expect(lastFactor(col, cid)).toBe(revlogFactor(easy.difficulty));
  });
});

describe('a review card under FSRS', () => {
  async function reviewCard(daysSince: number, edit?: (col: Collection) => void) {
    const ctx = await fsrsCollection(edit);
    const lrt = ctx.nextDayAt - daysSince * 86_400 - 3600;
    const cid = addCard(ctx.col, {
      type: 2,
      queue: 2,
      due: ctx.today,
      ivl: daysSince,
      factor: 2500,
      reps: 4,
      data: JSON.stringify({ s: 10, d: 5, dr: 0.9, decay: 0.1542, lrt }),
    });
    return { ...ctx, cid };
  }

  it.each([2, 3, 4] as const)('button %i: memory and interval as ts-fsrs gives them', async (rating) => {
    const { col, cid, today } = await reviewCard(10);
    answerCard(col, cid, rating, { fuzzFactor: null });
    const alg = model();
    const states = [2, 3, 4].map((g) => alg.next_state({ stability: 10, difficulty: 5 }, 10, g));
    const [hard, good, easy] = states.map((s) => alg.next_interval(s.stability, 10));
    const hardIvl = Math.max(hard!, 1);
    const goodIvl = Math.max(good!, hardIvl + 1);
    const easyIvl = Math.max(easy!, goodIvl + 1);
    const ivl = [hardIvl, goodIvl, easyIvl][rating - 2]!;
    const memory = states[rating - 2]!;
    expect(cardRow(col, cid)).toMatchObject({ type: 2, queue: 2, ivl, due: today + ivl });
    expect(data(col, cid).s).toBeCloseTo(memory.stability, 3);
    expect(data(col, cid).d).toBeCloseTo(memory.difficulty, 2);
    expect(lastFactor(col, cid)).toBe(revlogFactor(data(col, cid).d!));
  });

  it('Again: a lapse into relearning with the Again memory', async () => {
    const { col, cid } = await reviewCard(10);
    answerCard(col, cid, 1, { fuzzFactor: null });
    const memory = model().next_state({ stability: 10, difficulty: 5 }, 10, 1);
    expect(cardRow(col, cid)).toMatchObject({ type: 3, queue: 1, lapses: 1, left: 1, ivl: Math.max(1, Math.round(memory.stability)) });
    expect(data(col, cid).s).toBeCloseTo(memory.stability, 3);
  });

  it('answered the same day uses the short-term formula (0 days elapsed)', async () => {
    const ctx = await fsrsCollection();
    const cid = addCard(ctx.col, { type: 2, queue: 2, due: ctx.today, ivl: 3, factor: 2500, data: JSON.stringify({ s: 3, d: 5, lrt: ctx.now - 60 }) });
    answerCard(ctx.col, cid, 3, { fuzzFactor: null });
    const memory = model().next_state({ stability: 3, difficulty: 5 }, 0, 3);
    expect(data(ctx.col, cid).s).toBeCloseTo(memory.stability, 3);
  });

  it('fuzzes the interval within its range', async () => {
    const { col, cid } = await reviewCard(30);
    answerCard(col, cid, 3);
    const alg = model();
    const good = alg.next_interval(alg.next_state({ stability: 10, difficulty: 5 }, 30, 3).stability, 30);
    const ivl = cardRow(col, cid)!.ivl;
    expect(Math.abs(ivl - good)).toBeLessThanOrEqual(Math.ceil(1 + 0.15 * 4.5 + 0.1 * 13 + 0.05 * Math.max(0, good - 20)));
  });

  it('uses the preset parameters (FSRS-5, 19 values) and desired retention', async () => {
    const { col, cid, today } = await reviewCard(10, (c) => {
      const p = c.col.get('dconf')['1']!;
      p.fsrsParams5 = FSRS5_DEFAULTS;
      p.desiredRetention = 0.8;
    });
    answerCard(col, cid, 3, { fuzzFactor: null });
    const alg = model(FSRS5_DEFAULTS, 0.8);
    const states = [2, 3].map((g) => alg.next_state({ stability: 10, difficulty: 5 }, 10, g));
    const hard = Math.max(alg.next_interval(states[0]!.stability, 10), 1);
    const good = Math.max(alg.next_interval(states[1]!.stability, 10), hard + 1);
    expect(cardRow(col, cid)).toMatchObject({ ivl: good, due: today + good });
    expect(data(col, cid)).toMatchObject({ dr: 0.8, decay: 0.5 });
    expect(data(col, cid).s).toBeCloseTo(states[1]!.stability, 3);
  });

  it("a deck's own desired retention (a percentage) wins over the preset's", async () => {
    const { col, cid } = await reviewCard(10, (c) => {
      c.col.get('decks')['1']!.desiredRetention = 85;
      c.col.save('decks', c.col.get('decks'), c.nowMs());
    });
    answerCard(col, cid, 3, { fuzzFactor: null });
    expect(data(col, cid).dr).toBe(0.85);
  });
});

describe('a card without a memory state', () => {
  it('gets one converted from its SM-2 ease and interval when it has no usable log', async () => {
    const { col, today } = await fsrsCollection();
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 20, factor: 2500 });
    answerCard(col, cid, 3, { fuzzFactor: null });
    const w = default_w;
    const decay = -w[20]!;
    const factor = Math.pow(0.9, 1 / decay) - 1;
    const s0 = (20 * factor) / (Math.pow(0.9, 1 / decay) - 1);
    const d0 = Math.min(10, Math.max(1, 11 - 1.5 / (Math.exp(w[8]!) * Math.pow(s0, -w[9]!) * Math.expm1(0.1 * w[10]!))));
    const memory = model().next_state({ stability: s0, difficulty: d0 }, 0, 3);
    expect(data(col, cid).s).toBeCloseTo(memory.stability, 2);
    expect(data(col, cid).d).toBeCloseTo(memory.difficulty, 2);
  });

  it('gets one replayed from its log when the log starts with learning', async () => {
    const { col, today, nextDayAt } = await fsrsCollection();
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 3, factor: 2500 });
    const day = (n: number) => (nextDayAt - n * 86_400 - 7200) * 1000;
    col.transact(() => {
      for (const [id, ease, ivl, type] of [
        [day(5), 3, -600, 0],
        [day(5) + 600_000, 3, 1, 0],
        [day(4), 3, 3, 1],
      ]) {
        col.db.run('insert into revlog values (?, ?, -1, ?, ?, 0, 2500, 1000, ?)', [id!, cid, ease!, ivl!, type!]);
      }
    });
    answerCard(col, cid, 3, { fuzzFactor: null });
    const alg = model();
    let m = alg.next_state(null, 0, 3);
    m = alg.next_state(m, 0, 3);
    m = alg.next_state(m, 1, 3);
    m = alg.next_state(m, 4, 3);
    expect(data(col, cid).s).toBeCloseTo(m.stability, 2);
    expect(data(col, cid).d).toBeCloseTo(m.difficulty, 2);
  });
});

describe('short-term scheduling and errors', () => {
  it('without learning steps, a sub-day FSRS interval stays in learning', async () => {
    const { col, now } = await fsrsCollection((c) => (c.col.get('dconf')['1']!.new.delays = []));
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    answerCard(col, cid, 1, { fuzzFactor: null });
    const again = model().next_state(null, 0, 1);
    const secs = Math.trunc(Math.fround(Math.fround(again.stability) * 86_400));
    expect(cardRow(col, cid)).toMatchObject({ type: 1, queue: 1 });
    expect(Math.abs(cardRow(col, cid)!.due - (now + secs))).toBeLessThanOrEqual(1);
  });

  it('refuses parameters of a length FSRS does not know, as Anki does', async () => {
    const { col } = await fsrsCollection((c) => (c.col.get('dconf')['1']!.fsrsParams6 = [1, 2, 3]));
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    expect(() => answerCard(col, cid, 3)).toThrow(INVALID_FSRS_PARAMS);
    expect(() => nextReviewLabels(col, cid)).toThrow(INVALID_FSRS_PARAMS);
    expect(cardRow(col, cid)!.reps).toBe(0);
  });

  it('labels use FSRS intervals', async () => {
    const { col, today } = await fsrsCollection();
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 10, factor: 2500, data: JSON.stringify({ s: 10, d: 5, lrt: timingAt(col).nextDayAt - 10 * 86_400 }) });
    const labels = nextReviewLabels(col, cid, { fuzzFactor: null });
    const alg = model();
    const good = alg.next_interval(alg.next_state({ stability: 10, difficulty: 5 }, 10, 3).stability, 10);
    expect(labels[0]).toBe('<10m');
    expect(labels[2]).toBe(answerButtonTime(good * 86_400));
  });
});
