/**
 * What scheduling cards at one instant has in common, worked out once: the
 * day timing, the collection's FSRS switches, the learn-ahead limit and
 * each home deck's preset as the scheduler reads it, and under FSRS the
 * review logs of the cards about to be scheduled (preloadReviews), read in
 * one go. cardSchedule takes a fresh one per card by default; a batch
 * (cardsInfo's nextReviews) passes one for all its cards. For reads only:
 * the collection must not change while one is in use, since nothing here
 * notices a change.
 */
import { CardType, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { deckById } from '../decks/get.ts';
import type { DeckJson } from '../decks/types.ts';
import type { SchedConfig } from './config.ts';
import { memoryOf } from './current.ts';
import { revlogForCard, timeOfLastReview, type RevlogEntry } from './revlog.ts';
import { lastReviewTimes, revlogsForCards } from './revlog-batch.ts';
import { learnAheadSecs, timingAt, type SchedTiming } from './timing.ts';

export class ScheduleShared {
  private readonly timings = new Map<number, SchedTiming>();
  private readonly configs = new Map<DeckJson | undefined, SchedConfig>();
  private readonly decks = new Map<number, DeckJson | undefined>();
  private conf: Record<string, unknown> | undefined;
  private learnAhead: number | undefined;
  private revlogs = new Map<number, RevlogEntry[]>();
  private lastReviews = new Map<number, number | null>();

  constructor(private readonly col: Collection) {}

  /** timingAt(col, nowSecs). */
  timing(nowSecs: number): SchedTiming {
    let t = this.timings.get(nowSecs);
    if (t === undefined) {
      t = timingAt(this.col, nowSecs);
      this.timings.set(nowSecs, t);
    }
    return t;
  }

  /** deckById(col, id). */
  deck(id: number): DeckJson | undefined {
    let deck = this.decks.get(id);
    if (deck === undefined && !this.decks.has(id)) {
      deck = deckById(this.col, id);
      this.decks.set(id, deck);
    }
    return deck;
  }

  /** The preset of the home deck `home` (the same deck object gives the same preset); `read` works it out. */
  config(home: DeckJson | undefined, read: () => SchedConfig): SchedConfig {
    let c = this.configs.get(home);
    if (c === undefined) {
      c = read();
      this.configs.set(home, c);
    }
    return c;
  }

  /** `conf.fsrs`: FSRS is on. */
  fsrsEnabled(): boolean {
    return this.confValue('fsrs') === true;
  }

  /** `conf.fsrsShortTermWithStepsEnabled`. */
  fsrsShortTermWithSteps(): boolean {
    return this.confValue('fsrsShortTermWithStepsEnabled') === true;
  }

  /** learnAheadSecs(col). */
  learnAheadSecs(): number {
    this.learnAhead ??= learnAheadSecs(this.col);
    return this.learnAhead;
  }

  /**
   * Under FSRS, reads at once what scheduling `cards` will ask of the review
   * log: the log of each card with no memory state yet, the last answer of
   * each card that does not store it. Only a cache: what it lacks is read
   * when asked for.
   */
  preloadReviews(cards: Iterable<Card>): void {
    if (!this.fsrsEnabled()) return;
    const withoutMemory: number[] = [];
    const withoutLastReview: number[] = [];
    for (const card of cards) {
      if (card.type !== CardType.New && memoryOf(card) === null) withoutMemory.push(card.id);
      if (card.data.lastReviewTime === null) withoutLastReview.push(card.id);
    }
    this.revlogs = revlogsForCards(this.col, withoutMemory);
    this.lastReviews = lastReviewTimes(this.col, withoutLastReview);
  }

  /** revlogForCard(col, cid), preloaded or read now. */
  revlogForCard(cid: number): RevlogEntry[] {
    return this.revlogs.get(cid) ?? revlogForCard(this.col, cid);
  }

  /** timeOfLastReview(col, cid), preloaded or read now. */
  timeOfLastReview(cid: number): number | null {
    const preloaded = this.lastReviews.get(cid);
    return preloaded !== undefined ? preloaded : timeOfLastReview(this.col, cid);
  }

  private confValue(key: string): unknown {
    this.conf ??= this.col.col.get('conf');
    return this.conf[key];
  }
}
