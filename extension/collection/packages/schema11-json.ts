/**
 * Note types, decks and presets read from a package brought to the shape
 * Anki itself stores (what its schema-11 readers and writers make of them):
 * missing keys get Anki's defaults in Anki's key order, unknown keys are
 * kept at the end. Packages from Anki 2.0 lack many of today's keys.
 */
import { defaultDeckConfigJson, newDeckJson } from '../decks/defaults.ts';
import type { DeckConfigJson, DeckJson } from '../decks/types.ts';
import type { Int64 } from '../json.ts';
import type { FieldJson, NotetypeJson, TemplateJson } from '../notetypes/types.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** serde's `deserialize_number_from_string`: ids may be written as strings. */
export function idOf(v: unknown): Int64 {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) {
    const n = BigInt(v);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  return 0;
}

const boolOf = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';
const intOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);
const optionalId = (v: unknown): Int64 | null => (typeof v === 'number' || typeof v === 'bigint' ? v : null);

function fieldJson(raw: unknown, ord: number): FieldJson {
  const f = isObject(raw) ? raw : {};
  return {
    ...f,
    name: String(f['name'] ?? ''),
    ord: intOr(f['ord'], ord),
    sticky: boolOf(f['sticky']),
    rtl: boolOf(f['rtl']),
    font: typeof f['font'] === 'string' ? f['font'] : 'Arial',
    size: intOr(f['size'], 20),
    description: typeof f['description'] === 'string' ? f['description'] : '',
    plainText: f['plainText'] === true,
    collapsed: f['collapsed'] === true,
    excludeFromSearch: f['excludeFromSearch'] === true,
    id: optionalId(f['id']),
    tag: typeof f['tag'] === 'number' ? f['tag'] : null,
    preventDeletion: f['preventDeletion'] === true,
  };
}

function templateJson(raw: unknown, ord: number): TemplateJson {
  const t = isObject(raw) ? raw : {};
  const did = optionalId(t['did']);
  const str = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : '');
  return {
    ...t,
    name: str('name'),
    ord: intOr(t['ord'], ord),
    qfmt: str('qfmt'),
    afmt: str('afmt'),
    bqfmt: str('bqfmt'),
    bafmt: str('bafmt'),
    did: did !== null && did > 0 ? did : null,
    bfont: str('bfont'),
    bsize: intOr(t['bsize'], 0) & 0xff,
    id: optionalId(t['id']),
  };
}

