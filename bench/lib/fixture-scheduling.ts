/**
 * Scheduling state for fixture cards, as a collection in use has them: new,
 * learning, relearning, review (due in the past and in the future, intervals
 * up to about a year), suspended and buried cards, so `is:due`,
 * `prop:ivl>10` and `-is:suspended` select real subsets.
 *
 * Intraday learning cards are due either more than an hour ago or more than
 * two hours ahead, so `is:due` gives the same answer for the whole run
 * (unless it crosses the day rollover).
 */

export interface CardState {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
}

export interface SchedulingClock {
  /** Today's day number in the fixture collection. */
  today: number;
  /** Epoch seconds when the fixture was built. */
  nowSecs: number;
}

const HOUR = 3600;

function reviewState(rand: () => number, today: number, queue: number): CardState {
  const ivl = 1 + Math.floor(400 * rand() ** 2);
  const due = today - Math.floor(rand() * 15) + Math.floor(rand() * (ivl + 1));
  const reps = 2 + Math.floor(rand() * 30);
  return { type: 2, queue, due, ivl, factor: 1300 + 50 * Math.floor(rand() * 30), reps, lapses: Math.floor(8 * rand() ** 3), left: 0 };
}

function intradayDue(rand: () => number, nowSecs: number): number {
  return rand() < 0.5 ? nowSecs - HOUR - Math.floor(rand() * 3 * HOUR) : nowSecs + 2 * HOUR + Math.floor(rand() * 4 * HOUR);
}

/** One card's state; `position` is its new-card position (used when it is new). */
export function cardState(rand: () => number, clock: SchedulingClock, position: number): CardState {
  const r = rand();
  if (r < 0.35) return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0 };
  if (r < 0.4) return { type: 1, queue: 1, due: intradayDue(rand, clock.nowSecs), ivl: 0, factor: 0, reps: 1 + Math.floor(rand() * 3), lapses: 0, left: 2002 };
  if (r < 0.42) {
    const review = reviewState(rand, clock.today, 1);
    return { ...review, type: 3, due: intradayDue(rand, clock.nowSecs), ivl: 1 + (review.ivl % 20), lapses: review.lapses + 1, left: 1001 };
  }
  if (r < 0.44) return { type: 1, queue: 3, due: clock.today + (rand() < 0.5 ? -1 : 1), ivl: 0, factor: 0, reps: 2, lapses: 0, left: 1001 };
  if (r < 0.9) return reviewState(rand, clock.today, 2);
  if (r < 0.96) return reviewState(rand, clock.today, -1);
  return reviewState(rand, clock.today, rand() < 0.5 ? -2 : -3);
}
