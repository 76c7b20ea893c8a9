/**
 * Set due date (scheduler/reviews.rs `set_due_date`): "0" today, "5" in
 * five days, "3-7" a random day in that range, "!" to also reset the
 * interval to the new delay. Cards become review cards (new cards get the
 * preset's starting ease; cards in a filtered deck go home). Review and
 * relearning cards keep their interval unless "!" is given; under FSRS the
 * interval becomes the days since the last review plus the delay. Each card
 * gets a manual review-log row.
 */
import { leaveFilteredDeck } from '../cards/queue.ts';
import { CardQueue, CardType, getCards, updateCard, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { deckById } from '../decks/get.ts';
import { deckConfigById } from '../deck-config/get.ts';
import { DEFAULT_CONFIG_ID } from '../decks/defaults.ts';
import { schedConfig } from './config.ts';
import { asU32, f32, roundHalfAway } from './f32.ts';
import { logManualReview } from './manual-log.ts';
import { fsrsEnabled } from './schedule.ts';
import { isUnixEpochTimestamp, timingAt } from './timing.ts';

export interface DueDateSpec {
  min: number;
  max: number;
  forceReset: boolean;
}

/** Why a due-date text was refused: `'invalid'` (Anki's message is the text itself) or `'number'` (a number out of range). */
export class InvalidDueDateError extends Error {
  constructor(
    readonly input: string,
    readonly reason: 'invalid' | 'number',
  ) {
    super(reason === 'invalid' ? input : `number out of range in ${input}`);
  }
}

const U32_MAX = 4_294_967_295;

function parseU32(digits: string, input: string): number {
  if (!/^[0-9]+$/.test(digits)) throw new InvalidDueDateError(input, 'number');
  const n = Number(digits);
  if (n > U32_MAX) throw new InvalidDueDateError(input, 'number');
  return n;
}

/** Parses "N", "N-M" and either with "!" (Anki's `parse_due_date_str`). */
export function parseDueDate(input: string): DueDateSpec {
  const m = /^(\p{Nd}+)(?:-(\p{Nd}+))?(!)?$/u.exec(input);
  if (!m) throw new InvalidDueDateError(input, 'invalid');
  const min = parseU32(m[1]!, input);
  const max = m[2] === undefined ? min : parseU32(m[2], input);
  return { min: Math.min(min, max), max: Math.max(min, max), forceReset: m[3] !== undefined };
}

interface DueDateContext {
  today: number;
  nextDayAt: number;
  fsrs: boolean;
}

function newInterval(card: Card, c: DueDateContext, days: number, forceReset: boolean): number {
  if (c.fsrs) {
    if (card.queue === CardQueue.New || card.ivl === 0) return 0;
    const last = card.data.lastReviewTime;
    if (last !== null) return Math.floor(Math.max(0, c.nextDayAt - last) / 86_400) + days;
    const due = card.odid !== 0 ? card.odue : card.due;
    const currentDue = isUnixEpochTimestamp(due) ? c.today + Math.trunc((due - c.nextDayAt) / 86_400) : due;
    return Math.max(0, card.ivl + (c.today + days - currentDue));
  }
  if (forceReset || (card.type !== CardType.Review && card.type !== CardType.Relearn)) return Math.max(days, 1);
  return Math.max(card.ivl, 1);
}

function scheduleAsReview(card: Card, interval: number, due: number, ease: number): void {
  card.data.originalPosition = card.type === CardType.New ? asU32(card.odid !== 0 ? card.odue : card.due) : card.data.originalPosition;
  leaveFilteredDeck(card);
  card.ivl = interval;
  card.due = due;
  card.type = CardType.Review;
  card.queue = CardQueue.Review;
  if (card.factor === 0) card.factor = Math.min(asU32(roundHalfAway(f32(ease * 1000))), 65_535);
}

/** The starting ease of the preset of the card's home deck. */
function initialEase(col: Collection, card: Card): number {
  const deck = deckById(col, card.odid !== 0 ? card.odid : card.did);
  const conf = deck?.conf;
  const preset = (typeof conf === 'number' || typeof conf === 'bigint' ? deckConfigById(col, conf) : undefined) ?? deckConfigById(col, DEFAULT_CONFIG_ID);
  return schedConfig(preset).initialEase;
}

/** Sets the cards due per `days` (throws InvalidDueDateError); `random` picks days in a range (default Math.random). */
export function setDueDate(col: Collection, ids: readonly number[], days: string, random: () => number = Math.random): void {
  const spec = parseDueDate(days);
  const timing = timingAt(col);
  const c: DueDateContext = { today: timing.daysElapsed, nextDayAt: timing.nextDayAt, fsrs: fsrsEnabled(col) };
  col.transact(() => {
    for (const card of getCards(col, ids)) {
      const originalIvl = card.ivl;
      const delay = spec.min + Math.floor(random() * (spec.max - spec.min + 1));
      const interval = newInterval(card, c, delay, spec.forceReset);
      scheduleAsReview(card, interval, c.today + delay, initialEase(col, card));
      logManualReview(col, card, originalIvl);
      updateCard(col, card);
    }
    col.col.touch(col.nowMs());
  });
}
