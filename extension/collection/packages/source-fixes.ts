/**
 * What Anki does to a package's collection before taking anything from it
 * (apkg/import/mod.rs `gather_from_archive`): ids in the future get new ids
 * (dbcheck.rs `maybe_fix_invalid_ids`), and a v1-scheduler collection with
 * scheduled cards is upgraded to v2 (scheduler/upgrade.rs). These write to
 * the package's own database only.
 */
import type { Database } from 'sql.js';
import { parseJson, toJson } from '../json.ts';

const DAY_MS = 86_400_000;

/** Renumbers ids above `now + 1 day` in `table` (and the rows pointing at them). */
function fixIdsOf(db: Database, table: string, ref: [string, string] | null, nowMs: number): void {
  const cutoff = nowMs + DAY_MS;
  const bad = db.exec(`select id from ${table} where id > ? order by id`, [cutoff])[0]?.values.map((r) => Number(r[0])) ?? [];
  if (!bad.length) return;
  const maxValid = Number(db.exec(`select coalesce(max(id), 0) from ${table} where id <= ?`, [cutoff])[0]?.values[0]?.[0] ?? 0);
  let next = Math.max(nowMs, maxValid + 1);
  for (const old of bad) {
    db.run(`update ${table} set id = ? where id = ?`, [next, old]);
    if (ref) db.run(`update ${ref[0]} set ${ref[1]} = ? where ${ref[1]} = ?`, [next, old]);
    next++;
  }
}

export function fixInvalidIds(db: Database, nowMs: number): void {
  fixIdsOf(db, 'notes', ['cards', 'nid'], nowMs);
  fixIdsOf(db, 'cards', ['revlog', 'cid'], nowMs);
  fixIdsOf(db, 'revlog', null, nowMs);
}

const CARD_NEW = 0;
const CARD_LEARN = 1;
const CARD_REVIEW = 2;
const CARD_RELEARN = 3;
const QUEUE_NEW = 0;
const QUEUE_LEARN = 1;
const QUEUE_REVIEW = 2;
const QUEUE_DAY_LEARN = 3;
const QUEUE_PREVIEW = 4;

interface V1Card {
  id: number;
  did: number;
  odid: number;
  type: number;
  queue: number;
  left: number;
}

interface FilterInfo {
  reschedule: boolean;
  stepCount: number | null;
}

type JsonMap = Record<string, Record<string, unknown>>;

function colJson(db: Database, column: string): JsonMap {
  return parseJson<JsonMap>(String(db.exec(`select ${column} from col`)[0]?.values[0]?.[0] ?? '{}') || '{}');
}

function filterInfo(card: V1Card, decks: JsonMap, dconf: JsonMap): FilterInfo | null {
  if (card.odid === 0) return null;
  const deck = decks[String(card.did)];
  if (!deck || !(deck['dyn'] === 1 || deck['dyn'] === true)) return null;
  const delays = deck['delays'];
  const customSteps = Array.isArray(delays) && delays.length > 0;
  let stepCount: number | null = null;
  if (customSteps) {
    const home = decks[String(card.odid)];
    const conf = dconf[String(home?.['conf'] ?? 1)] as { new?: { delays?: unknown[] }; lapse?: { delays?: unknown[] } } | undefined;
    const steps = card.type === CARD_REVIEW ? conf?.lapse?.delays : conf?.new?.delays;
    stepCount = Array.isArray(steps) ? steps.length : 0;
  }
  return { reschedule: Boolean(deck['resched']), stepCount };
}

function restoreQueue(type: number, due: number): number {
  if (type === CARD_LEARN || type === CARD_RELEARN) return due > 1_000_000_000 ? QUEUE_LEARN : QUEUE_DAY_LEARN;
  return type === CARD_NEW ? QUEUE_NEW : QUEUE_REVIEW;
}

/** One card's v1 → v2 change (Card::upgrade_to_v2). */
function upgradeCard(card: V1Card & { due: number }, info: FilterInfo | null): V1Card & { due: number } {
  const c = { ...card };
  if (c.type === CARD_REVIEW && (c.queue === QUEUE_LEARN || c.queue === QUEUE_DAY_LEARN)) c.type = CARD_RELEARN;
  if (!info) return c;
  if (info.stepCount !== null) c.left = Math.min(c.left, info.stepCount);
  if (info.reschedule) {
    if (c.queue === QUEUE_NEW && c.type !== CARD_NEW) c.queue = restoreQueue(c.type, c.due);
  } else {
    if (c.queue === QUEUE_NEW) c.queue = QUEUE_REVIEW;
    if (c.type === CARD_LEARN) {
      c.queue = QUEUE_PREVIEW;
      c.type = CARD_NEW;
    }
  }
  return c;
}

/**
 * Upgrades a v1 collection that has scheduled cards to the v2 scheduler:
 * revlog buttons shift, relearning cards get their type, filtered cards
 * their queue; `schedVer` becomes 2 and `creationOffset` is set.
 */
export function upgradeV1Scheduling(db: Database, creationOffsetMinutes: number): void {
  const conf = colJson(db, 'conf') as Record<string, unknown>;
  if (conf['schedVer'] === 2) return;
  if (!db.exec('select 1 from cards where queue != 0 limit 1')[0]) return;
  db.run('update revlog set ease = ease + 1 where ease in (2, 3) and type in (0, 2)');
  const decks = colJson(db, 'decks');
  const dconf = colJson(db, 'dconf');
  const stmt = db.prepare('select id, did, odid, type, queue, due, left from cards where odid != 0 or type = 2');
  const cards: (V1Card & { due: number })[] = [];
  while (stmt.step()) cards.push(stmt.getAsObject() as unknown as V1Card & { due: number });
  stmt.free();
  for (const card of cards) {
    const c = upgradeCard(card, filterInfo(card, decks, dconf));
    if (c.type !== card.type || c.queue !== card.queue || c.left !== card.left) {
      db.run('update cards set type = ?, queue = ?, left = ? where id = ?', [c.type, c.queue, c.left, c.id]);
    }
  }
  conf['schedVer'] = 2;
  if (conf['creationOffset'] === undefined) conf['creationOffset'] = creationOffsetMinutes;
  db.run('update col set conf = ?', [toJson(conf)]);
}
