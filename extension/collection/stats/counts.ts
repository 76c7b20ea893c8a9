/**
 * Cards by state for the statistics report. Each card falls in exactly one
 * group, by queue first: suspended (queue -1) and buried (-2, -3) whatever
 * their type; new (queue 0); learning or relearning (queues 1, 3 and the
 * preview queue 4, by type: 3 is relearning); review cards (queue 2) are
 * young below a 21-day interval and mature from 21 days.
 */
import type { Collection } from '../collection.ts';
import { cardFilter, type StatsScope } from './scope.ts';

/** Anki's threshold between young and mature review cards, in days. */
export const MATURE_IVL = 21;

export interface CardCounts {
  new: number;
  learning: number;
  relearning: number;
  young: number;
  mature: number;
  suspended: number;
  buried: number;
  /** Every card in scope, including any in a queue none of the groups covers. */
  total: number;
  /** Distinct notes of those cards. */
  notes: number;
}

/** The groups in display order, with their labels. */
export const CARD_GROUPS = [
  ['new', 'New'],
  ['learning', 'Learning'],
  ['relearning', 'Relearning'],
  ['young', 'Young'],
  ['mature', 'Mature'],
  ['suspended', 'Suspended'],
  ['buried', 'Buried'],
] as const satisfies readonly (readonly [keyof CardCounts, string])[];

type CountsRow = { [K in keyof CardCounts]: number | null };

const COUNTS_SQL = `select
  sum(queue = 0) as new,
  sum(queue in (1, 3, 4) and type != 3) as learning,
  sum(queue in (1, 3, 4) and type = 3) as relearning,
  sum(queue = 2 and ivl < ${MATURE_IVL}) as young,
  sum(queue = 2 and ivl >= ${MATURE_IVL}) as mature,
  sum(queue = -1) as suspended,
  sum(queue in (-2, -3)) as buried,
  count() as total,
  count(distinct nid) as notes
from cards where `;

export function cardCounts(col: Collection, scope: StatsScope): CardCounts {
  const filter = cardFilter(scope);
  const row = col.db.get<CountsRow>(COUNTS_SQL + filter.sql, filter.args);
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    new: n(row?.new),
    learning: n(row?.learning),
    relearning: n(row?.relearning),
    young: n(row?.young),
    mature: n(row?.mature),
    suspended: n(row?.suspended),
    buried: n(row?.buried),
    total: n(row?.total),
    notes: n(row?.notes),
  };
}
