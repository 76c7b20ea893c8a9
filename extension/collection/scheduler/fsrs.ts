/**
 * FSRS through ts-fsrs (Anki uses fsrs-rs; the model and default
 * parameters are the same). Anki asks FSRS for the memory state after each
 * button and the unrounded interval that reaches the desired retention,
 * then applies its own steps, fuzz and limits (states/*.ts).
 */
import { FSRSAlgorithm, computeDecayFactor } from 'ts-fsrs';
import { f32 } from './f32.ts';
import type { MemoryState } from './states/types.ts';

export interface FsrsItemState {
  memory: MemoryState;
  /** Days, unrounded (f32). */
  interval: number;
}

export interface FsrsNextStates {
  again: FsrsItemState;
  hard: FsrsItemState;
  good: FsrsItemState;
  easy: FsrsItemState;
}

/** Anki's error for parameters of a length FSRS does not know. */
export const INVALID_FSRS_PARAMS = 'The provided FSRS parameters are invalid. Leave them blank to use the default values.';

const FSRS5_DEFAULT_DECAY = 0.5;
const FSRS6_DEFAULT_DECAY = 0.1542;

/** The decay Anki stores with a card (`data.decay`) for these parameters. */
export function decayFromParams(params: readonly number[]): number {
  if (params.length === 0) return f32(FSRS6_DEFAULT_DECAY);
  if (params.length < 21) return f32(FSRS5_DEFAULT_DECAY);
  return params[20]!;
}

/** Whether FSRS may give sub-day intervals: the default parameters, or w17 and w18 both positive. */
export function fsrsAllowsShortTerm(params: readonly number[]): boolean {
  if (params.length >= 19) return params[17]! > 0 && params[18]! > 0;
  return params.length === 0;
}

const algorithms = new Map<string, FSRSAlgorithm>();

/** The FSRS model for `params` (empty: the defaults); throws for a length FSRS does not know. */
export function fsrsModel(params: readonly number[]): FSRSAlgorithm {
  if (![0, 17, 19, 21].includes(params.length)) throw new Error(INVALID_FSRS_PARAMS);
  const key = params.join(',');
  let alg = algorithms.get(key);
  if (!alg) {
    alg = new FSRSAlgorithm({ w: params.length ? [...params] : undefined, enable_short_term: true, enable_fuzz: false });
    if (algorithms.size > 32) algorithms.clear();
    algorithms.set(key, alg);
  }
  return alg;
}

/** Days until recall probability falls to `retention`, for `stability` (unrounded). */
export function intervalForRetention(alg: FSRSAlgorithm, stability: number, retention: number): number {
  const { decay, factor } = computeDecayFactor(alg.parameters.w);
  return f32((stability / factor) * (Math.pow(retention, 1 / decay) - 1));
}

/** One review: the memory after answering `rating` (1–4) `deltaT` days after the last review. */
export function nextMemory(alg: FSRSAlgorithm, memory: MemoryState | null, deltaT: number, rating: number): MemoryState {
  const next = alg.next_state(memory ? { stability: memory.stability, difficulty: memory.difficulty } : null, deltaT, rating);
  return { stability: f32(next.stability), difficulty: f32(next.difficulty) };
}

/** FSRS's next states for each button (fsrs-rs `next_states`). */
export function fsrsNextStates(
  params: readonly number[],
  memory: MemoryState | null,
  desiredRetention: number,
  daysElapsed: number,
): FsrsNextStates {
  const alg = fsrsModel(params);
  const item = (rating: number): FsrsItemState => {
    const m = nextMemory(alg, memory, daysElapsed, rating);
    return { memory: m, interval: intervalForRetention(alg, m.stability, desiredRetention) };
  };
  return { again: item(1), hard: item(2), good: item(3), easy: item(4) };
}

/** A memory state from SM-2 values (fsrs-rs `memory_state_from_sm2`). */
export function memoryStateFromSm2(params: readonly number[], easeFactor: number, interval: number, sm2Retention: number): MemoryState {
  const w = fsrsModel(params).parameters.w;
  const { decay, factor } = computeDecayFactor(w);
  const stability = (Math.max(interval, 0.001) * factor) / (Math.pow(sm2Retention, 1 / decay) - 1);
  const difficulty = 11 - (easeFactor - 1) / (Math.exp(w[8]!) * Math.pow(stability, -w[9]!) * Math.expm1((1 - sm2Retention) * w[10]!));
  if (!Number.isFinite(stability) || !Number.isFinite(difficulty)) throw new Error(INVALID_FSRS_PARAMS);
  return { stability: f32(stability), difficulty: f32(Math.min(Math.max(difficulty, 1), 10)) };
}

/** The memory after a history of reviews (fsrs-rs `memory_state`), from `starting` or from scratch. */
export function memoryFromReviews(
  params: readonly number[],
  reviews: readonly { rating: number; deltaT: number }[],
  starting: MemoryState | null,
): MemoryState | null {
  const alg = fsrsModel(params);
  let memory = starting;
  for (const r of reviews) memory = nextMemory(alg, memory, r.deltaT, r.rating);
  return memory;
}
