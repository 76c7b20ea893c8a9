/**
 * Schema-18 presets (table `deck_config`, `config` = protobuf
 * DeckConfig.Config, proto/anki/deck_config.proto) as the schema-11
 * `col.dconf` JSON Anki writes on downgrade (deckconfig/schema11.rs).
 */
import type { Db } from '../db.ts';
import type { DeckConfigJson } from '../decks/types.ts';
import { ProtoMessage } from './proto.ts';
import { asBytes, otherFields } from './schema18-other.ts';

const RESERVED_TOP = new Set([
  'id', 'newSortOrder', 'replayq', 'newPerDayMinimum', 'usn', 'autoplay', 'dyn', 'maxTaken', 'reviewOrder',
  'buryInterdayLearning', 'newMix', 'mod', 'timer', 'name', 'interdayLearningMix', 'newGatherPriority',
  'fsrsWeights', 'fsrsParams5', 'fsrsParams6', 'desiredRetention', 'stopTimerOnAnswer', 'secondsToShowQuestion',
  'secondsToShowAnswer', 'questionAction', 'answerAction', 'waitForAudio', 'sm2Retention', 'weightSearch',
  'ignoreRevlogsBeforeDate', 'easyDaysPercentages',
]);
const RESERVED_NEW = new Set(['order', 'delays', 'bury', 'perDay', 'initialFactor', 'ints']);
const RESERVED_REV = new Set(['maxIvl', 'hardFactor', 'ease4', 'ivlFct', 'perDay', 'bury']);
const RESERVED_LAPSE = new Set(['leechFails', 'mult', 'leechAction', 'delays', 'minInt']);

interface ConfigRow {
  id: number;
  name: string;
  mtime_secs: number;
  usn: number;
  config: Uint8Array;
}

/** The keys of a nested object of `other` (new/rev/lapse), minus those schema 11 writes itself. */
function nestedOther(other: Record<string, unknown>, key: string, reserved: ReadonlySet<string>): Record<string, unknown> {
  const value = other[key];
  delete other[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!reserved.has(k)) out[k] = v;
  return out;
}

/** Rust's saturating `f32 as u16`. */
const asU16 = (x: number) => (Number.isNaN(x) ? 0 : Math.min(0xffff, Math.max(0, Math.trunc(x))));

function sections(c: ProtoMessage, other: Record<string, unknown>) {
  return {
    new: {
      bury: c.bool(27),
      delays: c.floats(1),
      initialFactor: asU16(Math.fround(Math.fround(c.float(11)) * 1000)),
      ints: [c.uint32(18) & 0xffff, c.uint32(19) & 0xffff, 0],
      order: c.int32(20) === 1 ? 0 : 1,
      perDay: c.uint32(9),
      ...nestedOther(other, 'new', RESERVED_NEW),
    },
    rev: {
      bury: c.bool(28),
      ease4: c.float(12),
      ivlFct: c.float(15),
      maxIvl: c.uint32(16),
      perDay: c.uint32(10),
      hardFactor: c.float(13),
      ...nestedOther(other, 'rev', RESERVED_REV),
    },
    lapse: {
      delays: c.floats(2),
      leechAction: c.int32(21) === 1 ? 1 : 0,
      leechFails: c.uint32(22),
      minInt: c.uint32(17),
      mult: c.float(14),
      ...nestedOther(other, 'lapse', RESERVED_LAPSE),
    },
  };
}

function deckConfigJson(row: ConfigRow): DeckConfigJson {
  const c = new ProtoMessage(asBytes(row.config));
  const other = otherFields(c.bytes(255), new Set());
  const { new: newSection, rev, lapse } = sections(c, other);
  const answerAction = c.int32(43);
  return {
    id: row.id,
    mod: row.mtime_secs,
    name: row.name,
    usn: row.usn,
    maxTaken: c.uint32(24) | 0,
    autoplay: !c.bool(23),
    timer: c.bool(25) ? 1 : 0,
    replayq: !c.bool(26),
    new: newSection,
    rev,
    lapse,
    dyn: false,
    newMix: c.int32(30),
    newPerDayMinimum: c.uint32(35),
    interdayLearningMix: c.int32(31),
    reviewOrder: c.int32(33),
    newSortOrder: c.int32(32),
    newGatherPriority: c.int32(34),
    buryInterdayLearning: c.bool(29),
    fsrsWeights: c.floats(3),
    fsrsParams5: c.floats(5),
    fsrsParams6: c.floats(6),
    desiredRetention: c.float(37),
    ignoreRevlogsBeforeDate: c.string(46),
    easyDaysPercentages: c.floats(4),
    stopTimerOnAnswer: c.bool(38),
    secondsToShowQuestion: c.float(41),
    secondsToShowAnswer: c.float(42),
    questionAction: c.int32(36) === 1 ? 1 : 0,
    answerAction: answerAction >= 1 && answerAction <= 4 ? answerAction : 0,
    waitForAudio: c.bool(44),
    sm2Retention: c.float(40),
    weightSearch: c.string(45),
    ...Object.fromEntries(Object.entries(other).filter(([k]) => !RESERVED_TOP.has(k))),
  };
}

/** `col.dconf` from a schema-18 collection. */
export function deckConfigsFromSchema18(db: Db): Record<string, DeckConfigJson> {
  const out: Record<string, DeckConfigJson> = {};
  for (const row of db.query<ConfigRow>('select id, name, mtime_secs, usn, config from deck_config order by id')) {
    out[String(row.id)] = deckConfigJson(row);
  }
  return out;
}
