/**
 * Answering a card (scheduler/answering/mod.rs `answer_card`): the chosen
 * button's next state is applied to the card, one review-log row is
 * written, the deck's studied-today counts grow, siblings are buried as the
 * preset says, the last review time is kept in `data.lrt`, and a card that
 * becomes a leech gets the note tag `leech` (and is suspended when the
 * preset's leech action is "suspend"). All in one transaction.
 */
import { CardQueue, getCard, updateCard, type Card } from '../cards/row.ts';
import type { Collection } from '../collection.ts';
import { addTagsToNotes } from '../tags/bulk-add.ts';
import { applyStudyState } from './apply.ts';
import { burySiblings } from './bury.ts';
import { updateDeckStats } from './deck-stats.ts';
import { asU32, f32, roundHalfAway } from './f32.ts';
import { addRevlogEntry } from './revlog.ts';
import { cardSchedule, type ScheduleOptions } from './schedule.ts';
import { isLeeched, Rating, type RatingValue, type SchedulingStates } from './states/types.ts';

export interface AnswerOptions extends ScheduleOptions {
  /** Time taken to answer, in ms (capped to the preset's `maxTaken`); default 0. */
  millisecondsTaken?: number;
}

/** No card with this id. */
export class CardNotFoundError extends Error {
  constructor(readonly cardId: number) {
    super(`card not found: ${cardId}`);
  }
}

const BUTTONS: Record<RatingValue, keyof Omit<SchedulingStates, 'current'>> = {
  [Rating.Again]: 'again',
  [Rating.Hard]: 'hard',
  [Rating.Good]: 'good',
  [Rating.Easy]: 'easy',
};

function studyDelta(original: Card, millis: number) {
  return {
    newDelta: original.queue === CardQueue.New ? 1 : 0,
    reviewDelta: original.queue === CardQueue.Review || original.queue === CardQueue.DayLearn ? 1 : 0,
    millisecondDelta: millis,
  };
}

/** Answers card `cardId` with `rating` (1 Again … 4 Easy); returns the updated card. */
export function answerCard(col: Collection, cardId: number, rating: RatingValue, opts: AnswerOptions = {}): Card {
  const original = getCard(col, cardId);
  if (!original) throw new CardNotFoundError(cardId);
  return col.transact(() => {
    const s = cardSchedule(col, original, opts);
    const next = s.states[BUTTONS[rating]];
    const taken = Math.min(asU32(opts.millisecondsTaken ?? 0), s.config.capAnswerTimeSecs * 1000);
    const revlog = applyStudyState(s, next);
    addRevlogEntry(
      col,
      {
        cid: cardId,
        ease: rating,
        ivl: revlog.ivl,
        lastIvl: revlog.lastIvl,
        factor: asU32(roundHalfAway(f32(revlog.easeFactor * 1000))),
        time: taken,
        type: revlog.type,
      },
      s.nowMs,
    );
    updateDeckStats(col, original.did, s.timing.daysElapsed, studyDelta(original, taken));
    burySiblings(col, original, s.config);
    if (s.current.kind !== 'preview') s.card.data.lastReviewTime = Math.floor(s.nowMs / 1000);
    updateCard(col, s.card);
    if (isLeeched(next)) addTagsToNotes(col, [s.card.nid], 'leech');
    col.col.touch(col.nowMs());
    return s.card;
  }).result;
}
