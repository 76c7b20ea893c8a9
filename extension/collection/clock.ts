/** Time as the collection sees it; injected so tests and replays are exact. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Minutes west of UTC now, as JavaScript's getTimezoneOffset (and Anki's offsets) count them. */
  utcOffsetMinutes(atMs: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  utcOffsetMinutes: (atMs) => new Date(atMs).getTimezoneOffset(),
};

export function fixedClock(startMs: number, offsetMinutes = 0): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = startMs;
  return {
    now: () => t,
    utcOffsetMinutes: () => offsetMinutes,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
