/**
 * The batched review-log reads give each card exactly what the per-card
 * reads give: its whole log in id order, and the time of its last real
 * answer (manual entries and resets skipped, a cramming entry with no
 * factor skipped); cards without a log are present, empty or null; more
 * than 999 cards are read in several batches.
 */
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { revlogForCard, timeOfLastReview } from '../../../../extension/collection/scheduler/revlog.ts';
import { lastReviewTimes, revlogsForCards } from '../../../../extension/collection/scheduler/revlog-batch.ts';
import { newCollection } from '../../../helpers/builders.ts';

/** [id, cid, ease, type, factor] rows, inserted out of id order. */
function addRows(col: Collection, rows: [id: number, cid: number, ease: number, type: number, factor: number][]): void {
  col.transact(() => {
    for (const [id, cid, ease, type, factor] of rows) {
      col.db.run('insert into revlog values (?, ?, -1, ?, 3, 1, ?, 4000, ?)', [id, cid, ease, factor, type]);
    }
  });
}

const LOGS: [number, number, number, number, number][] = [
  [1_700_000_300_000, 11, 3, 1, 2500],
  [1_700_000_100_000, 11, 1, 0, 0],
  [1_700_000_200_999, 11, 0, 4, 0], // a manual entry: not an answer
  [1_700_000_400_500, 12, 3, 3, 0], // cramming without a factor: not counted
  [1_700_000_350_000, 12, 4, 3, 2500],
  [1_700_000_500_000, 13, 0, 5, 0],
  [1_700_000_600_000, 14, 2, 2, 2300],
];
const CIDS = [11, 12, 13, 14, 15];

describe('revlogsForCards', () => {
  it('gives each card its revlogForCard, empty when it has none', async () => {
    const col = await newCollection();
    addRows(col, LOGS);
    const batch = revlogsForCards(col, CIDS);
    expect([...batch.keys()]).toEqual(CIDS);
    for (const cid of CIDS) expect(batch.get(cid)).toEqual(revlogForCard(col, cid));
    expect(batch.get(11)!.map((e) => e.id)).toEqual([1_700_000_100_000, 1_700_000_200_999, 1_700_000_300_000]);
    expect(batch.get(15)).toEqual([]);
  });

  it('reads more than 999 cards', async () => {
    const col = await newCollection();
    const cids = Array.from({ length: 1200 }, (_, i) => i + 1);
    addRows(col, cids.map((cid) => [1_700_000_000_000 + cid, cid, 3, 1, 2500]));
    const batch = revlogsForCards(col, [...cids, 5]);
    expect(batch.size).toBe(1200);
    expect(batch.get(1)!.map((e) => e.id)).toEqual([1_700_000_000_001]);
    expect(batch.get(1200)!.map((e) => e.id)).toEqual([1_700_000_001_200]);
  });
});

describe('lastReviewTimes', () => {
  it('gives each card its timeOfLastReview, null when it has none', async () => {
    const col = await newCollection();
    addRows(col, LOGS);
    const batch = lastReviewTimes(col, CIDS);
    expect([...batch.keys()]).toEqual(CIDS);
    for (const cid of CIDS) expect(batch.get(cid)).toBe(timeOfLastReview(col, cid));
    expect([...batch.values()]).toEqual([1_700_000_300, 1_700_000_350, null, 1_700_000_600, null]);
  });

  it('reads more than 999 cards', async () => {
    const col = await newCollection();
    const cids = Array.from({ length: 1100 }, (_, i) => i + 1);
    addRows(col, cids.map((cid) => [1_700_000_000_000 + cid * 1000, cid, 3, 1, 2500]));
    const batch = lastReviewTimes(col, cids);
    expect(batch.get(1)).toBe(1_700_000_001);
    expect(batch.get(1100)).toBe(1_700_001_100);
  });
});
