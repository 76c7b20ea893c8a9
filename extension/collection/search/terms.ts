/**
 * `key:value` → Term, and the parser's unescaping (Anki's
 * `search_node_for_text_with_argument` and friends in `search/parser.rs`).
 * Numbers are read as Rust's `str::parse` reads them.
 */
import { SearchError, type SearchErrorKind } from './errors.ts';
import type { PropOperator, Property, Rating, StateKind, Term, TextMode } from './nodes.ts';

function fail(kind: SearchErrorKind): never {
  throw new SearchError(kind);
}

// ---------------------------------------------------------------- numbers

/** An unsigned integer ≤ max as Rust parses it (optional `+`), else null. */
function parseUnsigned(text: string, max: number): number | null {
  if (!/^\+?[0-9]+$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

/** A signed integer within [min, max] as Rust parses it, else null. */
function parseSigned(text: string, min: bigint, max: bigint): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const n = BigInt(text);
  return n >= min && n <= max ? n : null;
}

const I32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const I64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;
const U32_MAX = 4_294_967_295;

/** An f32 as Rust parses it (`1`, `.5`, `2.`, `1e3`, `inf`, `nan`), else null. */
function parseF32(text: string): number | null {
  const m = /^([+-]?)(?:(inf|infinity)|(nan)|((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?))$/i.exec(text);
  if (!m) return null;
  if (m[3]) return NaN;
  const magnitude = m[2] ? Infinity : Math.fround(Number(m[4]));
  return m[1] === '-' ? -magnitude : magnitude;
}

function u32(text: string, context: string): number {
  return parseUnsigned(text, U32_MAX) ?? fail({ kind: 'invalidPositiveWholeNumber', context, provided: text });
}

function i32(text: string, context: string): number {
  const n = parseSigned(text, ...I32);
  return n === null ? fail({ kind: 'invalidWholeNumber', context, provided: text }) : Number(n);
}

function i64(text: string, context: string): string {
  const n = parseSigned(text, ...I64);
  return n === null ? fail({ kind: 'invalidWholeNumber', context, provided: text }) : n.toString();
}

function nonPositiveI32(text: string, context: string): number {
  const n = parseSigned(text, ...I32);
  return n === null || n > 0n ? fail({ kind: 'invalidNegativeWholeNumber', context, provided: text }) : Number(n);
}

function f32(text: string, context: string): number {
  return parseF32(text) ?? fail({ kind: 'invalidNumber', context, provided: text });
}

function answerButton(text: string | undefined, context: string): Rating {
  if (text === undefined) return { kind: 'any' };
  const n = parseUnsigned(text, 255);
  if (n === null || n < 1 || n > 4) fail({ kind: 'invalidAnswerButton', context, provided: text });
  return { kind: 'button', button: n };
}

/** Rust's `splitn(2, sep)`. */
function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

// ---------------------------------------------------------------- escapes

/** The first escape the parser does not know (`\` + anything but `\ " : * _ ( ) -`, or a trailing `\`). */
function invalidEscape(text: string): string | null {
  const m = /(?:^|[^\\])(?:\\\\)*(\\(?:[^\\":*_()-]|$))/u.exec(text);
  return m ? m[1]! : null;
}

/** Removes the parser escapes `\" \: \( \) \-`; `\\ \* \_` stay. Throws on an unknown escape. */
export function unescape(text: string): string {
  const bad = invalidEscape(text);
  if (bad !== null) fail({ kind: 'unknownEscape', provided: bad });
  return text.replace(/\\[\\":()-]/gu, (s) => (s === '\\\\' ? s : s[1]!));
}

/** `\"` → `"` only (regex texts, where any other escape belongs to the regex). */
function unescapeQuotes(text: string): string {
  return text.replaceAll('\\"', '"');
}

function unescapeQuotesAndBackslashes(text: string): string {
  return text.replaceAll('\\"', '"').replaceAll('\\\\', '\\');
}

// ---------------------------------------------------------------- keys

const STATES: ReadonlySet<string> = new Set<StateKind>([
  'new', 'review', 'learn', 'due', 'buried', 'buried-manually', 'buried-sibling', 'suspended',
]);

/** The term for `key:val` (key and val still escaped). */
export function termForKey(key: string, val: string): Term {
  switch (key.replace(/[A-Z]+/g, (s) => s.toLowerCase())) {
    case 'deck': return { type: 'deck', name: unescape(val) };
    case 'note': return { type: 'notetype', name: unescape(val) };
    case 'tag': return tagTerm(val);
    case 'card': return templateTerm(val);
    case 'flag': return flagTerm(val);
    case 'resched': return { type: 'rated', days: u32(val, 'resched:'), rating: { kind: 'manual' } };
    case 'prop': return propTerm(val);
    case 'added': return { type: 'added', days: Math.max(1, u32(val, 'added:')) };
    case 'edited': return { type: 'edited', days: Math.max(1, u32(val, 'edited:')) };
    case 'introduced': return { type: 'introduced', days: Math.max(1, u32(val, 'introduced:')) };
    case 'rated': return ratedTerm(val);
    case 'is': return STATES.has(val) ? { type: 'state', state: val as StateKind } : fail({ kind: 'invalidState', provided: val });
    case 'did': return { type: 'deckIds', ids: idList(val, key) };
    case 'mid': return { type: 'notetypeId', id: i64(val, 'mid:') };
    case 'nid': return { type: 'noteIds', ids: idList(val, key) };
    case 'cid': return { type: 'cardIds', ids: idList(val, key) };
    case 're': return { type: 'regex', text: unescapeQuotes(val) };
    case 'nc': return { type: 'nocombining', text: unescape(val) };
    case 'sc': return { type: 'stripclozes', text: unescape(val) };
    case 'w': return { type: 'word', text: unescape(val) };
    case 'dupe': return dupeTerm(val);
    case 'has-cd': return { type: 'customData', key: unescape(val) };
    case 'preset': return { type: 'preset', name: val };
    default: return fieldTerm(key, val);
  }
}

function tagTerm(val: string): Term {
  if (val.startsWith('re:')) return { type: 'tag', tag: unescapeQuotes(val.slice(3)), mode: 'regex' };
  if (val.startsWith('nc:')) return { type: 'tag', tag: unescape(val.slice(3)), mode: 'nocombining' };
  return { type: 'tag', tag: unescape(val), mode: 'normal' };
}

function templateTerm(val: string): Term {
  const n = parseUnsigned(val, 65_535);
  return n === null ? { type: 'templateName', name: unescape(val) } : { type: 'templateOrd', ord: Math.max(n, 1) - 1 };
}

function flagTerm(val: string): Term {
  const n = parseUnsigned(val, 255);
  return n === null || n > 7 ? fail({ kind: 'invalidFlag' }) : { type: 'flag', flag: n };
}

function ratedTerm(val: string): Term {
  const [days, button] = splitOnce(val, ':');
  return { type: 'rated', days: Math.max(1, u32(days, 'rated:')), rating: answerButton(button, val) };
}

/** Digits and commas only (`did:`, `nid:`, `cid:`), returned as they are. */
function idList(val: string, key: string): string {
  if (/^(?:[0-9]+,)*[0-9]+$/.test(val)) return val;
  return fail({ kind: 'other', info: `expected only digits and commas in ${key}:` });
}

function dupeTerm(val: string): Term {
  const [ntid, text] = splitOnce(val, ',');
  const notetypeId = i64(ntid, val);
  if (text === undefined) fail({ kind: 'other', info: "invalid 'dupe:' search" });
  return { type: 'dupe', notetypeId, text: unescapeQuotesAndBackslashes(text) };
}

function fieldTerm(key: string, val: string): Term {
  const field = unescape(key);
  let mode: TextMode = 'normal';
  let text: string;
  if (val.startsWith('re:')) {
    mode = 'regex';
    text = unescapeQuotes(val.slice(3));
  } else if (val.startsWith('nc:')) {
    mode = 'nocombining';
    text = unescapeQuotes(val.slice(3));
  } else {
    text = unescape(val);
  }
  return { type: 'field', field, text, mode };
}

// ---------------------------------------------------------------- prop:

const PROP_NAMES = ['ivl', 'due', 'reps', 'lapses', 'ease', 'pos', 'rated', 'resched', 's', 'd', 'r'];
const OPERATORS: readonly PropOperator[] = ['<=', '>=', '!=', '=', '<', '>'];

/** `prop:ivl>3`, `prop:ease!=2.5`, `prop:rated=-1:3`, `prop:cdn:key>1`, … */
function propTerm(clause: string): Term {
  const custom = /^cd[ns]:[A-Za-z0-9]+/.exec(clause);
  const name = custom ? custom[0] : PROP_NAMES.find((p) => clause.startsWith(p));
  if (name === undefined) return fail({ kind: 'invalidPropProperty', provided: clause });
  const tail = clause.slice(name.length);
  const op = OPERATORS.find((o) => tail.startsWith(o));
  if (op === undefined) return fail({ kind: 'invalidPropOperator', provided: name });
  return { type: 'prop', op, property: property(name, tail.slice(op.length), clause) };
}

function property(name: string, num: string, clause: string): Property {
  switch (name) {
    case 'ease': return { prop: 'ease', value: f32(num, clause) };
    case 'due': return { prop: 'due', days: i32(num, clause) };
    case 'rated': {
      const [days, button] = splitOnce(num, ':');
      return { prop: 'rated', days: nonPositiveI32(days, clause), rating: answerButton(button, clause) };
    }
    case 'resched': return { prop: 'rated', days: nonPositiveI32(num, clause), rating: { kind: 'manual' } };
    case 'ivl': case 'reps': case 'lapses': case 'pos': return { prop: name, value: u32(num, clause) };
    case 's': case 'd': case 'r': return { prop: name, value: f32(num, clause) };
  }
  if (name.startsWith('cdn:')) return { prop: 'cdn', key: name.slice(4), value: f32(num, clause) };
  return { prop: 'cds', key: name.slice(4), value: num };
}
