/**
 * "Studied today" counts of a deck and its parents (decks/stats.rs
 * `update_deck_stats`): schema 11 keeps them as `[day, amount]` pairs in
 * `newToday`, `revToday`, `lrnToday` and `timeToday`. Counts from an
 * earlier day start again from 0. Each deck touched is marked modified.
 */
import type { Collection } from '../collection.ts';
import { deckByName } from '../decks/add.ts';
import type { DeckJson } from '../decks/types.ts';

export interface StudyDelta {
  newDelta: number;
  reviewDelta: number;
  millisecondDelta: number;
}

function pair(value: unknown): [number, number] {
  const arr = Array.isArray(value) ? value : [];
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
  return [n(arr[0]), n(arr[1])];
}

function updateOne(deck: DeckJson, today: number, delta: StudyDelta, nowSecs: number): void {
  const time = pair(deck.timeToday);
  const neu = pair(deck.newToday);
  const rev = pair(deck.revToday);
  const lrn = pair(deck.lrnToday);
  const lastDay = Math.max(time[0], neu[0], rev[0]);
  let counts = {
    lrn: lrn[0] === lastDay ? lrn[1] : 0,
    rev: rev[0] === lastDay ? rev[1] : 0,
    neu: neu[0] === lastDay ? neu[1] : 0,
    time: time[1],
  };
  if (lastDay !== today) counts = { lrn: 0, rev: 0, neu: 0, time: 0 };
  deck.lrnToday = [today, counts.lrn];
  deck.revToday = [today, counts.rev + delta.reviewDelta];
  deck.newToday = [today, counts.neu + delta.newDelta];
  deck.timeToday = [today, counts.time + delta.millisecondDelta];
  deck.mod = nowSecs;
  deck.usn = -1;
}

/** The deck's parents, nearest first. */
function parentDecks(col: Collection, deck: DeckJson): DeckJson[] {
  const out: DeckJson[] = [];
  const parts = deck.name.split('::');
  for (let n = parts.length - 1; n > 0; n--) {
    const parent = deckByName(col, parts.slice(0, n).join('::'));
    if (parent) out.push(parent);
  }
  return out;
}

/** Adds `delta` to the deck `did` and its parents; needs a transaction. */
export function updateDeckStats(col: Collection, did: number, today: number, delta: StudyDelta): void {
  const decks = col.col.get('decks');
  const deck = decks[String(did)];
  if (!deck) return;
  for (const d of [deck, ...parentDecks(col, deck)]) updateOne(d, today, delta, col.nowSecs());
  col.col.save('decks', decks, col.nowMs());
}
