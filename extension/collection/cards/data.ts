/**
 * The JSON in a card's `data` column (storage/card/data.rs): the original
 * new-card position (`pos`), the FSRS memory state (`s`, `d`), desired
 * retention (`dr`), `decay`, the last review time (`lrt`, epoch seconds) and
 * custom scheduling data (`cd`, a JSON text). Anki reads each key leniently
 * (a key of the wrong type is as if missing; text that is not a JSON object,
 * or a `cd` that is not a string, reads as empty) and writes only the keys
 * that are set, in that order, with its rounding (s 4 places, d 3, dr 2,
 * decay 3) and f32 numbers. Unknown keys are not kept.
 */
import { f32, f32Json, roundF32 } from '../scheduler/f32.ts';

export interface CardData {
  /** `pos`: the position the card had while new. */
  originalPosition: number | null;
  /** `s`: FSRS stability in days. */
  stability: number | null;
  /** `d`: FSRS difficulty, 1–10. */
  difficulty: number | null;
  /** `dr`: the desired retention the card was last scheduled with (FSRS). */
  desiredRetention: number | null;
  decay: number | null;
  /** `lrt`: epoch seconds of the last answer. */
  lastReviewTime: number | null;
  /** `cd`: custom data (a JSON object's text, or ""). */
  customData: string;
}

export function emptyCardData(): CardData {
  return {
    originalPosition: null,
    stability: null,
    difficulty: null,
    desiredRetention: null,
    decay: null,
    lastReviewTime: null,
    customData: '',
  };
}

const U32_MAX = 4_294_967_295;

function u32(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= U32_MAX ? v : null;
}

function float(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? f32(v) : null;
}

function i64(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** Reads the `data` column as Anki does: anything unreadable is empty data. */
export function parseCardData(text: unknown): CardData {
  if (typeof text !== 'string' || text === '') return emptyCardData();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return emptyCardData();
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return emptyCardData();
  const o = json as Record<string, unknown>;
  if (o.cd !== undefined && typeof o.cd !== 'string') return emptyCardData();
  return {
    originalPosition: u32(o.pos),
    stability: float(o.s),
    difficulty: float(o.d),
    desiredRetention: float(o.dr),
    decay: float(o.decay),
    lastReviewTime: i64(o.lrt),
    customData: typeof o.cd === 'string' ? o.cd : '',
  };
}

/** The `data` text Anki writes for `data`. */
export function serializeCardData(data: CardData): string {
  const parts: string[] = [];
  if (data.originalPosition !== null) parts.push(`"pos":${data.originalPosition}`);
  if (data.stability !== null) parts.push(`"s":${f32Json(roundF32(data.stability, 4))}`);
  if (data.difficulty !== null) parts.push(`"d":${f32Json(roundF32(data.difficulty, 3))}`);
  if (data.desiredRetention !== null) parts.push(`"dr":${f32Json(roundF32(data.desiredRetention, 2))}`);
  if (data.decay !== null) parts.push(`"decay":${f32Json(roundF32(data.decay, 3))}`);
  if (data.lastReviewTime !== null) parts.push(`"lrt":${data.lastReviewTime}`);
  if (data.customData !== '' && data.customData !== '{}') parts.push(`"cd":${JSON.stringify(data.customData)}`);
  return `{${parts.join(',')}}`;
}
