/**
 * What a state transition needs (scheduler/states/mod.rs `StateContext`):
 * the preset's values, the fuzz factor (null: no fuzz), FSRS's next states
 * when FSRS is on, and the filtered deck's preview delays. Everything is
 * injected, so `nextStates(state, ctx)` is a pure function.
 */
import type { SchedConfig } from './config.ts';
import type { FsrsNextStates } from './fsrs.ts';

export interface PreviewDelays {
  again: number;
  hard: number;
  good: number;
}

export interface StateContext {
  /** In [0, 1): picks the interval within the fuzz range; null for no fuzz. */
  fuzzFactor: number | null;
  /** FSRS's intervals and memory states per button; null under SM-2. */
  fsrs: FsrsNextStates | null;
  fsrsShortTermWithStepsEnabled: boolean;
  fsrsAllowShortTerm: boolean;
  learnSteps: readonly number[];
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  initialEaseFactor: number;
  hardMultiplier: number;
  easyMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  leechThreshold: number;
  relearnSteps: readonly number[];
  lapseMultiplier: number;
  minimumLapseInterval: number;
  inFilteredDeck: boolean;
  previewDelays: PreviewDelays;
}

export interface ContextExtras {
  fuzzFactor?: number | null;
  fsrs?: FsrsNextStates | null;
  fsrsShortTermWithStepsEnabled?: boolean;
  fsrsAllowShortTerm?: boolean;
  inFilteredDeck?: boolean;
  previewDelays?: PreviewDelays;
}

export function stateContext(config: SchedConfig, extras: ContextExtras = {}): StateContext {
  return {
    fuzzFactor: extras.fuzzFactor ?? null,
    fsrs: extras.fsrs ?? null,
    fsrsShortTermWithStepsEnabled: extras.fsrsShortTermWithStepsEnabled ?? false,
    fsrsAllowShortTerm: extras.fsrsAllowShortTerm ?? false,
    learnSteps: config.learnSteps,
    graduatingIntervalGood: config.graduatingIntervalGood,
    graduatingIntervalEasy: config.graduatingIntervalEasy,
    initialEaseFactor: config.initialEase,
    hardMultiplier: config.hardMultiplier,
    easyMultiplier: config.easyMultiplier,
    intervalMultiplier: config.intervalMultiplier,
    maximumReviewInterval: config.maximumReviewInterval,
    leechThreshold: config.leechThreshold,
    relearnSteps: config.relearnSteps,
    lapseMultiplier: config.lapseMultiplier,
    minimumLapseInterval: config.minimumLapseInterval,
    inFilteredDeck: extras.inFilteredDeck ?? false,
    previewDelays: extras.previewDelays ?? { again: 0, hard: 0, good: 0 },
  };
}

/** `[minimum, maximum]` for a review interval: maximum ≥ 1, minimum in [1, maximum]. */
export function minMaxReviewIntervals(ctx: StateContext, minimum: number): [number, number] {
  const maximum = Math.max(ctx.maximumReviewInterval, 1);
  return [Math.min(Math.max(minimum, 1), maximum), maximum];
}

/** True while FSRS may schedule short (sub-day) intervals for these steps. */
export function fsrsShortTerm(ctx: StateContext, steps: readonly number[], interval: number): boolean {
  return ctx.fsrsAllowShortTerm && (ctx.fsrsShortTermWithStepsEnabled || steps.length === 0) && interval < 0.5;
}
