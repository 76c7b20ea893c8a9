/**
 * The deck tree with today's due counts (decks/tree.rs, `deck_tree(now)`,
 * v3 scheduler): each deck's own counts, then, bottom-up, its children's
 * capped counts added and its own limits applied. Intraday learning is
 * never limited; interday learning and reviews share the review limit.
 * With `applyAllParentLimits`, every ancestor's limits apply as well.
 */
import type { Collection } from '../collection.ts';
import { learnAheadSecs, timingAt } from '../scheduler/timing.ts';
import { dueCounts } from './due-counts.ts';
import { capTo, remainingLimits, UNLIMITED, type RemainingLimits } from './limits.ts';
import { deckTree, flattenTree, type DeckTreeNode } from './tree.ts';

interface NodeCounts {
  new: number;
  review: number;
  intraday: number;
  interday: number;
}

function capped(c: NodeCounts, remaining: RemainingLimits): NodeCounts {
  const interday = Math.min(c.interday, remaining.review);
  let reviewsLeft = Math.max(0, remaining.review - interday);
  const review = Math.min(c.review, reviewsLeft);
  let neu = Math.min(c.new, remaining.new);
  if (remaining.capNewToReview) {
    reviewsLeft = Math.max(0, reviewsLeft - review);
    neu = Math.min(neu, reviewsLeft);
  }
  return { new: neu, review, intraday: c.intraday, interday };
}

function sumAndLimit(node: DeckTreeNode, limits: Map<number, RemainingLimits>, parent: RemainingLimits | null): NodeCounts {
  let remaining = limits.get(node.deckId) ?? UNLIMITED;
  if (parent) {
    remaining = capTo(remaining, parent);
    parent = remaining;
  }
  const sum: NodeCounts = { new: node.newCount, review: node.reviewCount, intraday: node.intradayLearning, interday: node.interdayLearning };
  let total = node.totalInDeck;
  for (const child of node.children) {
    const c = sumAndLimit(child, limits, parent);
    sum.new += c.new;
    sum.review += c.review;
    sum.intraday += c.intraday;
    sum.interday += c.interday;
    total += child.totalIncludingChildren;
  }
  const out = capped(sum, remaining);
  node.newCount = out.new;
  node.reviewCount = out.review;
  node.learnCount = out.intraday + out.interday;
  node.totalIncludingChildren = total;
  return out;
}

function confBool(col: Collection, key: string): boolean {
  return col.col.get('conf')[key] === true;
}

/** Whether Anki would unbury buried cards before counting (`lastUnburied` is not today). */
function unburyPending(col: Collection, today: number): boolean {
  const v = col.col.get('conf').lastUnburied;
  const last = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  return last < today || today + 7 < last;
}

/** The deck tree with counts for `nowSecs` (default now). */
export function deckDueTree(col: Collection, nowSecs: number = col.nowSecs()): DeckTreeNode {
  const tree = deckTree(col);
  const today = timingAt(col, nowSecs).daysElapsed;
  const counts = dueCounts(col, today, nowSecs + learnAheadSecs(col), unburyPending(col, timingAt(col).daysElapsed));
  for (const node of flattenTree(tree)) {
    const c = counts.get(node.deckId);
    if (!c) continue;
    node.newCount = c.new;
    node.reviewCount = c.review;
    node.intradayLearning = c.intradayLearning;
    node.interdayLearning = c.interdayLearning;
    node.learnCount = c.intradayLearning + c.interdayLearning;
    node.totalInDeck = c.total;
  }
  const dconf = col.col.get('dconf');
  const ignoreReviewLimit = confBool(col, 'newCardsIgnoreReviewLimit');
  const limits = new Map<number, RemainingLimits>();
  for (const deck of Object.values(col.col.get('decks'))) {
    const config = deck.conf === undefined ? undefined : dconf[String(deck.conf)];
    limits.set(Number(deck.id), remainingLimits(deck, config, today, ignoreReviewLimit));
  }
  sumAndLimit(tree, limits, confBool(col, 'applyAllParentLimits') ? { ...UNLIMITED } : null);
  return tree;
}
