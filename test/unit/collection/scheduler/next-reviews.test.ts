/**
 * The answer-button labels of cardsInfo's `nextReviews` (describe_next_states):
 * each next state's interval as the buttons show it, "<" inside the
 * learn-ahead limit, days once a step passes the day boundary.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { CardNotFoundError, answerCard } from '../../../../extension/collection/scheduler/answer.ts';
import { nextReviewLabels } from '../../../../extension/collection/scheduler/next-reviews.ts';
import { answerButtonTime } from '../../../../extension/collection/scheduler/timespan.ts';
import { timingAt } from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRow, insertNoteWithCards } from '../../../helpers/rows.ts';

async function setup(offset = 0) {
  const clock = fixedClock(TEST_NOW, offset);
  const col = await newCollection(clock);
  clock.advance(30 * 86_400_000);
  return { col, clock, today: timingAt(col).daysElapsed, now: col.nowSecs() };
}

describe('nextReviewLabels', () => {
  it('a new card: <1m <6m <10m and the easy interval', async () => {
    const { col } = await setup();
    const cid = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }]).cids[0]!;
    expect(nextReviewLabels(col, cid, { fuzzFactor: null })).toEqual(['<1m', '<6m', '<10m', '4d']);
    expect(nextReviewLabels(col, cid)[3]).toMatch(/^[345]d$/);
  });

  it('a review card: <10m for Again, then days', async () => {
    const { col, today } = await setup();
    const cid = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 10, factor: 2500 }]).cids[0]!;
    expect(nextReviewLabels(col, cid, { fuzzFactor: null })).toEqual(['<10m', '12d', '25d', '1.1mo']);
  });

  it('a long interval in months and years', async () => {
    const { col, today } = await setup();
    const cid = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 200, factor: 2500 }]).cids[0]!;
    expect(nextReviewLabels(col, cid, { fuzzFactor: null })).toEqual(['<10m', '7.9mo', '1.4y', '1.8y']);
  });

  it('labels match what answering does', async () => {
    const { col, today } = await setup();
    const cid = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 40, factor: 2500, reps: 9 }]).cids[0]!;
    const label = nextReviewLabels(col, cid)[2]!;
    answerCard(col, cid, 3);
    const ivl = cardRow(col, cid)!.ivl;
    expect(label).toBe(answerButtonTime(ivl * 86_400));
  });

  it('a step passing the next rollover shows in days', async () => {
    const { col, clock } = await setup();
    clock.set(timingAt(col).nextDayAt * 1000 - 5 * 60_000);
    const cid = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }]).cids[0]!;
    expect(nextReviewLabels(col, cid, { fuzzFactor: null })).toEqual(['<1m', '1d', '1d', '4d']);
  });

  it('follows the learn-ahead limit (collapseTime)', async () => {
    const { col } = await setup();
    col.transact(() => {
      col.col.get('conf').collapseTime = 0;
      col.col.save('conf', col.col.get('conf'), col.nowMs());
    });
    const cid = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }]).cids[0]!;
    expect(nextReviewLabels(col, cid, { fuzzFactor: null })).toEqual(['1m', '6m', '10m', '4d']);
  });

  it('throws CardNotFoundError for a missing card', async () => {
    const { col } = await setup();
    expect(() => nextReviewLabels(col, 42)).toThrow(CardNotFoundError);
  });

  it('writes nothing', async () => {
    const { col } = await setup();
    const cid = insertNoteWithCards(col, {}, [{ type: 0, queue: 0, due: 1 }]).cids[0]!;
    const before = cardRow(col, cid);
    nextReviewLabels(col, cid);
    expect(cardRow(col, cid)).toEqual(before);
    expect(col.db.scalar('select count() from revlog')).toBe(0);
  });
});
