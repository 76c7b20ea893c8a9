/**
 * A new collection as Anki creates one: schema 11, the `col` row with its
 * JSON, the six stock note types (Basic current), the Default deck and the
 * Default preset (anki-formats.md §1-2).
 */
import type { SqlJsStatic } from 'sql.js';
import { systemClock, type Clock } from './clock.ts';
import { Collection } from './collection.ts';
import { Db } from './db.ts';
import { toJson } from './json.ts';
import { DEFAULT_DECK_ID, defaultDeckConfigJson, defaultDeckJson } from './decks/defaults.ts';
import { stockNotetypes } from './notetypes/stock.ts';
import { SCHEMA11_TABLES } from './schema/schema11.ts';

const DAY_SECS = 86_400;

/**
 * `crt`: the collection's creation day, as epoch seconds at 4 am local time
 * (the previous day's 4 am when created before 4 am).
 */
export function creationTimestamp(nowMs: number, offsetMinutes: number): number {
  const localSecs = Math.floor(nowMs / 1000) - offsetMinutes * 60;
  let day4am = Math.floor(localSecs / DAY_SECS) * DAY_SECS + 4 * 3600;
  if (day4am > localSecs) day4am -= DAY_SECS;
  return day4am + offsetMinutes * 60;
}

export function createCollection(SQL: SqlJsStatic, clock: Clock = systemClock): Collection {
  const db = new Db(new SQL.Database());
  const now = clock.now();
  const offset = clock.utcOffsetMinutes(now);
  const notetypes = stockNotetypes(now);
  const basic = notetypes[0]!;
  const conf = {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: basic.id,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    creationOffset: offset,
    sched2021: true,
  };
  const models = Object.fromEntries(notetypes.map((nt) => [String(nt.id), nt]));
  const deck = defaultDeckJson();
  const dconf = defaultDeckConfigJson();
  db.raw.exec(SCHEMA11_TABLES);
  db.raw.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
    creationTimestamp(now, offset),
    now,
    now,
    toJson(conf),
    toJson(models),
    toJson({ [String(deck.id)]: deck }),
    toJson({ [String(dconf.id)]: dconf }),
    '{}',
  ]);
  return new Collection(db, clock);
}
