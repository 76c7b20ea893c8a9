/**
 * Set due date (reviews.rs `set_due_date`): the text "N", "N-M", with "!",
 * as Anki parses it, and what becomes of new, learning, review, relearning
 * and filtered cards, with the manual log row.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { InvalidDueDateError, parseDueDate, setDueDate } from '../../../../extension/collection/scheduler/due-date.ts';
import { timingAt } from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, insertNoteWithCards, type CardRowInput } from '../../../helpers/rows.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(30 * 86_400_000);
  const timing = timingAt(col);
  return { col, today: timing.daysElapsed, nextDayAt: timing.nextDayAt, now: col.nowSecs() };
}

function addCard(col: Collection, card: Omit<CardRowInput, 'nid'>): number {
  return insertNoteWithCards(col, {}, [card]).cids[0]!;
}

function lastRevlog(col: Collection, cid: number) {
  return col.db.get('select ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id desc', [cid]);
}

describe('parseDueDate', () => {
  it.each([
    ['0', { min: 0, max: 0, forceReset: false }],
    ['5', { min: 5, max: 5, forceReset: false }],
    ['1!', { min: 1, max: 1, forceReset: true }],
    ['3-7', { min: 3, max: 7, forceReset: false }],
    ['70-50!', { min: 50, max: 70, forceReset: true }],
  ])('%j', (text, spec) => {
    expect(parseDueDate(text)).toEqual(spec);
  });

  it.each(['', 'x', '-5', '5-', '5 ', ' 5', '1.5', '!', '5!!', '3-7-9'])('refuses %j with the text itself as the message', (text) => {
    expect(() => parseDueDate(text)).toThrow(InvalidDueDateError);
    try {
      parseDueDate(text);
    } catch (e) {
      expect((e as InvalidDueDateError).reason).toBe('invalid');
      expect((e as Error).message).toBe(text);
    }
  });

  it.each(['99999999999', '1-4294967296', '٣'])('refuses %j as a number out of range', (text) => {
    expect(() => parseDueDate(text)).toThrow(expect.objectContaining({ reason: 'number' }));
  });
});

describe('setDueDate', () => {
  it('a new card becomes a review card due in N days, interval N (at least 1), starting ease', async () => {
    const { col, today, now } = await setup();
    const cid = addCard(col, { type: 0, queue: 0, due: 12 });
    setDueDate(col, [cid], '0');
    expect(cardRow(col, cid)).toMatchObject({ type: 2, queue: 2, due: today, ivl: 1, factor: 2500, mod: now, usn: -1 });
    expect(JSON.parse(cardRow(col, cid)!.data)).toEqual({ pos: 12 });
    expect(lastRevlog(col, cid)).toEqual({ ease: 0, ivl: 1, lastIvl: 0, factor: 2500, time: 0, type: 4 });
    setDueDate(col, [cid], '3');
    expect(cardRow(col, cid)).toMatchObject({ due: today + 3, ivl: 1 });
  });

  it('a review card keeps its interval and ease; "!" resets the interval to the delay', async () => {
    const { col, today } = await setup();
    const cid = addCard(col, { type: 2, queue: 2, due: today + 2, ivl: 10, factor: 2100 });
    setDueDate(col, [cid], '5');
    expect(cardRow(col, cid)).toMatchObject({ due: today + 5, ivl: 10, factor: 2100 });
    expect(lastRevlog(col, cid)).toEqual({ ease: 0, ivl: 10, lastIvl: 10, factor: 2100, time: 0, type: 4 });
    setDueDate(col, [cid], '7!');
    expect(cardRow(col, cid)).toMatchObject({ due: today + 7, ivl: 7 });
  });

  it('learning and relearning cards become review cards', async () => {
    const { col, today, now } = await setup();
    const learn = addCard(col, { type: 1, queue: 1, due: now + 60, left: 2 });
    const relearn = addCard(col, { type: 3, queue: 1, due: now + 60, ivl: 4, factor: 2300, left: 1 });
    setDueDate(col, [learn, relearn], '2');
    expect(cardRow(col, learn)).toMatchObject({ type: 2, queue: 2, due: today + 2, ivl: 2, factor: 2500 });
    expect(cardRow(col, relearn)).toMatchObject({ type: 2, queue: 2, due: today + 2, ivl: 4, factor: 2300 });
  });

  it('a range picks each card a day within it', async () => {
    const { col, today } = await setup();
    const cids = [1, 2, 3].map((due) => addCard(col, { type: 0, queue: 0, due }));
    const picks = [0, 0.5, 0.999];
    setDueDate(col, cids, '3-7', () => picks.shift()!);
    expect(cids.map((c) => cardRow(col, c)!.due - today)).toEqual([3, 5, 7]);
  });

  it('takes a card out of a filtered deck', async () => {
    const { col, today } = await setup();
    const cid = addCard(col, { did: 99, odid: 1, type: 2, queue: 2, due: -100_000, odue: today + 9, ivl: 10, factor: 2500 });
    setDueDate(col, [cid], '1');
    expect(cardRow(col, cid)).toMatchObject({ did: 1, odid: 0, odue: 0, due: today + 1, ivl: 10 });
  });

  it('uses the starting ease of the home deck preset', async () => {
    const { col, today } = await setup();
    col.transact(() => {
      col.col.get('dconf')['1']!.new.initialFactor = 1900;
      col.col.save('dconf', col.col.get('dconf'), col.nowMs());
    });
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    setDueDate(col, [cid], '1');
    expect(cardRow(col, cid)).toMatchObject({ factor: 1900, due: today + 1 });
  });

  it('under FSRS the interval is the days since the last review plus the delay', async () => {
    const { col, nextDayAt, today } = await setup();
    col.transact(() => {
      col.col.get('conf').fsrs = true;
      col.col.save('conf', col.col.get('conf'), col.nowMs());
    });
    const cid = addCard(col, { type: 2, queue: 2, due: today, ivl: 10, factor: 2500, data: JSON.stringify({ s: 10, d: 5.5, lrt: nextDayAt - 6 * 86_400 - 100 }) });
    const fresh = addCard(col, { type: 0, queue: 0, due: 4 });
    setDueDate(col, [cid, fresh], '3');
    expect(cardRow(col, cid)).toMatchObject({ ivl: 9, due: today + 3 });
    expect(lastRevlog(col, cid)).toMatchObject({ factor: Math.trunc(Math.fround(((5.5 - 1) / 9 + 0.1) * 1000)) });
    expect(cardRow(col, fresh)).toMatchObject({ ivl: 0, type: 2, due: today + 3 });
  });

  it('ignores ids of cards that do not exist, and throws before writing on a bad text', async () => {
    const { col } = await setup();
    const cid = addCard(col, { type: 0, queue: 0, due: 1 });
    setDueDate(col, [cid + 1000], '1');
    expect(() => setDueDate(col, [cid], 'soon')).toThrow(InvalidDueDateError);
    expect(cardRow(col, cid)!.type).toBe(0);
    expect(col.db.scalar('select count() from revlog')).toBe(0);
  });
});
