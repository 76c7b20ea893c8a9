/**
 * Builds modern (Anki ≥ 23.10) packages for tests, the way Anki writes
 * them: `meta` = 08 03, a zstd schema-18 `collection.anki21b` whose note
 * types, decks and presets are protobuf, a zstd protobuf media list and zstd
 * media files. sql.js cannot create `COLLATE unicase` columns, so the tables
 * are made without it; `withUnicase` has Python's sqlite3 put the collation
 * back (as real files have it) before compressing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { compress, init } from '@bokuweb/zstd-wasm';
import { sha1 } from '@noble/hashes/legacy.js';
import { zipSync } from 'fflate';
import type { SqlJsStatic } from 'sql.js';

type Int = number | bigint;

export interface ModernField {
  name: string;
  sticky?: boolean;
  font?: string;
  size?: number;
  description?: string;
  id?: Int;
  tag?: number;
  other?: Record<string, unknown>;
}

export interface ModernTemplate {
  name: string;
  qfmt: string;
  afmt: string;
  did?: number;
  id?: Int;
}

export interface ModernNotetype {
  id: number;
  name: string;
  mtime: number;
  kind?: 0 | 1;
  sortf?: number;
  css?: string;
  originalStockKind?: number;
  other?: Record<string, unknown>;
  fields: ModernField[];
  templates: ModernTemplate[];
  reqs?: [number, 0 | 1 | 2, number[]][];
}

export interface ModernDeck {
  id: number;
  /** Human name (`A::B`). */
  name: string;
  mtime?: number;
  collapsed?: boolean;
  lastDay?: number;
  newStudied?: number;
  normal?: { configId: number; description?: string; reviewLimit?: number; newLimitToday?: [number, number]; desiredRetention?: number };
  filtered?: { reschedule: boolean; terms: [string, number, number][]; delays?: number[] };
}

export interface ModernConfig {
  id: number;
  name: string;
  learnSteps: number[];
  newPerDay: number;
  initialEase: number;
  easyMultiplier: number;
  leechAction: number;
  fsrsParams6?: number[];
  desiredRetention: number;
  other?: Record<string, unknown>;
}

export interface ModernPackageInput {
  crt: number;
  config: Record<string, unknown>;
  notetypes: ModernNotetype[];
  decks: ModernDeck[];
  deckConfigs: ModernConfig[];
  tags?: string[];
  notes: unknown[][];
  cards: unknown[][];
  revlog?: unknown[][];
  media?: { name: string; bytes: Uint8Array }[];
  withUnicase?: boolean;
}

const enc = new TextEncoder();
const json = (v: unknown) => enc.encode(JSON.stringify(v));

function fieldConfig(f: ModernField): Uint8Array {
  const w = new BinaryWriter();
  if (f.sticky) w.tag(1, WireType.Varint).bool(true);
  w.tag(3, WireType.LengthDelimited).string(f.font ?? 'Arial');
  w.tag(4, WireType.Varint).uint32(f.size ?? 20);
  if (f.description) w.tag(5, WireType.LengthDelimited).string(f.description);
  if (f.id !== undefined) w.tag(9, WireType.Varint).int64(f.id);
  if (f.tag !== undefined) w.tag(10, WireType.Varint).uint32(f.tag);
  if (f.other) w.tag(255, WireType.LengthDelimited).bytes(json(f.other));
  return w.finish();
}

function templateConfig(t: ModernTemplate): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, WireType.LengthDelimited).string(t.qfmt);
  w.tag(2, WireType.LengthDelimited).string(t.afmt);
  if (t.did) w.tag(5, WireType.Varint).int64(t.did);
  if (t.id !== undefined) w.tag(8, WireType.Varint).int64(t.id);
  return w.finish();
}

function notetypeConfig(nt: ModernNotetype): Uint8Array {
  const w = new BinaryWriter();
  if (nt.kind) w.tag(1, WireType.Varint).int32(nt.kind);
  if (nt.sortf) w.tag(2, WireType.Varint).uint32(nt.sortf);
  w.tag(3, WireType.LengthDelimited).string(nt.css ?? '.card {}');
  w.tag(5, WireType.LengthDelimited).string('\\begin{document}');
  w.tag(6, WireType.LengthDelimited).string('\\end{document}');
  for (const [ord, kind, fields] of nt.reqs ?? []) {
    const r = new BinaryWriter().tag(1, WireType.Varint).uint32(ord).tag(2, WireType.Varint).int32(kind);
    r.tag(3, WireType.LengthDelimited).fork();
    for (const f of fields) r.uint32(f);
    r.join();
    w.tag(8, WireType.LengthDelimited).bytes(r.finish());
  }
  if (nt.originalStockKind) w.tag(9, WireType.Varint).int32(nt.originalStockKind);
  if (nt.other) w.tag(255, WireType.LengthDelimited).bytes(json(nt.other));
  return w.finish();
}

