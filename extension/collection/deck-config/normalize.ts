/**
 * Reading a preset given as schema-11 JSON the way Anki's serde does
 * (deckconfig/schema11.rs), so that what is stored stays loadable by Anki:
 * required keys must be there with the right types (else the preset is
 * refused); `new`, `rev` and `lapse` that do not parse become the defaults;
 * missing optional keys get their defaults; unknown keys are kept.
 */
import { newDeckConfigJson } from '../decks/defaults.ts';
import type { DeckConfigJson } from '../decks/types.ts';

type Json = Record<string, unknown>;
type Check = (v: unknown) => boolean;

const int = (min: number, max: number): Check => (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const i32 = int(-2_147_483_648, 2_147_483_647);
const u32 = int(0, 4_294_967_295);
const u16 = int(0, 65_535);
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const str: Check = (v) => typeof v === 'string';
const nums: Check = (v) => Array.isArray(v) && v.every(num);
const any: Check = () => true;
/** serde_aux's `deserialize_number_from_string`. */
const intOrIntString: Check = (v) => typeof v === 'bigint' || int(-(2 ** 63), 2 ** 63)(v) || (typeof v === 'string' && /^[+-]?\d+$/.test(v));

export class InvalidDeckConfig extends Error {}

const REQUIRED: Record<string, Check> = {
  id: intOrIntString, mod: intOrIntString, name: str, usn: i32, maxTaken: i32, autoplay: bool,
  timer: any, new: any, rev: any, lapse: any,
};

const OPTIONAL: Record<string, Check> = {
  replayq: bool, newMix: i32, newPerDayMinimum: u32, interdayLearningMix: i32, reviewOrder: i32,
  newSortOrder: i32, newGatherPriority: i32, buryInterdayLearning: bool, fsrsWeights: nums,
  fsrsParams5: nums, fsrsParams6: nums, desiredRetention: num, ignoreRevlogsBeforeDate: str,
  easyDaysPercentages: nums, stopTimerOnAnswer: bool, secondsToShowQuestion: num,
  secondsToShowAnswer: num, questionAction: int(0, 1), answerAction: int(0, 4), waitForAudio: bool,
  sm2Retention: num, weightSearch: str,
};

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Whether `obj` has every `required` key (right type) and no `optional` key of the wrong type. */
function parses(obj: Json, required: Record<string, Check>, optional: Record<string, Check>): string | null {
  for (const [k, ok] of Object.entries(required)) if (!Object.hasOwn(obj, k) || !ok(obj[k])) return k;
  for (const [k, ok] of Object.entries(optional)) if (Object.hasOwn(obj, k) && !ok(obj[k])) return k;
  return null;
}

/** `value` if it passes `ok`, else `fallback` (serde's `default_on_invalid`). */
function orDefault<T>(value: unknown, ok: Check, fallback: T): T {
  return ok(value) ? (value as T) : fallback;
}

function newSection(given: unknown, fallback: DeckConfigJson['new']): DeckConfigJson['new'] {
  if (!isObject(given) || parses(given, { delays: any, initialFactor: u16, ints: any, order: any, perDay: any }, { bury: bool })) {
    return fallback;
  }
  const ints = Array.isArray(given.ints) && given.ints.length >= 2 && given.ints.every(u16) ? [given.ints[0], given.ints[1], 0] : [1, 4, 0];
  return {
    ...fallback,
    ...given,
    delays: orDefault(given.delays, nums, []),
    ints: ints as number[],
    order: orDefault(given.order, int(0, 1), 1),
    perDay: orDefault(given.perDay, u32, 0),
  } as DeckConfigJson['new'];
}

function revSection(given: unknown, fallback: DeckConfigJson['rev']): DeckConfigJson['rev'] {
  if (!isObject(given) || parses(given, { ease4: num, ivlFct: num, maxIvl: u32, perDay: any }, { bury: bool, hardFactor: num })) {
    return fallback;
  }
  return { ...fallback, ...given, perDay: orDefault(given.perDay, u32, 0) } as DeckConfigJson['rev'];
}

function lapseSection(given: unknown, fallback: DeckConfigJson['lapse']): DeckConfigJson['lapse'] {
  if (!isObject(given) || parses(given, { delays: any, leechAction: any, leechFails: u32, minInt: u32, mult: num }, {})) {
    return fallback;
  }
  return {
    ...fallback,
    ...given,
    delays: orDefault(given.delays, nums, []),
    leechAction: orDefault(given.leechAction, int(0, 1), 1),
  } as DeckConfigJson['lapse'];
}

/**
 * The preset Anki would store for `given`, with `id`, `mod` and `usn` set
 * (`dyn` is always false for a preset). Throws InvalidDeckConfig naming
 * the first key that does not parse.
 */
export function normalizeDeckConfig(given: unknown, id: number | bigint, mod: number, usn: number): DeckConfigJson {
  if (!isObject(given)) throw new InvalidDeckConfig('deck config must be an object');
  const bad = parses(given, REQUIRED, OPTIONAL);
  if (bad !== null) throw new InvalidDeckConfig(`deck config has an invalid or missing "${bad}"`);
  const base = newDeckConfigJson(0, '', mod, usn);
  return {
    ...base,
    ...given,
    id,
    mod,
    usn,
    timer: orDefault(given.timer, int(0, 255), 0),
    new: newSection(given.new, base.new),
    rev: revSection(given.rev, base.rev),
    lapse: lapseSection(given.lapse, base.lapse),
    dyn: false,
  } as DeckConfigJson;
}
