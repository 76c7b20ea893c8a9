/**
 * How many reviews were logged today and on each day, counted the way
 * AnkiConnect counts them: "today" is every revlog row after the last
 * rollover (`(nextDayAt - 86400) * 1000`), and a row's day is the local
 * date of its time shifted back by the rollover hour (SQLite's
 * `date(id/1000 - hour*3600, 'unixepoch', 'localtime')`), the hour being
 * the local hour of the next rollover. Local time is the clock's offset at
 * each instant, as `localtime` uses the zone's offset at that instant.
 * Values are computed here; SQL only counts id ranges.
 */
import type { Collection } from '../collection.ts';
import { timingAt } from '../scheduler/timing.ts';

const DAY_SECS = 86_400;
/** SQLite's date() gives NULL outside years 0000–9999. */
const MIN_YEAR = 0;
const MAX_YEAR = 9999;

/** Epoch ms after which a review counts as today's (the last rollover, as AnkiConnect computes it). */
export function todayStartMs(col: Collection): number {
  return (timingAt(col).nextDayAt - DAY_SECS) * 1000;
}

/** Reviews logged since the last rollover (every kind of revlog row). */
export function cardsReviewedToday(col: Collection): number {
  return Number(col.db.scalar('select count() from revlog where id > ?', [todayStartMs(col)]) ?? 0);
}

/** Local epoch seconds of a UTC instant in the clock's offset at that instant. */
function localSecs(col: Collection, secs: number): number {
  return secs - col.clock.utcOffsetMinutes(secs * 1000) * 60;
}

/** The local hour (0–23) at which the next day starts, as `strftime('%H', localtime(dayCutoff))` reads it. */
export function rolloverLocalHour(col: Collection): number {
  const local = localSecs(col, timingAt(col).nextDayAt);
  return Math.floor((((local % DAY_SECS) + DAY_SECS) % DAY_SECS) / 3600);
}

/** `YYYY-MM-DD` of local epoch seconds, or null outside the years SQLite's date() handles. */
export function isoDate(localEpochSecs: number): string | null {
  const d = new Date(localEpochSecs * 1000);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The first second after `from` whose day differs from the day of `from`
 * (or `limit + 1` when none does up to `limit`): doubling steps, then a
 * binary search. Exact while the day only moves forward with time, which
 * fails only in a zone whose clocks fall back across the rollover hour.
 */
function nextDayStart(dayAt: (secs: number) => string | null, from: number, limit: number): number {
  const day = dayAt(from);
  let lo = from;
  let step = 3600;
  let hi = from + step;
  while (hi <= limit && dayAt(hi) === day) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > limit) {
    if (dayAt(limit) === day) return limit + 1;
    hi = limit;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (dayAt(mid) === day) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * `[date, count]` for every day with reviews, newest first (a null date, for
 * ids beyond the year 9999, last). Rather than read every row, it finds
 * where each day with reviews ends and counts that id range in SQL.
 */
export function cardsReviewedByDay(col: Collection): [string | null, number][] {
  const shift = rolloverLocalHour(col) * 3600;
  const dayAt = (secs: number) => isoDate(localSecs(col, secs - shift));
  const perDay = new Map<string | null, number>();
  const add = (day: string | null, n: number) => perDay.set(day, (perDay.get(day) ?? 0) + n);
  // Negative ids (none in practice): SQLite's `id / 1000` truncates toward zero, so go second by second.
  for (const [secs, n] of col.db.rows('select id / 1000, count() from revlog where id < 0 group by 1') as [number, number][]) {
    add(dayAt(secs), n);
  }
  const maxId = col.db.scalar('select max(id) from revlog') as number | null;
  let next = col.db.scalar('select min(id) from revlog where id >= 0') as number | null;
  while (maxId !== null && next !== null) {
    const from = Math.floor(next / 1000);
    const end = nextDayStart(dayAt, from, Math.floor(maxId / 1000));
    add(dayAt(from), Number(col.db.scalar('select count() from revlog where id >= ? and id < ?', [from * 1000, end * 1000])));
    next = col.db.scalar('select min(id) from revlog where id >= ?', [end * 1000]) as number | null;
  }
  return [...perDay].sort(([a], [b]) => compareDaysDescending(a, b));
}

function compareDaysDescending(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}
