/**
 * Learning and relearning steps (scheduler/states/steps.rs): the delays in
 * minutes of a preset's `new.delays` / `lapse.delays`, and which delay each
 * button gives from the current step. `remaining` is `cards.left` (only
 * its last three digits count: v2 packed "steps today" above them).
 */
import { asU32, f32, roundHalfAway } from '../f32.ts';

const DAY = 86_400;
const U32_MAX = 4_294_967_295;

function toSecs(minutes: number): number {
  return asU32(f32(f32(minutes) * 60));
}

function index(steps: readonly number[], remaining: number): number {
  const total = steps.length;
  return Math.min(Math.max(0, total - (remaining % 1000)), Math.max(0, total - 1));
}

function secsAt(steps: readonly number[], i: number): number | null {
  return i < steps.length ? toSecs(steps[i]!) : null;
}

/** Over a day, a delay is rounded to whole days, so it gives the same result early and late in the day. */
export function maybeRoundInDays(secs: number): number {
  if (secs <= DAY) return secs;
  return Math.min(asU32(roundHalfAway(f32(f32(secs) / DAY))) * DAY, U32_MAX);
}

/** Again: the first step. */
export function againDelaySecs(steps: readonly number[]): number | null {
  return secsAt(steps, 0);
}

/** Hard on the first step: between the first and second step, or 1.5× (at most +1 day) with one step. */
function hardDelayForFirstStep(steps: readonly number[], againSecs: number): number {
  const next = secsAt(steps, 1);
  if (next !== null) return maybeRoundInDays(Math.floor(Math.min(againSecs + next, U32_MAX) / 2));
  const secs = Math.min(Math.floor(Math.min(againSecs * 3, U32_MAX) / 2), Math.min(againSecs + DAY, U32_MAX));
  return maybeRoundInDays(secs);
}

/** Hard: the current step's delay (special on the first step). */
export function hardDelaySecs(steps: readonly number[], remaining: number): number | null {
  const i = index(steps, remaining);
  const current = secsAt(steps, i) ?? secsAt(steps, 0);
  if (current === null) return null;
  return i === 0 ? hardDelayForFirstStep(steps, current) : current;
}

/** Good: the next step's delay, or null after the last step (graduation). */
export function goodDelaySecs(steps: readonly number[], remaining: number): number | null {
  return secsAt(steps, index(steps, remaining) + 1);
}

export function currentDelaySecs(steps: readonly number[], remaining: number): number {
  return secsAt(steps, index(steps, remaining)) ?? 0;
}

export function remainingForGood(steps: readonly number[], remaining: number): number {
  return Math.max(0, steps.length - (index(steps, remaining) + 1));
}

export function remainingForFailed(steps: readonly number[]): number {
  return steps.length;
}
