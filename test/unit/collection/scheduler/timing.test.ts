/**
 * The scheduler's day number: rollovers since creation, in local time, with
 * the offsets at creation and now (Anki's scheduler/timing.rs cases), and
 * as a collection reads its inputs from `col.crt`, `conf` and its clock.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { Collection } from '../../../../extension/collection/collection.ts';
import {
  isUnixEpochTimestamp,
  learnAheadSecs,
  rolloverHour,
  schedTimingToday,
  schedulerVersion,
  timingAt,
  today,
} from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection } from '../../../helpers/builders.ts';

const MDT = 360; // minutes west (UTC-6)
const MST = 420; // UTC-7
const AEST = -600; // UTC+10

/** Epoch seconds of a local wall-clock time at `west` minutes west of UTC. */
function local(y: number, mo: number, d: number, h: number, mi = 0, s = 0, west = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 + west * 60;
}

function elapsed(crt: number, now: number, crtWest: number, nowWest: number, rollover: number): number {
  return schedTimingToday({ creationSecs: crt, nowSecs: now, creationOffset: crtWest, currentOffset: nowWest, rolloverHour: rollover })
    .daysElapsed;
}

describe('v2 timing with creationOffset', () => {
  it('counts rollovers, never below zero', () => {
    const crt = local(2019, 12, 1, 2, 0, 0, AEST);
    expect(elapsed(crt, crt, AEST, AEST, 4)).toBe(0);
    expect(elapsed(crt, crt - 86_400, AEST, AEST, 4)).toBe(0);
    // 2 am the next day is still day 0; the day rolls over at 4 am.
    expect(elapsed(crt, crt + 24 * 3600, AEST, AEST, 4)).toBe(0);
    expect(elapsed(crt, crt + 26 * 3600 - 1, AEST, AEST, 4)).toBe(0);
    expect(elapsed(crt, crt + 26 * 3600, AEST, AEST, 4)).toBe(1);
    // a rollover at 23:00 is 19 hours past the default
    expect(elapsed(crt, crt + (26 + 18) * 3600, AEST, AEST, 23)).toBe(0);
    expect(elapsed(crt, crt + (26 + 19) * 3600, AEST, AEST, 23)).toBe(1);
  });

  it('keeps the day count across a daylight-saving change', () => {
    const crt = local(2018, 8, 6, 0, 0, 0, MDT);
    const now = local(2019, 12, 26, 20, 0, 0, MST);
    expect(elapsed(crt, now, MDT, MST, 4)).toBe(507);
    expect(elapsed(crt, now, MDT, MDT, 4)).toBe(507);
  });

  it('starts day 1 at the first rollover after creation', () => {
    const crt = local(2018, 8, 6, 3, 0, 0, MDT);
    expect(elapsed(crt, local(2018, 8, 9, 1, 59, 59, MST), MDT, MST, 4)).toBe(2);
    expect(elapsed(crt, local(2018, 8, 9, 3, 59, 59, MST), MDT, MST, 4)).toBe(2);
    expect(elapsed(crt, local(2018, 8, 9, 4, 0, 0, MST), MDT, MST, 4)).toBe(3);
  });

  it('agrees with the rule for every creation hour, current hour and rollover hour', () => {
    const hours = [0, 1, 4, 12, 22, 23];
    for (const createdAt of hours) {
      const crt = local(2018, 8, 6, createdAt, 0, 0, MDT);
      for (let day = 0; day <= 3; day++) {
        for (const hour of hours) {
          for (const rollover of hours) {
            const now = local(2018, 8, 6 + day, hour, 0, 0, MDT);
            const expected = hour < rollover ? Math.max(day, 1) - 1 : day;
            expect(elapsed(crt, now, MDT, MDT, rollover), `${createdAt} ${day} ${hour} ${rollover}`).toBe(expected);
          }
        }
      }
    }
  });

  it('crosses midnight without a new day, and rolls over at the local hour whatever the offset', () => {
    for (const west of [AEST, 0, MDT, -330, 720, -840]) {
      const crt = local(2024, 1, 10, 4, 0, 0, west);
      expect(elapsed(crt, local(2024, 1, 10, 23, 59, 59, west), west, west, 4)).toBe(0);
      expect(elapsed(crt, local(2024, 1, 11, 0, 0, 0, west), west, west, 4)).toBe(0);
      expect(elapsed(crt, local(2024, 1, 11, 3, 59, 59, west), west, west, 4)).toBe(0);
      expect(elapsed(crt, local(2024, 1, 11, 4, 0, 0, west), west, west, 4)).toBe(1);
      // with a midnight rollover, midnight is the boundary
      expect(elapsed(crt, local(2024, 1, 10, 23, 59, 59, west), west, west, 0)).toBe(0);
      expect(elapsed(crt, local(2024, 1, 11, 0, 0, 0, west), west, west, 0)).toBe(1);
    }
  });

  it('reads the current local date in the current offset (a trip east moves the boundary)', () => {
    const crt = local(2024, 1, 10, 4, 0, 0, 0);
    // 02:00 UTC on the 11th: still day 0 in London, but 12:00 in Sydney (day 1).
    const now = local(2024, 1, 11, 2, 0, 0, 0);
    expect(elapsed(crt, now, 0, 0, 4)).toBe(0);
    expect(elapsed(crt, now, 0, AEST, 4)).toBe(1);
  });

  it('gives the next rollover: later today before it, tomorrow from it on', () => {
    const crt = local(2019, 1, 1, 2, 0, 0, MDT);
    const at = (now: number) =>
      schedTimingToday({ creationSecs: crt, nowSecs: now, creationOffset: MDT, currentOffset: MDT, rolloverHour: 4 }).nextDayAt;
    expect(at(local(2019, 1, 3, 2, 0, 0, MDT))).toBe(local(2019, 1, 3, 4, 0, 0, MDT));
    expect(at(local(2019, 1, 3, 4, 0, 0, MDT))).toBe(local(2019, 1, 4, 4, 0, 0, MDT));
    expect(at(local(2019, 1, 3, 7, 0, 0, MDT))).toBe(local(2019, 1, 4, 4, 0, 0, MDT));
  });
});

