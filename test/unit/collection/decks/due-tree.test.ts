/**
 * Due counts of the deck tree (decks/tree.rs `deck_tree(now)`, v3): each
 * deck's own cards, its children's capped counts, its limits minus what was
 * studied today.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { setDecksConfigId } from '../../../../extension/collection/deck-config/assign.ts';
import { addDeckConfig } from '../../../../extension/collection/deck-config/save.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { deckDueTree } from '../../../../extension/collection/decks/due-tree.ts';
import { deckById } from '../../../../extension/collection/decks/get.ts';
import { flattenTree, type DeckTreeNode } from '../../../../extension/collection/decks/tree.ts';
import { today } from '../../../../extension/collection/scheduler/timing.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardState, insertNoteWithCards, type CardRowInput } from '../../../helpers/rows.ts';

const DAY_MS = 86_400_000;

async function tenDaysIn() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(10 * DAY_MS);
  return { col, clock, day: today(col), now: col.nowSecs() };
}

/** A preset with these daily limits, used by the decks named. */
function usePreset(col: Collection, decks: string[], newPerDay: number, revPerDay: number): number {
  const source = col.col.get('dconf')['1']!;
  const id = addDeckConfig(col, `limits ${newPerDay}/${revPerDay}`, source);
  col.transact(() => {
    const dconf = col.col.get('dconf');
    dconf[String(id)]!.new.perDay = newPerDay;
    dconf[String(id)]!.rev.perDay = revPerDay;
    col.col.save('dconf', dconf, col.nowMs());
  });
  setDecksConfigId(col, decks.map((d) => getOrCreateDeck(col, d)), id);
  return id;
}

function studied(col: Collection, deck: string, day: number, neu: number, rev = 0): void {
  col.transact(() => {
    const d = deckById(col, getOrCreateDeck(col, deck))!;
    d.newToday = [day, neu];
    d.revToday = [day, rev];
    col.col.save('decks', col.col.get('decks'), col.nowMs());
  });
}

function cards(col: Collection, deck: string, ...states: Omit<CardRowInput, 'nid'>[]): void {
  const did = getOrCreateDeck(col, deck);
  for (const s of states) insertNoteWithCards(col, {}, [{ ...s, did }]);
}

function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

function counts(node: DeckTreeNode | undefined) {
  if (!node) return undefined;
  return { new: node.newCount, learn: node.learnCount, review: node.reviewCount, total: node.totalInDeck, all: node.totalIncludingChildren };
}

function byName(col: Collection, tree: DeckTreeNode, name: string) {
  const id = getOrCreateDeck(col, name);
  return counts(flattenTree(tree).find((n) => n.deckId === id));
}

