/** Review log rows inserted straight into a test collection, wall-clock helpers, and a seeded collection for the stats report. */
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardState, insertNoteWithCards } from '../../../helpers/rows.ts';

export type Revlog = [id: number, cid: number, usn: number, ease: number, ivl: number, lastIvl: number, factor: number, time: number, type: number];

/** Inserts revlog rows as given. */
export function insertRevlog(col: Collection, rows: readonly Revlog[]): void {
  col.transact(() => {
    for (const r of rows) col.db.run('insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)', r);
  });
}

/** A review of `cid` at epoch ms `id` (button 3, a day's interval, 5 s), with fields overridden. */
export function review(id: number, cid: number, o: Partial<Record<'usn' | 'ease' | 'ivl' | 'lastIvl' | 'factor' | 'time' | 'type', number>> = {}): Revlog {
  return [id, cid, o.usn ?? -1, o.ease ?? 3, o.ivl ?? 1, o.lastIvl ?? 0, o.factor ?? 2500, o.time ?? 5000, o.type ?? 1];
}

/** Epoch ms of a local wall-clock time in a zone `west` minutes west of UTC. */
export function localMs(y: number, mo: number, d: number, h: number, mi = 0, s = 0, west = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) + west * 60_000;
}

/** Sets `conf` keys (rollover, schedVer, curDeck…). */
export function setConf(col: Collection, values: Record<string, unknown>): void {
  col.transact(() => {
    const conf = col.col.get('conf');
    Object.assign(conf, values);
    col.col.save('conf', conf, col.nowMs());
  });
}

/**
 * A collection with cards in every state and reviews at known times
 * (clock: 2026-03-10 12:00 UTC, zone UTC, rollover 4 am, so today began at
 * 04:00 and ends at 04:00 on the 11th). Decks: `Lang` (current deck) with
 * `Lang::Japanese` holding most cards, and `Other`.
 */
export async function seedStatsCollection() {
  const col = await newCollection(fixedClock(TEST_NOW));
  const lang = getOrCreateDeck(col, 'Lang');
  const jp = getOrCreateDeck(col, 'Lang::Japanese');
  const other = getOrCreateDeck(col, 'Other');
  setConf(col, { curDeck: lang });
  const [nNew, nLearn, nRelearn, nYoung, nMature, nMature2, nSusp, nBuried] = insertNoteWithCards(col, {}, [
    { did: jp, ...cardState.new() },
    { did: jp, ...cardState.learning(Date.UTC(2026, 2, 10, 13) / 1000) },
    { did: jp, type: 3, queue: 1, due: Date.UTC(2026, 2, 10, 13) / 1000, ivl: 3, factor: 2100 },
    { did: jp, ...cardState.review(10, 5) },
    { did: jp, ...cardState.review(10, 30), factor: 2300 },
    { did: jp, ...cardState.review(10, 100), factor: 2700 },
    { did: jp, ...cardState.suspendedReview(10) },
    { did: jp, ...cardState.buried(2, 10) },
  ]).cids as number[];
  const [oReview] = insertNoteWithCards(col, {}, [{ did: other, ...cardState.review(10, 400), factor: 1300 }]).cids as number[];
  insertNoteWithCards(col, {}, [
    { did: other, ...cardState.new(2) },
    { did: other, ...cardState.dayLearning(3) },
  ]);
  const at = (d: number, h: number, mi = 0) => Date.UTC(2026, 2, d, h, mi);
  insertRevlog(col, [
    review(at(10, 5), nLearn!, { type: 0, ease: 1, time: 10_000, lastIvl: -60 }),
    review(at(10, 5, 10), nLearn!, { type: 0, ease: 3, time: 5000, lastIvl: -60 }),
    review(at(10, 6), nYoung!, { type: 1, lastIvl: 3, time: 8000 }),
    review(at(10, 7), nMature!, { type: 1, ease: 1, lastIvl: 25, time: 12_000 }),
    review(at(10, 8), oReview!, { type: 1, ease: 4, lastIvl: 50, time: 4000 }),
    review(at(10, 9), nRelearn!, { type: 2, time: 6000 }),
    review(at(10, 10), nMature2!, { type: 3, lastIvl: 10, time: 5000 }),
    review(at(10, 11), nSusp!, { type: 4, ease: 0, time: 0 }),
    review(at(10, 4), nYoung!, { type: 1, lastIvl: 5 }), // exactly at the rollover: yesterday
    review(at(9, 12), nMature2!, { type: 1, lastIvl: 30 }),
    review(at(1, 12), nYoung!, { type: 0 }), // 9 days ago
    review(Date.UTC(2026, 0, 29, 12), nYoung!, { type: 0 }), // 40 days ago
  ]);
  return { col, lang, jp, other, cards: { nNew, nBuried } };
}