describe('legacy timing', () => {
  const now = 1584491078;
  it('v1: whole days since crt', () => {
    expect(schedTimingToday({ creationSecs: 1575226800, nowSecs: now, creationOffset: null, currentOffset: 0, rolloverHour: null })).toEqual({
      now,
      daysElapsed: 107,
      nextDayAt: 1584558000,
    });
  });

  it('v2 without creationOffset: days since crt moved to the rollover hour in the current offset', () => {
    const legacy = (crt: number, rollover: number) =>
      schedTimingToday({ creationSecs: crt, nowSecs: now, creationOffset: null, currentOffset: AEST, rolloverHour: rollover });
    expect(legacy(1533564000, 0)).toEqual({ now, daysElapsed: 589, nextDayAt: 1584540000 });
    expect(legacy(1524038400, 4)).toEqual({ now, daysElapsed: 700, nextDayAt: 1584554400 });
  });
});

describe('a collection', () => {
  const START = Date.UTC(2026, 2, 10, 12, 0, 0); // 22:00 in Sydney

  async function sydney() {
    const clock = fixedClock(START, AEST);
    const col = await newCollection(clock);
    return { col, clock };
  }

  it('is on day 0 when created, and moves on at 4 am local time', async () => {
    const { col, clock } = await sydney();
    expect(col.col.scalars().crt).toBe(local(2026, 3, 10, 4, 0, 0, AEST));
    expect(today(col)).toBe(0);
    clock.set(local(2026, 3, 11, 3, 59, 59, AEST) * 1000);
    expect(today(col)).toBe(0);
    clock.set(local(2026, 3, 11, 4, 0, 0, AEST) * 1000);
    expect(today(col)).toBe(1);
    expect(timingAt(col).nextDayAt).toBe(local(2026, 3, 12, 4, 0, 0, AEST));
    clock.set(local(2026, 4, 1, 12, 0, 0, AEST) * 1000);
    expect(today(col)).toBe(22);
  });

  it('uses conf.rollover, capped at 23, and 4 when it is not a small whole number', async () => {
    const { col, clock } = await sydney();
    const conf = col.col.get('conf');
    clock.set(local(2026, 3, 11, 1, 0, 0, AEST) * 1000);
    expect(rolloverHour(col)).toBe(4);
    expect(today(col)).toBe(0);
    conf.rollover = 0;
    expect(today(col)).toBe(1);
    conf.rollover = 30;
    expect(rolloverHour(col)).toBe(23);
    for (const bad of [-1, 2.5, '0', null]) {
      conf.rollover = bad;
      expect(rolloverHour(col)).toBe(4);
    }
  });

  it('reads crt in the creation offset and now in the clock offset', async () => {
    const { col } = await sydney();
    // The same instant seen from a clock in UTC: 02:00 on the 11th is before the rollover there.
    const instant = local(2026, 3, 11, 12, 0, 0, AEST) * 1000; // 02:00 UTC
    const inUtc = new Collection(col.db, fixedClock(instant, 0));
    const inSydney = new Collection(col.db, fixedClock(instant, AEST));
    expect(today(inSydney)).toBe(1);
    expect(today(inUtc)).toBe(0);
  });

  it('falls back to the legacy cutoff without creationOffset and to v1 without schedVer 2', async () => {
    const { col, clock } = await sydney();
    const conf = col.col.get('conf');
    clock.set(local(2026, 3, 13, 3, 0, 0, AEST) * 1000);
    const v2 = today(col);
    delete conf.creationOffset;
    expect(today(col)).toBe(v2); // same offset now as at creation
    expect(schedulerVersion(col)).toBe(2);
    delete conf.schedVer;
    expect(schedulerVersion(col)).toBe(1);
    expect(rolloverHour(col)).toBeNull();
    // v1: 71 hours after crt (4 am on the 10th) → 2 whole days
    expect(today(col)).toBe(2);
    expect(v2).toBe(2);
    clock.set(local(2026, 3, 13, 5, 0, 0, AEST) * 1000);
    expect(today(col)).toBe(3);
  });

  it('ignores a creationOffset chrono would refuse (24 h or more)', async () => {
    const { col } = await sydney();
    const conf = col.col.get('conf');
    conf.creationOffset = 1440;
    const legacy = timingAt(col);
    delete conf.creationOffset;
    expect(timingAt(col)).toEqual(legacy);
  });

  it('has a learn-ahead limit from conf.collapseTime (default 1200 s)', async () => {
    const { col } = await sydney();
    expect(learnAheadSecs(col)).toBe(1200);
    col.col.get('conf').collapseTime = 600;
    expect(learnAheadSecs(col)).toBe(600);
    delete col.col.get('conf').collapseTime;
    expect(learnAheadSecs(col)).toBe(1200);
  });

  it('tells epoch-second dues from day numbers', () => {
    expect(isUnixEpochTimestamp(1_700_000_000)).toBe(true);
    expect(isUnixEpochTimestamp(1234)).toBe(false);
  });
});
