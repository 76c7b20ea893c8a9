/**
 * The scheduler's day (scheduler/timing.rs, anki-formats.md §6 "Day
 * boundary"). A day starts at the rollover hour (`conf.rollover`, default
 * 4) local time; "today" is the number of rollovers between the
 * collection's creation (`col.crt`, read in the offset it was created in,
 * `conf.creationOffset`) and now (in the clock's current offset). Offsets
 * are minutes west of UTC, as JavaScript's getTimezoneOffset counts them.
 * Collections without `creationOffset` use Anki's legacy v2 cutoff, and
 * without `schedVer: 2` the v1 one. Nothing here writes.
 */
import type { Collection } from '../collection.ts';

const DAY_SECS = 86_400;
const DEFAULT_ROLLOVER = 4;
const DEFAULT_LEARN_AHEAD_SECS = 1200;

export interface SchedTiming {
  /** Epoch seconds the timing was computed for. */
  now: number;
  /** Today's day number: days since the collection was created. */
  daysElapsed: number;
  /** Epoch seconds of the next rollover. */
  nextDayAt: number;
}

export interface TimingInputs {
  /** `col.crt`, epoch seconds. */
  creationSecs: number;
  nowSecs: number;
  /** `conf.creationOffset` (minutes west), or null when unset or invalid. */
  creationOffset: number | null;
  /** The current UTC offset, minutes west. */
  currentOffset: number;
  /** The rollover hour, or null for the v1 scheduler. */
  rolloverHour: number | null;
}

/** Epoch seconds of `hour`:00 on the local date of `secs` (chrono's `with_hour`). */
function rolloverOnLocalDate(secs: number, offsetWest: number, hour: number): number {
  const local = secs - offsetWest * 60;
  return Math.floor(local / DAY_SECS) * DAY_SECS + (hour % 24) * 3600 + offsetWest * 60;
}

/** Days since the epoch of the local date of `secs`. */
function localDay(secs: number, offsetWest: number): number {
  return Math.floor((secs - offsetWest * 60) / DAY_SECS);
}

function timingV2(i: TimingInputs & { creationOffset: number; rolloverHour: number }): SchedTiming {
  const rolloverToday = rolloverOnLocalDate(i.nowSecs, i.currentOffset, i.rolloverHour);
  const passed = rolloverToday <= i.nowSecs;
  let days = localDay(i.nowSecs, i.currentOffset) - localDay(i.creationSecs, i.creationOffset);
  if (!passed) days -= 1;
  return { now: i.nowSecs, daysElapsed: Math.max(0, days), nextDayAt: passed ? rolloverToday + DAY_SECS : rolloverToday };
}

function timingV2Legacy(i: TimingInputs & { rolloverHour: number }): SchedTiming {
  const crtAtRollover = rolloverOnLocalDate(i.creationSecs, i.currentOffset, i.rolloverHour);
  const days = Math.trunc((i.nowSecs - crtAtRollover) / DAY_SECS);
  let nextDayAt = rolloverOnLocalDate(i.nowSecs, i.currentOffset, i.rolloverHour);
  if (nextDayAt < i.nowSecs) nextDayAt += DAY_SECS;
  return { now: i.nowSecs, daysElapsed: Math.max(0, days), nextDayAt };
}

function timingV1(i: TimingInputs): SchedTiming {
  const days = Math.max(0, Math.trunc((i.nowSecs - i.creationSecs) / DAY_SECS));
  return { now: i.nowSecs, daysElapsed: days, nextDayAt: i.creationSecs + (days + 1) * DAY_SECS };
}

/** Anki's `sched_timing_today`: picks v1, legacy v2 or v2 timing from what is set. */
export function schedTimingToday(i: TimingInputs): SchedTiming {
  const { rolloverHour, creationOffset } = i;
  if (rolloverHour === null) return timingV1(i);
  if (creationOffset === null) return timingV2Legacy({ ...i, rolloverHour });
  return timingV2({ ...i, rolloverHour, creationOffset });
}

/** A whole number in [min, max], as serde reads an integer config value; else undefined. */
function integerIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** chrono's FixedOffset accepts offsets strictly inside ±24 h. */
function validOffset(minutesWest: unknown): number | null {
  const v = integerIn(minutesWest, -2_147_483_648, 2_147_483_647);
  return v !== undefined && Math.abs(v * 60) < DAY_SECS ? v : null;
}

function conf(col: Collection): Record<string, unknown> {
  return col.col.get('conf');
}

/** 2 when `conf.schedVer` is 2, else 1 (a missing or unknown value means v1). */
export function schedulerVersion(col: Collection): 1 | 2 {
  return conf(col).schedVer === 2 ? 2 : 1;
}

/** The rollover hour (0–23; default 4), or null under the v1 scheduler. */
export function rolloverHour(col: Collection): number | null {
  if (schedulerVersion(col) === 1) return null;
  const hour = integerIn(conf(col).rollover, 0, 255);
  return hour === undefined ? DEFAULT_ROLLOVER : Math.min(hour, 23);
}

/** `conf.collapseTime`: how far ahead learning cards count as due, in seconds (default 1200). */
export function learnAheadSecs(col: Collection): number {
  return integerIn(conf(col).collapseTime, 0, 4_294_967_295) ?? DEFAULT_LEARN_AHEAD_SECS;
}

/** The day timing at `nowSecs` (default: the clock's now), in the clock's current offset. */
export function timingAt(col: Collection, nowSecs: number = col.nowSecs()): SchedTiming {
  return schedTimingToday({
    creationSecs: col.col.scalars().crt,
    nowSecs,
    creationOffset: validOffset(conf(col).creationOffset),
    currentOffset: validOffset(col.clock.utcOffsetMinutes(col.nowMs())) ?? 0,
    rolloverHour: rolloverHour(col),
  });
}

/** Today's day number (`days_elapsed`): the unit of review cards' `due`. */
export function today(col: Collection): number {
  return timingAt(col).daysElapsed;
}

/** True if a `due` looks like epoch seconds rather than a day number (intraday learning). */
export function isUnixEpochTimestamp(due: number): boolean {
  return due > 1_000_000_000;
}
