/**
 * Forgetting cards (reschedule_cards_as_new, as forgetCards calls it): back
 * to the new queue at the old position, interval and ease cleared, counts
 * kept, FSRS memory dropped, a manual log row; positions taken from
 * `conf.nextPos` for cards that never had one.
 */
import { describe, expect, it } from 'vitest';
import { forgetCards } from '../../../../extension/collection/scheduler/forget.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { cardRow, insertNoteWithCards } from '../../../helpers/rows.ts';

describe('forgetCards', () => {
  it('returns a review card to the position it had while new', async () => {
    const col = await newCollection();
    const cid = insertNoteWithCards(col, {}, [
      { type: 2, queue: 2, due: 40, ivl: 30, factor: 2300, reps: 9, lapses: 2, data: '{"pos":17,"s":30.5,"d":4.2,"dr":0.9,"lrt":1700000000}' },
    ]).cids[0]!;
    forgetCards(col, [cid]);
    expect(cardRow(col, cid)).toMatchObject({ type: 0, queue: 0, due: 17, ivl: 0, factor: 0, reps: 9, lapses: 2, usn: -1, mod: col.nowSecs() });
    expect(JSON.parse(cardRow(col, cid)!.data)).toEqual({ dr: 0.9, lrt: 1_700_000_000 });
    expect(col.db.get('select ease, ivl, lastIvl, factor, time, type from revlog where cid = ?', [cid])).toEqual({
      ease: 0,
      ivl: 0,
      lastIvl: 30,
      factor: 0,
      time: 0,
      type: 4,
    });
    expect(col.col.get('conf').nextPos).toBe(1);
  });

  it('gives cards without a remembered position the next positions, and advances nextPos', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [
      { type: 2, queue: 2, due: 40, ivl: 3, factor: 2500 },
      { type: 1, queue: 1, due: 1_800_000_000, left: 1 },
    ]);
    forgetCards(col, [cids[1]!, cids[0]!]);
    expect([cardRow(col, cids[1]!)!.due, cardRow(col, cids[0]!)!.due]).toEqual([1, 2]);
    expect(col.col.get('conf').nextPos).toBe(3);
  });

  it('keeps a new card where it is', async () => {
    const col = await newCollection();
    const cid = insertNoteWithCards(col, {}, [{ type: 0, queue: -1, due: 8 }]).cids[0]!;
    forgetCards(col, [cid]);
    expect(cardRow(col, cid)).toMatchObject({ type: 0, queue: 0, due: 8 });
    expect(col.col.get('conf').nextPos).toBe(1);
  });

  it('takes a card out of a filtered deck, using its home position', async () => {
    const col = await newCollection();
    const cid = insertNoteWithCards(col, {}, [{ did: 55, odid: 1, type: 0, queue: 0, due: -100_000, odue: 6 }]).cids[0]!;
    forgetCards(col, [cid]);
    expect(cardRow(col, cid)).toMatchObject({ did: 1, odid: 0, odue: 0, due: 6 });
  });

  it('can reset counts and ignore the old position', async () => {
    const col = await newCollection();
    const cid = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: 40, ivl: 3, factor: 2500, reps: 4, lapses: 1, data: '{"pos":9}' }]).cids[0]!;
    forgetCards(col, [cid], { restorePosition: false, resetCounts: true });
    expect(cardRow(col, cid)).toMatchObject({ due: 1, reps: 0, lapses: 0 });
  });

  it('ignores ids that do not exist', async () => {
    const col = await newCollection();
    forgetCards(col, [123]);
    expect(col.db.scalar('select count() from revlog')).toBe(0);
  });
});
