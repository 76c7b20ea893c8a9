/**
 * What a deck may still show today (decks/limits.rs, v3): its preset's
 * `new.perDay` / `rev.perDay`, or the deck's own limit (`newLimit`,
 * `reviewLimit`, or today's `newLimitToday` / `reviewLimitToday`), minus
 * what was studied today (`newToday` / `revToday`). Unless
 * `newCardsIgnoreReviewLimit` is set, new cards also count against the
 * review limit. Filtered decks, and decks whose preset is missing, are
 * unlimited (9999).
 */
import type { DeckConfigJson, DeckJson } from './types.ts';

export interface RemainingLimits {
  review: number;
  new: number;
  capNewToReview: boolean;
}

export const UNLIMITED: Readonly<RemainingLimits> = { review: 9999, new: 9999, capNewToReview: false };

const DEFAULT_NEW_PER_DAY = 20;
const DEFAULT_REVIEWS_PER_DAY = 200;

function u32(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4_294_967_295 ? value : undefined;
}

/** A per-day preset value; out of 0–9999 it falls back to Anki's default. */
function perDay(value: unknown, fallback: number): number {
  const v = u32(value);
  return v !== undefined && v <= 9999 ? v : fallback;
}

/** `{limit, today}` when it applies to `today`. */
function limitIfToday(value: unknown, today: number): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { limit, today: day } = value as { limit?: unknown; today?: unknown };
  return u32(day) === today ? u32(limit ?? 0) : undefined;
}

/** `[day, amount]` of a `*Today` pair. */
function todayPair(value: unknown): [number, number] {
  const arr = Array.isArray(value) ? value : [];
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
  return [n(arr[0]), n(arr[1])];
}

/** New and review cards studied today in this deck (schema 11's `newToday` / `revToday`). */
export function studiedToday(deck: DeckJson, today: number): { new: number; review: number } {
  const time = todayPair(deck.timeToday);
  const neu = todayPair(deck.newToday);
  const rev = todayPair(deck.revToday);
  const lastDay = Math.max(time[0], neu[0], rev[0]);
  if (lastDay !== today) return { new: 0, review: 0 };
  return { new: neu[0] === lastDay ? neu[1] : 0, review: rev[0] === lastDay ? rev[1] : 0 };
}

export function remainingLimits(
  deck: DeckJson,
  config: DeckConfigJson | undefined,
  today: number,
  newCardsIgnoreReviewLimit: boolean,
): RemainingLimits {
  if (deck.dyn || !config) return { ...UNLIMITED };
  let review =
    limitIfToday(deck.reviewLimitToday, today) ?? u32(deck.reviewLimit) ?? perDay(config.rev?.perDay, DEFAULT_REVIEWS_PER_DAY);
  let neu = limitIfToday(deck.newLimitToday, today) ?? u32(deck.newLimit) ?? perDay(config.new?.perDay, DEFAULT_NEW_PER_DAY);
  const studied = studiedToday(deck, today);
  review -= studied.review;
  neu -= studied.new;
  if (!newCardsIgnoreReviewLimit) {
    review -= studied.new;
    neu = Math.min(neu, review);
  }
  return { review: Math.max(0, review), new: Math.max(0, neu), capNewToReview: !newCardsIgnoreReviewLimit };
}

/** The tighter of two limits (a parent's applies to its children when `applyAllParentLimits` is set). */
export function capTo(limits: RemainingLimits, parent: RemainingLimits): RemainingLimits {
  return { ...limits, review: Math.min(limits.review, parent.review), new: Math.min(limits.new, parent.new) };
}
