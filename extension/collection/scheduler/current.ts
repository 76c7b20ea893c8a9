/**
 * A card's current scheduling state from its row (scheduler/answering/
 * current.rs). In a normal deck a review card's due date is taken as today
 * at the latest (an overdue card is late, never early); in a filtered deck
 * the home due date counts, and the state is wrapped as rescheduling or
 * preview according to the deck.
 */
import { CardQueue, CardType, type Card } from '../cards/row.ts';
import type { DeckJson } from '../decks/types.ts';
import type { SchedConfig } from './config.ts';
import { asU32, f32 } from './f32.ts';
import { currentDelaySecs } from './states/steps.ts';
import type { CardState, MemoryState, NormalState } from './states/types.ts';

export function isFilteredDeckJson(deck: DeckJson | undefined): boolean {
  return !!deck && !!deck.dyn;
}

export function memoryOf(card: Card): MemoryState | null {
  const { stability, difficulty } = card.data;
  return stability !== null && difficulty !== null ? { stability, difficulty } : null;
}

export function u32Of(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? Math.min(v, 4_294_967_295) : 0;
}

/** Seconds since the card was last shown (only meaningful for learning cards). */
function elapsedSecs(card: Card, due: number, lastIvl: number, today: number, nowSecs: number): number {
  if (card.queue === CardQueue.Learn) return asU32(nowSecs - (due - lastIvl));
  if (card.queue === CardQueue.DayLearn) return asU32((today - due + Math.max(Math.floor(lastIvl / 86_400), 1)) * 86_400);
  return 0;
}

function normalState(card: Card, due: number, config: SchedConfig, today: number, nowSecs: number): NormalState {
  const memory = memoryOf(card);
  const remainingSteps = card.left % 1000;
  const easeFactor = f32(card.factor / 1000);
  switch (card.type) {
    case CardType.New:
      return { kind: 'new', position: Math.max(due, 0) };
    case CardType.Learn: {
      const last = currentDelaySecs(config.learnSteps, remainingSteps);
      return { kind: 'learning', remainingSteps, scheduledSecs: last, elapsedSecs: elapsedSecs(card, due, last, today, nowSecs), memory };
    }
    case CardType.Review:
      return {
        kind: 'review',
        scheduledDays: card.ivl,
        elapsedDays: Math.max(card.ivl - (due - today), 0),
        easeFactor,
        lapses: card.lapses,
        leeched: false,
        memory,
      };
    default: {
      const last = currentDelaySecs(config.relearnSteps, remainingSteps);
      return {
        kind: 'relearning',
        learning: { kind: 'learning', remainingSteps, scheduledSecs: last, elapsedSecs: elapsedSecs(card, due, last, today, nowSecs), memory },
        review: { kind: 'review', scheduledDays: card.ivl, elapsedDays: card.ivl, easeFactor, lapses: card.lapses, leeched: false, memory },
      };
    }
  }
}

export function currentCardState(card: Card, deck: DeckJson | undefined, config: SchedConfig, today: number, nowSecs: number): CardState {
  const filtered = isFilteredDeckJson(deck);
  let due = card.due;
  if (!filtered && card.type === CardType.Review) due = Math.min(due, today);
  if (filtered && card.odue !== 0) due = card.odue;
  const normal = normalState(card, due, config, today, nowSecs);
  if (!filtered) return normal;
  if (deck!.resched) return { kind: 'rescheduling', original: normal };
  return { kind: 'preview', scheduledSecs: u32Of(deck!.previewAgainSecs), finished: false };
}