/** Re-inserts `keys` of `value` first, in that order (object keys keep insertion order). */
function ordered<T extends Json>(value: T, keys: readonly string[]): T {
  const out: Json = {};
  for (const k of keys) if (Object.hasOwn(value, k)) out[k] = value[k];
  for (const [k, v] of Object.entries(value)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out as T;
}

const FIELD_KEYS = ['name', 'ord', 'sticky', 'rtl', 'font', 'size', 'description', 'plainText', 'collapsed', 'excludeFromSearch', 'id', 'tag', 'preventDeletion'];
const TEMPLATE_KEYS = ['name', 'ord', 'qfmt', 'afmt', 'bqfmt', 'bafmt', 'did', 'bfont', 'bsize', 'id'];
const NOTETYPE_KEYS = ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css', 'latexPre', 'latexPost', 'latexsvg', 'req', 'originalStockKind', 'originalId'];

export function normalizeNotetype(raw: Json): NotetypeJson {
  const flds = (Array.isArray(raw['flds']) ? raw['flds'] : []).map((f, i) => ordered(fieldJson(f, i), FIELD_KEYS));
  const tmpls = (Array.isArray(raw['tmpls']) ? raw['tmpls'] : []).map((t, i) => ordered(templateJson(t, i), TEMPLATE_KEYS));
  const did = optionalId(raw['did']);
  const nt: NotetypeJson = {
    ...raw,
    id: idOf(raw['id']),
    name: String(raw['name'] ?? ''),
    type: raw['type'] === 1 ? 1 : 0,
    mod: intOr(raw['mod'], 0),
    usn: intOr(raw['usn'], 0),
    sortf: intOr(raw['sortf'], 0),
    did: did === null || did === 0 ? null : did,
    tmpls,
    flds,
    css: typeof raw['css'] === 'string' ? raw['css'] : '',
    latexPre: typeof raw['latexPre'] === 'string' ? raw['latexPre'] : '',
    latexPost: typeof raw['latexPost'] === 'string' ? raw['latexPost'] : '',
    latexsvg: raw['latexsvg'] === true,
    req: Array.isArray(raw['req']) ? (raw['req'] as NotetypeJson['req']) : [],
  };
  if (!nt.originalStockKind) delete nt.originalStockKind;
  if (nt.originalId === null || nt.originalId === undefined) delete nt.originalId;
  return ordered(nt, NOTETYPE_KEYS);
}

type TodayPair = [number, number];

/** Anki keeps one "last day studied": counts of other days are zeroed, every day set to it. */
function todayPairs(raw: Json): Record<string, TodayPair> {
  const pair = (k: string): TodayPair => {
    const v = raw[k];
    return Array.isArray(v) ? [intOr(v[0], 0), intOr(v[1], 0)] : [0, 0];
  };
  const [lrn, rev, nw, time] = [pair('lrnToday'), pair('revToday'), pair('newToday'), pair('timeToday')];
  const day = Math.max(time[0], nw[0], rev[0]);
  const amount = (p: TodayPair) => (p[0] === day ? p[1] : 0);
  return { lrnToday: [day, amount(lrn)], revToday: [day, amount(rev)], newToday: [day, amount(nw)], timeToday: [day, time[1]] };
}

const NORMAL_ONLY_KEYS = ['conf', 'extendNew', 'extendRev', 'reviewLimit', 'newLimit', 'reviewLimitToday', 'newLimitToday', 'desiredRetention'];
const FILTERED_KEYS = ['resched', 'terms', 'separate', 'delays', 'previewDelay', 'previewAgainSecs', 'previewHardSecs', 'previewGoodSecs'];

/** True for a filtered deck (`dyn` 1 or true). */
export function isFilteredJson(raw: Json): boolean {
  return raw['dyn'] === 1 || raw['dyn'] === true;
}

export function normalizeDeck(raw: Json): DeckJson {
  const filtered = isFilteredJson(raw);
  const base = newDeckJson(0, '', 0, 0) as Json;
  const rest: Json = { ...raw };
  delete rest['return'];
  const deck: Json = { ...base, ...rest, ...todayPairs(raw) };
  deck['id'] = idOf(raw['id']);
  deck['name'] = String(raw['name'] ?? '');
  deck['collapsed'] = boolOf(raw['collapsed']);
  deck['browserCollapsed'] = boolOf(raw['browserCollapsed']);
  deck['dyn'] = filtered ? 1 : 0;
  if (!filtered) {
    deck['conf'] = idOf(raw['conf'] ?? 1);
    return deck as DeckJson;
  }
  for (const k of NORMAL_ONLY_KEYS) delete deck[k];
  deck['desc'] = '';
  deck['resched'] = boolOf(raw['resched']);
  deck['terms'] = Array.isArray(raw['terms']) ? raw['terms'] : [];
  deck['separate'] = true;
  deck['delays'] = Array.isArray(raw['delays']) && raw['delays'].length ? raw['delays'] : null;
  for (const k of FILTERED_KEYS.slice(4)) deck[k] = intOr(raw[k], 0);
  return deck as DeckJson;
}

export function normalizeDeckConfig(raw: Json): DeckConfigJson {
  const d = defaultDeckConfigJson();
  const section = <K extends 'new' | 'rev' | 'lapse'>(k: K) => ({ ...d[k], ...(isObject(raw[k]) ? raw[k] : {}) }) as DeckConfigJson[K];
  const conf = { ...d, ...raw, new: section('new'), rev: section('rev'), lapse: section('lapse'), dyn: false } as DeckConfigJson;
  const ints = conf.new.ints;
  conf.new.ints = Array.isArray(ints) && ints.length >= 2 ? [ints[0]!, ints[1]!, 0] : [1, 4, 0];
  conf.id = idOf(raw['id']);
  return conf;
}

/** A filtered deck made a normal one with the Default preset (gather.rs `reset_decks`). */
export function asNormalDeck(deck: DeckJson): DeckJson {
  const rest: Json = { ...deck };
  for (const k of FILTERED_KEYS) delete rest[k];
  return normalizeDeck({ ...rest, dyn: 0, conf: 1 });
}
