/**
 * What a deck export takes from the collection (the exporter AnkiConnect's
 * exportPackage runs, pylib `AnkiExporter.exportInto`): the cards of the
 * deck and its children (flags cleared), their notes (without the `marked`
 * and `leech` tags unless scheduling goes along), the review log when it
 * does, the notes' note types, the decks (not Default) and, with
 * scheduling, their presets. Read in one go, so it is one consistent state.
 */
import type { Collection } from '../collection.ts';
import { foldName } from '../decks/names.ts';
import type { DeckConfigJson, DeckJson } from '../decks/types.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import type { NoteRow } from '../schema/rows.ts';
import { splitTags } from '../tags/split.ts';
import { CARD_COLUMNS, REVLOG_COLUMNS, type CardRow, type RevlogRow } from './source-data.ts';

export type NoteExportRow = NoteRow;


export interface ExportData {
  cards: CardRow[];
  notes: NoteExportRow[];
  revlog: RevlogRow[];
  notetypes: NotetypeJson[];
  decks: DeckJson[];
  deckConfigs: DeckConfigJson[];
  crt: number;
  conf: Record<string, unknown>;
}

const BATCH = 500;
const SYSTEM_TAGS = ['marked', 'leech'];

/** The deck and every deck below it. */
export function deckAndChildren(col: Collection, deck: DeckJson): DeckJson[] {
  const name = foldName(deck.name);
  return Object.values(col.col.get('decks')).filter((d) => {
    const n = foldName(d.name);
    return n === name || n.startsWith(`${name}::`);
  });
}

function rowsIn<T extends object>(col: Collection, sql: (marks: string) => string, ids: readonly number[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    out.push(...col.db.query<T>(sql(batch.map(() => '?').join(',')), batch));
  }
  return out;
}

/** pylib `rem_from_str("marked leech", tags)`: those tags removed, case-insensitively. */
function withoutSystemTags(tags: string): string {
  const kept = splitTags(tags).filter((t) => !SYSTEM_TAGS.includes(t.toLowerCase()));
  return kept.length ? ` ${kept.join(' ')} ` : '';
}

/** The exported decks as pylib writes them: without scheduling, on the Default preset with no limits. */
function exportedDeck(deck: DeckJson, includeSched: boolean): DeckJson {
  const d = structuredClone(deck);
  if (!includeSched && !d.dyn) {
    d.conf = 1;
    Object.assign(d, { reviewLimit: null, newLimit: null, reviewLimitToday: null, newLimitToday: null });
  }
  return d;
}

export function gatherExport(col: Collection, deck: DeckJson, includeSched: boolean): ExportData {
  const decks = deckAndChildren(col, deck);
  const dids = decks.map((d) => Number(d.id));
  const cards = rowsIn<CardRow>(col, (m) => `select ${CARD_COLUMNS} from cards where did in (${m}) order by id`, dids);
  for (const c of cards) c.flags = 0;
  const nids = [...new Set(cards.map((c) => c.nid))];
  const notes = rowsIn<NoteExportRow>(col, (m) => `select * from notes where id in (${m}) order by id`, nids);
  if (!includeSched) for (const n of notes) n.tags = withoutSystemTags(n.tags);
  const cids = cards.map((c) => c.id);
  const revlog = includeSched ? rowsIn<RevlogRow>(col, (m) => `select ${REVLOG_COLUMNS} from revlog where cid in (${m}) order by id`, cids) : [];
  const mids = new Set(notes.map((n) => String(n.mid)));
  const notetypes = Object.values(col.col.get('models')).filter((m) => mids.has(String(m.id)));
  const exported = decks.filter((d) => String(d.id) !== '1').map((d) => exportedDeck(d, includeSched));
  const confIds = includeSched ? new Set(exported.filter((d) => !d.dyn && String(d.conf) !== '1').map((d) => String(d.conf))) : new Set();
  const deckConfigs = Object.values(col.col.get('dconf')).filter((c) => confIds.has(String(c.id)));
  return {
    cards,
    notes,
    revlog,
    notetypes: structuredClone(notetypes),
    decks: exported,
    deckConfigs: structuredClone(deckConfigs),
    crt: col.col.scalars().crt,
    conf: col.col.get('conf'),
  };
}
