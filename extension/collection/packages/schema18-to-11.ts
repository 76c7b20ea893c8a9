/**
 * A modern package's schema-18 collection turned into schema 11 in its own
 * sql.js database, as Anki's downgrade does (storage/upgrades): the
 * note types, decks, presets, config and tags move back into the `col`
 * JSON, the schema-18 tables go, `ver` becomes 11.
 *
 * sql.js has no `unicase` collation, and SQLite refuses to read a table or
 * index that names a collation it lacks (anki-formats.md §1.3). The schema
 * text is therefore rewritten to NOCASE first (a private copy; NOCASE folds
 * less than unicase, so every stored name stays unique) and reindexed.
 */
import type { Database } from 'sql.js';
import { Db } from '../db.ts';
import { toJson } from '../json.ts';
import { collectionUnreadable, PackageError, unsupportedSchema } from './errors.ts';
import { deckConfigsFromSchema18 } from './schema18-deck-config.ts';
import { decksFromSchema18 } from './schema18-decks.ts';
import { notetypesFromSchema18 } from './schema18-notetypes.ts';
import { asBytes, jsonFromBytes } from './schema18-other.ts';
import type { DatabaseClass } from './sqljs.ts';

const UNICASE = /collate\s+unicase/gi;

/** Schema versions of modern collections this reader understands. */
const READABLE = new Set([16, 17, 18]);

/** The database with every `COLLATE unicase` in its schema replaced by NOCASE. */
function withoutUnicase(Database: DatabaseClass, db: Database): Database {
  const stmt = db.prepare("select type, name, sql from sqlite_master where sql like '%unicase%'");
  const rows: { name: string; sql: string }[] = [];
  while (stmt.step()) rows.push(stmt.getAsObject() as { name: string; sql: string });
  stmt.free();
  if (!rows.length) return db;
  db.run('PRAGMA writable_schema = ON');
  for (const r of rows) db.run('update sqlite_master set sql = ? where name = ?', [r.sql.replace(UNICASE, 'COLLATE NOCASE'), r.name]);
  db.run('PRAGMA writable_schema = OFF');
  const bytes = db.export();
  db.close();
  const reopened = new Database(bytes);
  reopened.run('REINDEX');
  return reopened;
}

function confFromSchema18(db: Db): Record<string, unknown> {
  const conf: Record<string, unknown> = {};
  for (const row of db.query<{ KEY: string; val: unknown }>('select KEY, val from config order by KEY')) {
    try {
      conf[row.KEY] = jsonFromBytes(asBytes(row.val));
    } catch {
      // Anki skips config values it cannot parse as JSON.
    }
  }
  return conf;
}

function tagsFromSchema18(db: Db): Record<string, number> {
  const tags: Record<string, number> = {};
  for (const row of db.query<{ tag: string; usn: number }>('select tag, usn from tags')) tags[row.tag] = row.usn;
  return tags;
}

const DOWNGRADE = `
drop table if exists config; drop table if exists deck_config; drop table if exists tags;
drop table if exists fields; drop table if exists templates; drop table if exists notetypes;
drop table if exists decks; drop index if exists idx_cards_odid; drop index if exists idx_notes_mid;
alter table graves rename to graves_old;
create table graves (usn integer not null, oid integer not null, type integer not null);
insert into graves (usn, oid, type) select usn, oid, type from graves_old;
drop table graves_old;
`;

/** Converts a schema-18 collection to schema 11 in place (its own copy); returns the database to use. */
export function convertSchema18To11(Database: DatabaseClass, raw: Database): Database {
  const db0 = withoutUnicase(Database, raw);
  try {
    downgrade(db0);
    return db0;
  } catch (e) {
    db0.close();
    if (e instanceof PackageError) throw e;
    throw new PackageError(collectionUnreadable(e instanceof Error ? e.message : String(e)));
  }
}

function downgrade(db0: Database): void {
  const db = new Db(db0);
  const ver = db.scalar('select ver from col');
  if (!READABLE.has(Number(ver))) throw new PackageError(unsupportedSchema(ver));
  const json = {
    conf: confFromSchema18(db),
    models: notetypesFromSchema18(db),
    decks: decksFromSchema18(db),
    dconf: deckConfigsFromSchema18(db),
    tags: tagsFromSchema18(db),
  };
  db0.run('BEGIN');
  db0.run('update col set ver = 11, conf = ?, models = ?, decks = ?, dconf = ?, tags = ?', [
    toJson(json.conf),
    toJson(json.models),
    toJson(json.decks),
    toJson(json.dconf),
    toJson(json.tags),
  ]);
  db0.exec(DOWNGRADE);
  db0.run('COMMIT');
}