describe('deckDueTree', () => {
  it('counts a parent and child under their limits after some study today', async () => {
    const { col, day, now } = await tenDaysIn();
    usePreset(col, ['P'], 5, 100);
    usePreset(col, ['P::C'], 3, 100);
    cards(
      col,
      'P',
      ...times(4, (i) => cardState.new(i + 1)),
      ...times(6, () => cardState.review(day - 1)),
      cardState.review(day),
      cardState.review(day + 1),
      cardState.learning(now - 60),
      cardState.learning(now + 600),
      cardState.learning(now + 1800),
      cardState.dayLearning(day),
      cardState.dayLearning(day + 1),
      cardState.suspendedReview(day - 3),
    );
    cards(col, 'P::C', ...times(5, (i) => cardState.new(i + 10)), ...times(6, () => cardState.review(day)), cardState.dayLearning(day - 2));
    studied(col, 'P', day, 2);
    studied(col, 'P::C', day, 1);
    const tree = deckDueTree(col);
    // child: 5 new capped at 3 − 1 studied; 6 reviews; 1 interday learning
    expect(byName(col, tree, 'P::C')).toEqual({ new: 2, learn: 1, review: 6, total: 12, all: 12 });
    // parent: 4 + 2 new capped at 5 − 2; 7 + 6 reviews; 2 intraday (within 20 min) + 1 + 1 interday
    expect(byName(col, tree, 'P')).toEqual({ new: 3, learn: 4, review: 13, total: 18, all: 30 });
    expect(counts(tree)).toEqual({ new: 3, learn: 4, review: 13, total: 0, all: 30 });
  });

  it('ignores what was studied on another day', async () => {
    const { col, day } = await tenDaysIn();
    usePreset(col, ['D'], 3, 100);
    cards(col, 'D', ...times(5, (i) => cardState.new(i)));
    studied(col, 'D', day - 1, 3);
    expect(byName(col, deckDueTree(col), 'D')!.new).toBe(3);
    studied(col, 'D', day, 3);
    expect(byName(col, deckDueTree(col), 'D')!.new).toBe(0);
  });

  it('shares the review limit between interday learning, reviews and new cards', async () => {
    const { col, day } = await tenDaysIn();
    usePreset(col, ['R'], 20, 5);
    cards(col, 'R', ...times(10, () => cardState.review(day)), ...times(2, () => cardState.dayLearning(day)), ...times(4, (i) => cardState.new(i)));
    studied(col, 'R', day, 0, 2);
    // 5 − 2 reviewed = 3: 2 interday learning, 1 review, nothing left for new cards
    expect(byName(col, deckDueTree(col), 'R')).toMatchObject({ learn: 2, review: 1, new: 0 });
    col.col.get('conf').newCardsIgnoreReviewLimit = true;
    expect(byName(col, deckDueTree(col), 'R')).toMatchObject({ learn: 2, review: 1, new: 4 });
  });

  it('never limits intraday learning', async () => {
    const { col, now } = await tenDaysIn();
    usePreset(col, ['L'], 0, 0);
    cards(col, 'L', ...times(3, () => cardState.learning(now)));
    expect(byName(col, deckDueTree(col), 'L')).toMatchObject({ learn: 3, review: 0, new: 0 });
  });

  it('applies every ancestor’s limits only with applyAllParentLimits', async () => {
    const { col } = await tenDaysIn();
    usePreset(col, ['Top'], 1, 100);
    usePreset(col, ['Top::Sub'], 5, 100);
    cards(col, 'Top::Sub', ...times(5, (i) => cardState.new(i)));
    expect(byName(col, deckDueTree(col), 'Top::Sub')!.new).toBe(5);
    expect(byName(col, deckDueTree(col), 'Top')!.new).toBe(1);
    col.col.get('conf').applyAllParentLimits = true;
    expect(byName(col, deckDueTree(col), 'Top::Sub')!.new).toBe(1);
  });

  it('uses a deck’s own limits before its preset’s, and today’s before those', async () => {
    const { col, day } = await tenDaysIn();
    cards(col, 'Own', ...times(30, (i) => cardState.new(i)));
    const deck = deckById(col, getOrCreateDeck(col, 'Own'))!;
    deck.newLimit = 7;
    expect(byName(col, deckDueTree(col), 'Own')!.new).toBe(7);
    deck.newLimitToday = { limit: 9, today: day };
    expect(byName(col, deckDueTree(col), 'Own')!.new).toBe(9);
    deck.newLimitToday = { limit: 9, today: day - 1 };
    expect(byName(col, deckDueTree(col), 'Own')!.new).toBe(7);
  });

  it('counts buried cards once a new day is due to unbury them', async () => {
    const { col, day } = await tenDaysIn();
    cards(col, 'B', cardState.buried(0, 5), cardState.buried(2, day - 1), { type: 2, queue: -3, due: day });
    col.col.get('conf').lastUnburied = day;
    expect(byName(col, deckDueTree(col), 'B')).toMatchObject({ new: 0, review: 0 });
    col.col.get('conf').lastUnburied = day - 1;
    expect(byName(col, deckDueTree(col), 'B')).toMatchObject({ new: 1, review: 2 });
  });

  it('counts cards in a filtered deck there, without limits', async () => {
    const { col, day } = await tenDaysIn();
    const home = getOrCreateDeck(col, 'Home');
    const filtered = getOrCreateDeck(col, 'Filtered');
    col.transact(() => {
      const d = deckById(col, filtered)!;
      d.dyn = 1;
      delete d.conf;
      col.col.save('decks', col.col.get('decks'), col.nowMs());
    });
    cards(col, 'Filtered', ...times(250, () => ({ ...cardState.review(-100000), odid: home, odue: day })));
    const tree = deckDueTree(col);
    expect(byName(col, tree, 'Filtered')).toMatchObject({ review: 250, total: 250 });
    expect(byName(col, tree, 'Home')).toMatchObject({ review: 0, total: 0 });
  });
});
