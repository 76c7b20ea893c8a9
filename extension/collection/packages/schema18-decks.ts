/**
 * Schema-18 decks (table `decks`: native name, `common` and `kind` protobuf,
 * proto/anki/decks.proto) as the schema-11 `col.decks` JSON Anki writes on
 * downgrade (decks/schema11.rs), key for key.
 */
import type { Db } from '../db.ts';
import { humanDeckName } from '../decks/names.ts';
import type { DeckJson } from '../decks/types.ts';
import { ProtoMessage } from './proto.ts';
import { asBytes, otherFields } from './schema18-other.ts';

const RESERVED_DECK_KEYS = new Set([
  'usn', 'revToday', 'newLimit', 'dyn', 'reviewLimit', 'newToday', 'timeToday', 'reviewLimitToday',
  'extendNew', 'mod', 'newLimitToday', 'desc', 'name', 'lrnToday', 'conf', 'browserCollapsed',
  'extendRev', 'id', 'collapsed', 'desiredRetention',
]);

interface DeckRow {
  id: number;
  name: string;
  mtime_secs: number;
  usn: number;
  common: Uint8Array;
  kind: Uint8Array;
}

/** The JSON keys every deck has, from the row and its `Common` message. */
function commonJson(row: DeckRow, common: ProtoMessage, normal: ProtoMessage | null): Record<string, unknown> {
  const day = common.uint32(3);
  const out: Record<string, unknown> = {
    id: row.id,
    mod: row.mtime_secs,
    name: humanDeckName(row.name),
    usn: row.usn,
    lrnToday: [day, common.int32(6)],
    revToday: [day, common.int32(5)],
    newToday: [day, common.int32(4)],
    timeToday: [day, common.int32(7)],
    collapsed: common.bool(1),
    browserCollapsed: common.bool(2),
    desc: normal ? normal.string(4) : '',
  };
  if (normal?.bool(5)) out['md'] = true;
  out['dyn'] = normal ? 0 : 1;
  return Object.assign(out, otherFields(common.bytes(255), RESERVED_DECK_KEYS));
}

function dayLimit(m: ProtoMessage | null): { limit: number; today: number } | null {
  return m ? { limit: m.uint32(1), today: m.uint32(2) } : null;
}

/** Deck-level desired retention: a fraction in schema 18, an integer percent in schema 11. */
function retentionPercent(normal: ProtoMessage): number | null {
  if (!normal.has(10)) return null;
  return Math.trunc(Math.fround(Math.fround(normal.float(10)) * 100));
}

function normalJson(normal: ProtoMessage): Record<string, unknown> {
  return {
    conf: normal.int64(1),
    extendNew: normal.uint32(2),
    extendRev: normal.uint32(3),
    reviewLimit: normal.has(6) ? normal.uint32(6) : null,
    newLimit: normal.has(7) ? normal.uint32(7) : null,
    reviewLimitToday: dayLimit(normal.message(8)),
    newLimitToday: dayLimit(normal.message(9)),
    desiredRetention: retentionPercent(normal),
  };
}

function filteredJson(filtered: ProtoMessage): Record<string, unknown> {
  const delays = filtered.floats(3);
  return {
    resched: filtered.bool(1),
    terms: filtered.messages(2).map((t) => [t.string(1), t.uint32(2), t.int32(3)]),
    separate: true,
    delays: delays.length ? delays : null,
    previewDelay: filtered.uint32(4),
    previewAgainSecs: filtered.uint32(7),
    previewHardSecs: filtered.uint32(5),
    previewGoodSecs: filtered.uint32(6),
  };
}

function deckJson(row: DeckRow): DeckJson {
  const kind = new ProtoMessage(asBytes(row.kind));
  const filtered = kind.message(2);
  const normal = filtered ? null : (kind.message(1) ?? new ProtoMessage(new Uint8Array(0)));
  const common = commonJson(row, new ProtoMessage(asBytes(row.common)), normal);
  const specific = normal ? normalJson(normal) : filteredJson(filtered!);
  return { ...common, ...specific } as DeckJson;
}

/** `col.decks` from a schema-18 collection. */
export function decksFromSchema18(db: Db): Record<string, DeckJson> {
  const out: Record<string, DeckJson> = {};
  for (const row of db.query<DeckRow>('select id, name, mtime_secs, usn, common, kind from decks order by id')) {
    out[String(row.id)] = deckJson(row);
  }
  return out;
}