function floats(w: BinaryWriter, no: number, values: readonly number[]): void {
  if (!values.length) return;
  w.tag(no, WireType.LengthDelimited).fork();
  for (const v of values) w.float(v);
  w.join();
}

function deckCommon(d: ModernDeck): Uint8Array {
  const w = new BinaryWriter();
  if (d.collapsed) w.tag(1, WireType.Varint).bool(true);
  if (d.lastDay) w.tag(3, WireType.Varint).uint32(d.lastDay);
  if (d.newStudied) w.tag(4, WireType.Varint).int32(d.newStudied);
  return w.finish();
}

function deckKind(d: ModernDeck): Uint8Array {
  const w = new BinaryWriter();
  if (d.filtered) {
    const f = new BinaryWriter();
    if (d.filtered.reschedule) f.tag(1, WireType.Varint).bool(true);
    for (const [search, limit, order] of d.filtered.terms) {
      const t = new BinaryWriter().tag(1, WireType.LengthDelimited).string(search).tag(2, WireType.Varint).uint32(limit).tag(3, WireType.Varint).int32(order);
      f.tag(2, WireType.LengthDelimited).bytes(t.finish());
    }
    floats(f, 3, d.filtered.delays ?? []);
    return w.tag(2, WireType.LengthDelimited).bytes(f.finish()).finish();
  }
  const n = d.normal ?? { configId: 1 };
  const m = new BinaryWriter().tag(1, WireType.Varint).int64(n.configId);
  if (n.description) m.tag(4, WireType.LengthDelimited).string(n.description);
  if (n.reviewLimit !== undefined) m.tag(6, WireType.Varint).uint32(n.reviewLimit);
  if (n.newLimitToday) {
    const l = new BinaryWriter().tag(1, WireType.Varint).uint32(n.newLimitToday[0]).tag(2, WireType.Varint).uint32(n.newLimitToday[1]);
    m.tag(9, WireType.LengthDelimited).bytes(l.finish());
  }
  if (n.desiredRetention !== undefined) m.tag(10, WireType.Bit32).float(n.desiredRetention);
  return w.tag(1, WireType.LengthDelimited).bytes(m.finish()).finish();
}

function deckConfig(c: ModernConfig): Uint8Array {
  const w = new BinaryWriter();
  floats(w, 1, c.learnSteps);
  floats(w, 2, [10]);
  floats(w, 6, c.fsrsParams6 ?? []);
  w.tag(9, WireType.Varint).uint32(c.newPerDay).tag(10, WireType.Varint).uint32(200);
  w.tag(11, WireType.Bit32).float(c.initialEase).tag(12, WireType.Bit32).float(c.easyMultiplier);
  w.tag(13, WireType.Bit32).float(1.2).tag(15, WireType.Bit32).float(1);
  w.tag(16, WireType.Varint).uint32(36500).tag(17, WireType.Varint).uint32(1);
  w.tag(18, WireType.Varint).uint32(1).tag(19, WireType.Varint).uint32(4);
  if (c.leechAction) w.tag(21, WireType.Varint).int32(c.leechAction);
  w.tag(22, WireType.Varint).uint32(8).tag(24, WireType.Varint).uint32(60);
  w.tag(37, WireType.Bit32).float(c.desiredRetention).tag(44, WireType.Varint).bool(true);
  if (c.other) w.tag(255, WireType.LengthDelimited).bytes(json(c.other));
  return w.finish();
}

