/**
 * The exported collection (`collection.anki21`): a new schema-11 collection
 * holding what export-gather.ts took, as pylib's exporter builds it: only
 * the exported notes' note types, the new collection's Default deck and
 * preset plus the exported decks and presets, the source's creation time
 * (review due days count from it), and without scheduling the cards reset.
 */
import type { Database } from 'sql.js';
import type { Clock } from '../clock.ts';
import { createCollection } from '../create.ts';
import { parseJson, toJson } from '../json.ts';
import type { ExportData } from './export-gather.ts';
import { resetCardsForExport } from './export-reset.ts';
import { CARD_COLUMNS, REVLOG_COLUMNS } from './source-data.ts';
import { sqlJsOf, type DatabaseClass } from './sqljs.ts';

function insertAll(db: Database, sql: string, rows: readonly (readonly unknown[])[]): void {
  const stmt = db.prepare(sql);
  try {
    for (const r of rows) stmt.run(r as never);
  } finally {
    stmt.free();
  }
}

function colJson(db: Database, column: string): Record<string, unknown> {
  return parseJson<Record<string, unknown>>(String(db.exec(`select ${column} from col`)[0]!.values[0]![0]));
}

/** The new collection's `col` JSON with the exported note types, decks and presets. */
function writeColJson(db: Database, data: ExportData, nextPos: number | null, nowMs: number): void {
  const conf = colJson(db, 'conf');
  const decks = colJson(db, 'decks');
  const dconf = colJson(db, 'dconf');
  const models = Object.fromEntries(data.notetypes.map((m) => [String(m.id), m]));
  for (const d of data.decks) decks[String(d.id)] = d;
  for (const c of data.deckConfigs) dconf[String(c.id)] = c;
  if (data.notetypes[0]) conf['curModel'] = data.notetypes[0].id;
  const offset = data.conf['creationOffset'];
  if (typeof offset === 'number') conf['creationOffset'] = offset;
  else delete conf['creationOffset'];
  if (nextPos !== null) conf['nextPos'] = nextPos;
  db.run('update col set crt = ?, mod = ?, scm = ?, conf = ?, models = ?, decks = ?, dconf = ?', [
    data.crt,
    nowMs,
    nowMs,
    toJson(conf),
    toJson(models),
    toJson(decks),
    toJson(dconf),
  ]);
}

export function exportedCollectionBytes(Database: DatabaseClass, clock: Clock, data: ExportData, includeSched: boolean): Uint8Array {
  const col = createCollection(sqlJsOf(Database), clock);
  const db = col.db.raw;
  try {
    const nowMs = clock.now();
    const nextPos = includeSched ? null : resetCardsForExport(data.cards, Number(colJson(db, 'conf')['nextPos'] ?? 1), Math.floor(nowMs / 1000));
    db.run('BEGIN');
    writeColJson(db, data, nextPos, nowMs);
    insertAll(db, 'insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', data.notes.map((n) => [n.id, n.guid, n.mid, n.mod, n.usn, n.tags, n.flds, n.sfld, n.csum, n.flags, n.data]));
    insertAll(db, `insert into cards (${CARD_COLUMNS}) values (${Array(18).fill('?').join(', ')})`, data.cards.map((c) => [c.id, c.nid, c.did, c.ord, c.mod, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.odue, c.odid, c.flags, c.data]));
    insertAll(db, `insert into revlog (${REVLOG_COLUMNS}) values (${Array(9).fill('?').join(', ')})`, data.revlog.map((r) => [r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]));
    db.run('COMMIT');
    return col.export();
  } finally {
    col.close();
  }
}
