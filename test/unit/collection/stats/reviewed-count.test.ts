/**
 * Reviews counted today and per day, against revlog rows placed around the
 * rollover hour in several time zones, as AnkiConnect's two queries count
 * them (`id > (dayCutoff - 86400) * 1000`; `date(id/1000 - hour*3600,
 * 'unixepoch', 'localtime')`).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../../../extension/collection/clock.ts';
import {
  cardsReviewedByDay,
  cardsReviewedToday,
  isoDate,
  rolloverLocalHour,
  todayStartMs,
} from '../../../../extension/collection/stats/reviewed-count.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertRevlog, localMs, review, setConf } from './seed.ts';

const AEST = -600; // UTC+10, minutes west
const EST = 300; // UTC-5

describe('cardsReviewedToday', () => {
  it('counts rows after the last rollover at 4 am local time, not the one exactly at it', async () => {
    // TEST_NOW is 22:00 on 10 March in UTC+10; the day began at 04:00 local.
    const col = await newCollection(fixedClock(TEST_NOW, AEST));
    const start = localMs(2026, 3, 10, 4, 0, 0, AEST);
    expect(todayStartMs(col)).toBe(start);
    insertRevlog(col, [review(start - 1, 1), review(start, 2), review(start + 1, 3), review(TEST_NOW, 4, { type: 4, ease: 0 })]);
    expect(cardsReviewedToday(col)).toBe(2);
  });

  it('starts again at the next rollover', async () => {
    const clock = fixedClock(TEST_NOW, AEST);
    const col = await newCollection(clock);
    insertRevlog(col, [review(TEST_NOW, 1), review(localMs(2026, 3, 11, 3, 59, 59, AEST), 1)]);
    clock.set(localMs(2026, 3, 11, 3, 59, 59, AEST));
    expect(cardsReviewedToday(col)).toBe(2);
    clock.set(localMs(2026, 3, 11, 4, 0, 0, AEST));
    expect(cardsReviewedToday(col)).toBe(0);
  });

  it('follows the configured rollover hour', async () => {
    const col = await newCollection(fixedClock(TEST_NOW, EST)); // 07:00 local
    insertRevlog(col, [review(localMs(2026, 3, 10, 0, 30, 0, EST), 1), review(localMs(2026, 3, 9, 23, 30, 0, EST), 1)]);
    expect(cardsReviewedToday(col)).toBe(0); // the day began at 04:00 on the 10th, after both
    setConf(col, { rollover: 0 });
    expect(todayStartMs(col)).toBe(localMs(2026, 3, 10, 0, 0, 0, EST));
    expect(cardsReviewedToday(col)).toBe(1);
    setConf(col, { rollover: 23 }); // 23:00 has not come yet today: the day began at 23:00 on the 9th
    expect(todayStartMs(col)).toBe(localMs(2026, 3, 9, 23, 0, 0, EST));
    expect(cardsReviewedToday(col)).toBe(2);
  });
});

describe('cardsReviewedByDay', () => {
  it('groups by the local date shifted back by the rollover hour, newest first', async () => {
    const col = await newCollection(fixedClock(TEST_NOW, EST));
    expect(rolloverLocalHour(col)).toBe(4);
    insertRevlog(col, [
      review(localMs(2026, 3, 10, 3, 59, 59, EST), 1),
      review(localMs(2026, 3, 10, 4, 0, 0, EST), 1),
      review(localMs(2026, 3, 10, 11, 0, 0, EST), 2),
      review(localMs(2026, 3, 8, 12, 0, 0, EST), 2),
      review(456, 3), // 1970-01-01 00:00 UTC, shifted 4 h back and to UTC-5
    ]);
    expect(cardsReviewedByDay(col)).toEqual([
      ['2026-03-10', 2],
      ['2026-03-09', 1],
      ['2026-03-08', 1],
      ['1969-12-31', 1],
    ]);
  });

  it('agrees with the per-row formula over years of reviews in a zone with daylight saving time', async () => {
    // Offsets switch between UTC-5 and UTC-4 at 07:00 UTC on 10 March and 3 November each year.
    const summer = (ms: number) => {
      const y = new Date(ms).getUTCFullYear();
      return ms >= Date.UTC(y, 2, 10, 7) && ms < Date.UTC(y, 10, 3, 6);
    };
    const clock: Clock = { now: () => TEST_NOW, utcOffsetMinutes: (at) => (summer(at) ? 240 : 300) };
    const col = await newCollection(clock);
    let seed = 7;
    const rand = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const ids: number[] = [];
    for (let id = Date.UTC(2023, 0, 1); id < TEST_NOW; id += Math.floor(rand() * 6 * 3_600_000)) ids.push(id);
    ids.push(ids[0]! - 1, 999, 0, -1500, -86_400_000 * 3);
    insertRevlog(col, ids.map((id) => review(id, 1)));
    const hour = rolloverLocalHour(col);
    const expected = new Map<string | null, number>();
    for (const id of ids) {
      const t = Math.trunc(id / 1000) - hour * 3600;
      const day = isoDate(t - clock.utcOffsetMinutes(t * 1000) * 60);
      expected.set(day, (expected.get(day) ?? 0) + 1);
    }
    const got = cardsReviewedByDay(col);
    expect(new Map(got)).toEqual(expected);
    expect(got.map(([d]) => d)).toEqual([...expected.keys()].sort().reverse());
    expect(got.length).toBeGreaterThan(1000);
  });

  it('is empty without reviews', async () => {
    expect(cardsReviewedByDay(await newCollection())).toEqual([]);
  });

  it('uses the zone offset at each shifted instant, as localtime does', async () => {
    const change = Date.UTC(2026, 2, 8, 5, 0, 0); // the zone moves from UTC-5 to UTC-4
    const clock: Clock = { now: () => TEST_NOW, utcOffsetMinutes: (at) => (at < change ? 300 : 240) };
    const col = await newCollection(clock);
    insertRevlog(col, [review(Date.UTC(2026, 2, 8, 8, 30), 1), review(Date.UTC(2026, 2, 8, 9, 30), 1)]);
    // 08:30Z - 4 h = 04:30Z, before the change: 23:30 on the 7th; 09:30Z - 4 h = 05:30Z, after: 01:30 on the 8th.
    expect(cardsReviewedByDay(col)).toEqual([
      ['2026-03-08', 1],
      ['2026-03-07', 1],
    ]);
  });

  it('takes the hour from the local time of the next rollover, with rollover 0 giving plain local dates', async () => {
    const col = await newCollection(fixedClock(TEST_NOW, AEST));
    setConf(col, { rollover: 0 });
    expect(rolloverLocalHour(col)).toBe(0);
    insertRevlog(col, [review(localMs(2026, 3, 10, 0, 0, 0, AEST), 1), review(localMs(2026, 3, 9, 23, 59, 59, AEST), 1)]);
    expect(cardsReviewedByDay(col)).toEqual([
      ['2026-03-10', 1],
      ['2026-03-09', 1],
    ]);
  });

  it('gives a null date for ids past the year 9999, sorted last, as SQLite date() does', async () => {
    const col = await newCollection();
    insertRevlog(col, [review(Date.UTC(10000, 0, 5), 1), review(TEST_NOW, 1)]);
    expect(cardsReviewedByDay(col)).toEqual([
      ['2026-03-10', 1],
      [null, 1],
    ]);
    expect(isoDate(Date.UTC(9999, 11, 31, 23) / 1000)).toBe('9999-12-31');
    expect(isoDate(-62_167_219_200)).toBe('0000-01-01');
    expect(isoDate(-62_167_219_201)).toBe(null);
  });
});
