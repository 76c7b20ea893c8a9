/**
 * A preset (`col.dconf` entry) as the scheduler reads it (deckconfig/
 * schema11.rs → DeckConfigInner): steps in minutes, multipliers as f32,
 * limits as integers. A preset that does not parse reads as the defaults.
 */
import { InvalidDeckConfig, normalizeDeckConfig } from '../deck-config/normalize.ts';
import { newDeckConfigJson } from '../decks/defaults.ts';
import type { DeckConfigJson } from '../decks/types.ts';
import { f32 } from './f32.ts';

export interface SchedConfig {
  learnSteps: number[];
  relearnSteps: number[];
  graduatingIntervalGood: number;
  graduatingIntervalEasy: number;
  /** `new.initialFactor` / 1000. */
  initialEase: number;
  hardMultiplier: number;
  easyMultiplier: number;
  intervalMultiplier: number;
  maximumReviewInterval: number;
  lapseMultiplier: number;
  minimumLapseInterval: number;
  leechThreshold: number;
  /** 0 suspend, 1 tag only. */
  leechAction: number;
  /** `maxTaken`: answer times are capped to this many seconds. */
  capAnswerTimeSecs: number;
  buryNew: boolean;
  buryReviews: boolean;
  buryInterdayLearning: boolean;
  /** `fsrsParams6`, else `fsrsParams5`, else `fsrsWeights`; may be empty. */
  fsrsParams: number[];
  desiredRetention: number;
  /** `sm2Retention`: the retention assumed when converting SM-2 history to FSRS. */
  historicalRetention: number;
  /** `ignoreRevlogsBeforeDate` as epoch ms (UTC midnight), 0 when unset. */
  ignoreRevlogsBeforeMs: number;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function floats(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).map(f32) : [];
}

function dateMs(v: unknown): number {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return 0;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isNaN(ms) ? 0 : ms;
}

function fsrsParams(c: DeckConfigJson): number[] {
  for (const key of ['fsrsParams6', 'fsrsParams5', 'fsrsWeights']) {
    const p = floats(c[key]);
    if (p.length) return p;
  }
  return [];
}

/** The preset as Anki would load it (missing keys defaulted). */
export function readPreset(preset: DeckConfigJson | undefined): DeckConfigJson {
  if (!preset) return newDeckConfigJson(1, 'Default', 0, 0);
  try {
    return normalizeDeckConfig(preset, preset.id, preset.mod, preset.usn);
  } catch (e) {
    if (!(e instanceof InvalidDeckConfig)) throw e;
    return newDeckConfigJson(1, 'Default', 0, 0);
  }
}

export function schedConfig(preset: DeckConfigJson | undefined): SchedConfig {
  const c = readPreset(preset);
  const ints = c.new.ints;
  return {
    learnSteps: floats(c.new.delays),
    relearnSteps: floats(c.lapse.delays),
    graduatingIntervalGood: num(ints[0], 1),
    graduatingIntervalEasy: num(ints[1], 4),
    initialEase: f32(num(c.new.initialFactor, 2500) / 1000),
    hardMultiplier: f32(num(c.rev.hardFactor, 1.2)),
    easyMultiplier: f32(num(c.rev.ease4, 1.3)),
    intervalMultiplier: f32(num(c.rev.ivlFct, 1)),
    maximumReviewInterval: num(c.rev.maxIvl, 36500),
    lapseMultiplier: f32(num(c.lapse.mult, 0)),
    minimumLapseInterval: num(c.lapse.minInt, 1),
    leechThreshold: num(c.lapse.leechFails, 8),
    leechAction: c.lapse.leechAction === 0 ? 0 : 1,
    capAnswerTimeSecs: Math.max(0, num(c.maxTaken, 60)),
    buryNew: c.new.bury === true,
    buryReviews: c.rev.bury === true,
    buryInterdayLearning: c.buryInterdayLearning === true,
    fsrsParams: fsrsParams(c),
    desiredRetention: f32(num(c.desiredRetention, 0.9)),
    historicalRetention: f32(num(c.sm2Retention, 0.9)),
    ignoreRevlogsBeforeMs: dateMs(c.ignoreRevlogsBeforeDate),
  };
}
