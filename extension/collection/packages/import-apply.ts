/**
 * Writing a planned import: one transaction, in Anki's order (note types,
 * presets, decks, notes, cards, review log), every value computed by the
 * plan. On a throw nothing is written.
 */
import { generateMissingCards } from '../cards/add.ts';
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';
import { updateNotesForChangedFields } from '../notetypes/schema-change.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { canonifyTags } from '../tags/canonify.ts';
import { joinTags } from '../tags/split.ts';
import type { CardPlan } from './import-cards.ts';
import type { DeckPlan } from './import-decks.ts';
import type { NotePlan, NoteWrite } from './import-notes.ts';
import type { NotetypePlan } from './import-notetypes.ts';
import { CARD_COLUMNS, REVLOG_COLUMNS, type CardRow, type RevlogRow } from './source-data.ts';

export interface ImportPlanParts {
  notetypes: NotetypePlan;
  decks: DeckPlan;
  notes: NotePlan;
  cards: CardPlan;
}

export interface ApplyResult {
  cardsAdded: number;
  revlogAdded: number;
  /** Cards made for existing notes because an updated note type has new fronts. */
  cardsGenerated: number;
}

const sqlId = (id: Int64): number | string => (typeof id === 'bigint' ? id.toString() : id);

const INSERT_NOTE = 'insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?)';
const UPDATE_NOTE = 'update notes set mod = ?, usn = -1, tags = ?, flds = ?, sfld = ?, csum = ?, flags = ?, data = ? where id = ?';
const INSERT_CARD = `insert into cards (${CARD_COLUMNS}) values (${Array(18).fill('?').join(', ')})`;
const INSERT_REVLOG = `insert into revlog (${REVLOG_COLUMNS}) values (${Array(9).fill('?').join(', ')})`;

const frontsDiffer = (a: NotetypeJson, b: NotetypeJson) =>
  a.tmpls.length !== b.tmpls.length || a.tmpls.some((t, i) => t.qfmt !== b.tmpls[i]!.qfmt);

function applyNotetypes(col: Collection, plan: NotetypePlan): number {
  if (!plan.add.length && !plan.update.length && plan.current === null) return 0;
  const models = col.col.get('models');
  for (const nt of plan.add) models[String(nt.id)] = nt;
  for (const { nt } of plan.update) models[String(nt.id)] = nt;
  col.col.save('models', models, col.nowMs());
  let generated = 0;
  for (const { nt, original } of plan.update) {
    const identity = nt.flds.map((_, i) => i);
    updateNotesForChangedFields(col, nt, identity, { fieldCount: original.flds.length, sortf: original.sortf });
    if (frontsDiffer(nt, original)) generated += generateMissingCards(col, nt);
  }
  if (plan.current !== null) {
    const conf = col.col.get('conf');
    conf['curModel'] = plan.current;
    col.col.save('conf', conf, col.nowMs());
  }
  return generated;
}

function applyDecks(col: Collection, plan: DeckPlan): void {
  if (plan.configs.length) {
    const dconf = col.col.get('dconf');
    for (const c of plan.configs) dconf[String(c.id)] = c;
    col.col.save('dconf', dconf, col.nowMs());
  }
  if (plan.add.length || plan.update.length) {
    const decks = col.col.get('decks');
    for (const d of [...plan.add, ...plan.update]) decks[String(d.id)] = d;
    col.col.save('decks', decks, col.nowMs());
  }
}

function applyNotes(col: Collection, plan: NotePlan): void {
  const tagCache = new Map<string, string>();
  const tags = (raw: string) => {
    let out = tagCache.get(raw);
    if (out === undefined) {
      out = joinTags(canonifyTags(col, [raw]).tags);
      tagCache.set(raw, out);
    }
    return out;
  };
  const common = (n: NoteWrite) => [tags(n.tags), n.flds, n.sfld, n.csum, n.flags, n.data];
  for (const n of plan.add) col.db.run(INSERT_NOTE, [n.id, n.guid, sqlId(n.mid), n.mod, ...common(n)]);
  for (const n of plan.update) col.db.run(UPDATE_NOTE, [n.mod, ...common(n), n.id]);
}

const cardValues = (c: CardRow) => [c.id, c.nid, c.did, c.ord, c.mod, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.odue, c.odid, c.flags, c.data];
const revlogValues = (r: RevlogRow) => [r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type];

function applyCards(col: Collection, plan: CardPlan, matched: ReadonlySet<number>, recheck: boolean): ApplyResult {
  const skipped = new Set<number>();
  for (const c of plan.cards) {
    const clash = recheck && matched.has(c.nid) && col.db.scalar('select 1 from cards where nid = ? and ord = ?', [c.nid, c.ord]) !== undefined;
    if (clash) skipped.add(c.id);
    else col.db.run(INSERT_CARD, cardValues(c));
  }
  const revlog = plan.revlog.filter((r) => !skipped.has(r.cid));
  for (const r of revlog) col.db.run(INSERT_REVLOG, revlogValues(r));
  return { cardsAdded: plan.cards.length - skipped.size, revlogAdded: revlog.length, cardsGenerated: 0 };
}

/** Writes the plan in one transaction. */
export function applyImport(col: Collection, plan: ImportPlanParts): ApplyResult {
  return col.transact(() => {
    const generated = applyNotetypes(col, plan.notetypes);
    applyDecks(col, plan.decks);
    applyNotes(col, plan.notes);
    const result = applyCards(col, plan.cards, plan.notes.matched, generated > 0);
    col.col.touch(col.nowMs());
    return { ...result, cardsGenerated: generated };
  }).result;
}
