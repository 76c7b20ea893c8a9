/**
 * Everything needed to schedule one card now (scheduler/answering/mod.rs
 * `card_state_updater`): its deck and home deck, the home deck's preset,
 * the day timing, the fuzz factor, and under FSRS the memory state (built
 * from the review log when missing) and FSRS's next states. From these come
 * the card's current state and its four next states.
 */
import type { Card } from '../cards/row.ts';
import { cloneCard, CardType } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { deckConfigById } from '../deck-config/get.ts';
import { DEFAULT_CONFIG_ID } from '../decks/defaults.ts';
import type { DeckJson } from '../decks/types.ts';
import { schedConfig, type SchedConfig } from './config.ts';
import { stateContext, type StateContext } from './context.ts';
import { currentCardState, isFilteredDeckJson, memoryOf, u32Of } from './current.ts';
import { f32 } from './f32.ts';
import { decayFromParams, fsrsAllowsShortTerm, fsrsNextStates, type FsrsNextStates } from './fsrs.ts';
import { rebuildMemoryState } from './fsrs-memory.ts';
import { fuzzFactorFor } from './fuzz.ts';
import { ScheduleShared } from './schedule-shared.ts';
import { nextStates } from './states/next-states.ts';
import type { CardState, SchedulingStates } from './states/types.ts';
import type { SchedTiming } from './timing.ts';

export interface ScheduleOptions {
  /** Epoch ms to schedule at (default: the collection's clock). */
  nowMs?: number;
  /** The fuzz factor in [0, 1), or null for none (default: seeded from card id + reps). */
  fuzzFactor?: number | null;
}

export interface CardSchedule {
  /** A copy of the card (under FSRS with its decay and any rebuilt memory state set). */
  card: Card;
  deck: DeckJson | undefined;
  homeDeck: DeckJson | undefined;
  config: SchedConfig;
  timing: SchedTiming;
  nowMs: number;
  fuzzFactor: number | null;
  /** Set when FSRS is on. */
  desiredRetention: number | null;
  ctx: StateContext;
  current: CardState;
  states: SchedulingStates;
}

export function fsrsEnabled(col: Collection): boolean {
  return col.col.get('conf').fsrs === true;
}

function presetId(deck: DeckJson | undefined): number | bigint | string {
  const conf = deck?.conf;
  if (typeof conf === 'number' || typeof conf === 'bigint') return conf;
  if (typeof conf === 'string' && /^\d+$/.test(conf)) return conf;
  return DEFAULT_CONFIG_ID;
}

function homeDeckConfig(col: Collection, home: DeckJson | undefined): SchedConfig {
  const id = presetId(home);
  const preset = deckConfigById(col, typeof id === 'string' ? BigInt(id) : id) ?? deckConfigById(col, DEFAULT_CONFIG_ID);
  return schedConfig(preset);
}

/** The deck's own desired retention (a percentage in schema 11), else the preset's. */
function desiredRetentionFor(home: DeckJson | undefined, config: SchedConfig): number {
  const own = home?.desiredRetention;
  return typeof own === 'number' && Number.isInteger(own) && own >= 0 ? f32(own / 100) : config.desiredRetention;
}

function daysSinceLastReview(shared: ScheduleShared, card: Card, nextDayAt: number): number {
  const last = card.data.lastReviewTime ?? shared.timeOfLastReview(card.id);
  return last === null ? 0 : Math.floor(Math.max(0, nextDayAt - last) / 86_400);
}

function fsrsStates(shared: ScheduleShared, card: Card, config: SchedConfig, timing: SchedTiming, retention: number): FsrsNextStates {
  const params = config.fsrsParams;
  card.data.decay = decayFromParams(params);
  if (memoryOf(card) === null && card.type !== CardType.New) {
    const memory = rebuildMemoryState(card, shared.revlogForCard(card.id), {
      params,
      nextDayAt: timing.nextDayAt,
      historicalRetention: config.historicalRetention,
      ignoreRevlogsBeforeMs: config.ignoreRevlogsBeforeMs,
    });
    card.data.stability = memory?.stability ?? null;
    card.data.difficulty = memory?.difficulty ?? null;
  }
  return fsrsNextStates(params, memoryOf(card), retention, daysSinceLastReview(shared, card, timing.nextDayAt));
}

/** `shared`: what cards scheduled at the same instant have in common (see schedule-shared.ts). */
export function cardSchedule(col: Collection, stored: Card, opts: ScheduleOptions = {}, shared = new ScheduleShared(col)): CardSchedule {
  const card = cloneCard(stored);
  const nowMs = opts.nowMs ?? col.nowMs();
  const timing = shared.timing(Math.floor(nowMs / 1000));
  const deck = shared.deck(card.did);
  const homeDeck = card.odid !== 0 ? shared.deck(card.odid) : deck;
  const config = shared.config(homeDeck, () => homeDeckConfig(col, homeDeck));
  const fuzzFactor = opts.fuzzFactor === undefined ? fuzzFactorFor(card.id, card.reps) : opts.fuzzFactor;
  const fsrsOn = shared.fsrsEnabled();
  const retention = desiredRetentionFor(homeDeck, config);
  const fsrs = fsrsOn ? fsrsStates(shared, card, config, timing, retention) : null;
  const inFiltered = isFilteredDeckJson(deck);
  const ctx = stateContext(config, {
    fuzzFactor,
    fsrs,
    fsrsShortTermWithStepsEnabled: shared.fsrsShortTermWithSteps(),
    fsrsAllowShortTerm: fsrsOn && fsrsAllowsShortTerm(config.fsrsParams),
    inFilteredDeck: inFiltered,
    previewDelays: inFiltered
      ? { again: u32Of(deck!.previewAgainSecs), hard: u32Of(deck!.previewHardSecs), good: u32Of(deck!.previewGoodSecs) }
      : undefined,
  });
  const current = currentCardState(card, deck, config, timing.daysElapsed, timing.now);
  const states = nextStates(current, ctx);
  return { card, deck, homeDeck, config, timing, nowMs, fuzzFactor, desiredRetention: fsrsOn ? retention : null, ctx, current, states };
}
