/**
 * Card ids picked from a fixture opened in Node, for the card sections:
 * mixed Basic and Cloze cards (cardsInfo) and cards a study session would
 * answer (new, learning, or review due today) for answerCards.
 */
import type { Collection } from '../../extension/collection/collection.ts';
import { today } from '../../extension/collection/scheduler/timing.ts';

export interface CardPick {
  ids: number[];
  /** How many of them belong to Cloze notes. */
  cloze: number;
}

function clozeCount(col: Collection, ids: readonly number[]): number {
  const set = new Set(ids);
  const models = col.col.get('models') as Record<string, { type?: number }>;
  const rows = col.db.query<{ id: number; mid: number }>('select c.id as id, n.mid as mid from cards c join notes n on n.id = c.nid', []);
  return rows.filter((r) => set.has(r.id) && models[String(r.mid)]?.type === 1).length;
}

/** The first `count` cards by id (the fixture interleaves Basic and Cloze notes). */
export function mixedCards(col: Collection, count: number): CardPick {
  const ids = col.db.column<number>('select id from cards order by id limit ?', [count]);
  return { ids, cloze: clozeCount(col, ids) };
}

/** Cards a review session would show now: new, learning, or review due by today; in id order. */
export function dueOrNewCards(col: Collection, count: number): number[] {
  const day = today(col);
  const nowSecs = col.nowSecs();
  return col.db.column<number>(
    'select id from cards where queue = 0 or (queue = 2 and due <= ?) or (queue = 1 and due <= ?) or (queue = 3 and due <= ?) order by id limit ?',
    [day, nowSecs + 1200, day, count],
  );
}
