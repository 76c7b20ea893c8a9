/**
 * Cards exported without scheduling, reset as pylib's `reset_cards` does on
 * the exported copy: every card gets reps = lapses = 0, odid = odue = 0,
 * queue = new; cards that were not new before are then scheduled as new
 * (`schedule_as_new` restoring their position): type new, ivl and factor 0,
 * due = the position they had as new cards (`data.pos`), else the next free
 * position, and their FSRS memory state is dropped. A card that is still
 * new keeps its due (its position). Learning steps (`left`) are kept.
 */
import type { CardRow } from './source-data.ts';

/** `cards.data` after `schedule_as_new`: no original position, no memory state; Anki's key order. */
function resetData(data: string): { data: string; pos: number | null } {
  let parsed: Record<string, unknown> = {};
  try {
    const v: unknown = data ? JSON.parse(data) : {};
    if (v && typeof v === 'object' && !Array.isArray(v)) parsed = v as Record<string, unknown>;
  } catch {
    // Anki reads unparsable card data as empty.
  }
  const pos = typeof parsed['pos'] === 'number' && Number.isInteger(parsed['pos']) && parsed['pos'] >= 0 ? parsed['pos'] : null;
  const kept: Record<string, unknown> = {};
  for (const k of ['dr', 'decay', 'lrt']) if (typeof parsed[k] === 'number') kept[k] = parsed[k];
  if (typeof parsed['cd'] === 'string' && parsed['cd'] !== '' && parsed['cd'] !== '{}') kept['cd'] = parsed['cd'];
  return { data: JSON.stringify(kept), pos };
}

/**
 * Resets the cards in place. `nextPosition` is the exported collection's
 * next new-card position; returns the next position after the reset.
 * `nowSecs` becomes the `mod` of rescheduled cards.
 */
export function resetCardsForExport(cards: CardRow[], nextPosition: number, nowSecs: number): number {
  let position = nextPosition;
  for (const card of cards) {
    const wasNew = card.queue === 0 && card.type === 0;
    Object.assign(card, { reps: 0, lapses: 0, odid: 0, odue: 0, queue: 0 });
    if (wasNew) continue;
    const { data, pos } = resetData(card.data);
    const lastPosition = card.type === 0 ? card.due : pos;
    card.due = lastPosition ?? position++;
    Object.assign(card, { type: 0, ivl: 0, factor: 0, data, mod: nowSecs, usn: -1 });
  }
  return position;
}