export const SCHEMA18_SQL = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create index ix_notes_usn on notes (usn); create index ix_cards_usn on cards (usn); create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid); create index ix_cards_sched on cards (did, queue, due); create index ix_revlog_cid on revlog (cid); create index ix_notes_csum on notes (csum);
create table deck_config (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
create table config (KEY text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
create table fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_fields_name_ntid on fields (name, ntid);
create table templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_templates_name_ntid on templates (name, ntid);
create table notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
create unique index idx_notetypes_name on notetypes (name);
create table decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
create unique index idx_decks_name on decks (name);
create index idx_notes_mid on notes (mid); create index idx_cards_odid on cards (odid) where odid != 0;
create table tags (tag text not null primary key, usn integer not null, collapsed boolean not null, config blob null) without rowid;
create table graves (oid integer not null, type integer not null, usn integer not null, primary key (oid, type)) without rowid;
`;

/** The column names (and indexes) real files mark `COLLATE unicase`. */
const UNICASE_TABLES = ['deck_config', 'fields', 'templates', 'notetypes', 'decks', 'tags'];

function withUnicase(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'acb-unicase-'));
  try {
    const path = join(dir, 'col.db');
    writeFileSync(path, bytes);
    const script = [
      'import sqlite3, sys',
      'c = sqlite3.connect(sys.argv[1])',
      "c.create_collation('unicase', lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))",
      'c.execute("pragma writable_schema = on")',
      `for t in ${JSON.stringify(UNICASE_TABLES)}:`,
      `    col = 'tag' if t == 'tags' else 'name'`,
      `    c.execute("update sqlite_master set sql = replace(sql, ? , ?) where tbl_name = ? and type = 'table'", (col + ' text not null', col + ' text not null collate unicase', t))`,
      'c.execute("pragma writable_schema = off")',
      'c.commit()',
      'c.close()',
      'c = sqlite3.connect(sys.argv[1])',
      "c.create_collation('unicase', lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))",
      'c.execute("reindex")',
      'assert c.execute("pragma integrity_check").fetchone()[0] == "ok"',
      'c.commit()',
    ].join('\n');
    execFileSync('python3', ['-c', script, path]);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fillTables(db: import('sql.js').Database, input: ModernPackageInput): void {
  db.run("insert into col values (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", [input.crt]);
  for (const [key, val] of Object.entries(input.config)) db.run('insert into config values (?, 0, 0, ?)', [key, json(val)]);
  for (const nt of input.notetypes) {
    db.run('insert into notetypes values (?, ?, ?, -1, ?)', [nt.id, nt.name, nt.mtime, notetypeConfig(nt)]);
    nt.fields.forEach((f, ord) => db.run('insert into fields values (?, ?, ?, ?)', [nt.id, ord, f.name, fieldConfig(f)]));
    nt.templates.forEach((t, ord) => db.run('insert into templates values (?, ?, ?, 0, 0, ?)', [nt.id, ord, t.name, templateConfig(t)]));
  }
  for (const d of input.decks) db.run('insert into decks values (?, ?, ?, -1, ?, ?)', [d.id, d.name.replaceAll('::', '\x1f'), d.mtime ?? 0, deckCommon(d), deckKind(d)]);
  for (const c of input.deckConfigs) db.run('insert into deck_config values (?, ?, 0, -1, ?)', [c.id, c.name, deckConfig(c)]);
  for (const t of input.tags ?? []) db.run('insert into tags values (?, -1, 0, null)', [t]);
  for (const n of input.notes) db.run('insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', n as never);
  for (const c of input.cards) db.run(`insert into cards values (${Array(18).fill('?').join(',')})`, c as never);
  for (const r of input.revlog ?? []) db.run('insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)', r as never);
}

function mediaList(media: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const w = new BinaryWriter();
  for (const m of media) {
    const e = new BinaryWriter().tag(1, WireType.LengthDelimited).string(m.name).tag(2, WireType.Varint).uint32(m.bytes.length).tag(3, WireType.LengthDelimited).bytes(sha1(m.bytes));
    w.tag(1, WireType.LengthDelimited).bytes(e.finish());
  }
  return w.finish();
}

/** The schema-18 database file alone (uncompressed). */
export function schema18Bytes(SQL: SqlJsStatic, input: ModernPackageInput): Uint8Array {
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA18_SQL);
    fillTables(db, input);
    const bytes = db.export();
    return input.withUnicase ? withUnicase(bytes) : bytes;
  } finally {
    db.close();
  }
}

let zstdReady: Promise<void> | null = null;

/** zstd-wasm breaks when initialised twice: once per test process. */
export function zstdInit(): Promise<void> {
  zstdReady ??= init();
  return zstdReady;
}

export async function buildModernPackage(SQL: SqlJsStatic, input: ModernPackageInput): Promise<Uint8Array> {
  await zstdInit();
  const media = input.media ?? [];
  const files: Record<string, Uint8Array> = {
    meta: new Uint8Array([0x08, 0x03]),
    'collection.anki2': new SQL.Database().export(),
    'collection.anki21b': compress(schema18Bytes(SQL, input), 3),
    media: compress(mediaList(media), 3),
  };
  media.forEach((m, i) => (files[String(i)] = compress(m.bytes, 3)));
  return zipSync(files, { level: 0 });
}
