/**
 * A memory state for a card that has none yet under FSRS (scheduler/fsrs/
 * memory_state.rs, params.rs `reviews_for_fsrs`): replay its review log
 * from the last learning run (or the first graded interday review when the
 * log is incomplete, starting from a state converted from SM-2), or convert
 * its current SM-2 ease and interval when there is no usable log.
 */
import { memoryFromReviews, memoryStateFromSm2 } from './fsrs.ts';
import type { RevlogEntry } from './revlog.ts';
import { RevlogKind, type MemoryState } from './states/types.ts';

export interface HistoryOptions {
  params: readonly number[];
  nextDayAt: number;
  historicalRetention: number;
  ignoreRevlogsBeforeMs: number;
}

interface FsrsHistory {
  reviews: { rating: number; deltaT: number }[];
  complete: boolean;
  kept: RevlogEntry[];
}

const isCramming = (e: RevlogEntry) => e.type === RevlogKind.Filtered && e.factor === 0;
const isReset = (e: RevlogEntry) => e.type === RevlogKind.Manual && e.factor === 0;
const daysElapsed = (e: RevlogEntry, nextDayAt: number) => Math.max(0, Math.floor((nextDayAt - Math.floor(e.id / 1000)) / 86_400));

/** Where the usable history starts, and whether it is complete; null when there is none. */
function historyStart(entries: readonly RevlogEntry[], ignoreBefore: number): { start: number; complete: boolean } | null {
  let lastLearn: number | null = null;
  let firstGrade: number | null = null;
  let complete = false;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (isCramming(e)) continue;
    const graded = e.ease > 0;
    if (graded && e.id > ignoreBefore && (e.ivl >= 1 || e.ivl <= -86_400)) firstGrade = i;
    if (graded && e.type === RevlogKind.Learning) {
      lastLearn = i;
      complete = true;
    } else if (isReset(e)) {
      if (lastLearn !== null) {
        complete = true;
        break;
      }
      if (firstGrade !== null) {
        complete = false;
        break;
      }
      return null;
    } else if (lastLearn !== null) break;
  }
  if (lastLearn !== null && entries[lastLearn]!.id < ignoreBefore && lastLearn < entries.length - 1) {
    complete = false;
    lastLearn = null;
  }
  const start = lastLearn ?? firstGrade;
  return start === null ? null : { start, complete };
}

export function historyForFsrs(entries: readonly RevlogEntry[], nextDayAt: number, ignoreBefore: number): FsrsHistory | null {
  const found = historyStart(entries, ignoreBefore);
  if (!found) return null;
  const kept = entries.slice(found.start).filter((e) => e.ease > 0 && !isCramming(e));
  if (kept.length === 0) return null;
  const reviews = kept.map((e, i) => ({
    rating: e.ease,
    deltaT: i === 0 ? 0 : daysElapsed(kept[i - 1]!, nextDayAt) - daysElapsed(e, nextDayAt),
  }));
  return { reviews, complete: found.complete, kept };
}

/** The memory state Anki computes for a card without one (null for a new card). */
export function rebuildMemoryState(
  card: { type: number; ivl: number; factor: number },
  entries: readonly RevlogEntry[],
  opts: HistoryOptions,
): MemoryState | null {
  const history = historyForFsrs(entries, opts.nextDayAt, opts.ignoreRevlogsBeforeMs);
  if (history?.complete) return memoryFromReviews(opts.params, history.reviews, null);
  if (history) {
    const first = history.kept[0]!;
    const ease = (first.factor === 0 ? 2500 : first.factor) / 1000;
    const starting = memoryStateFromSm2(opts.params, ease, Math.max(first.ivl, 1), opts.historicalRetention);
    if (ease <= 1.1) starting.difficulty = (ease - 0.1) * 9 + 1;
    return memoryFromReviews(opts.params, history.reviews.slice(1), starting);
  }
  if (card.type === 0 || card.ivl === 0) return null;
  return memoryStateFromSm2(opts.params, card.factor / 1000, card.ivl, opts.historicalRetention);
}

