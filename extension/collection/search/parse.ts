/**
 * Search text → typed tree (anki-formats.md §4; the grammar of Anki's
 * `search/parser.rs`):
 *
 *   query := node*            (empty ⇒ whole collection; all whitespace is a space)
 *   node  := ' '* ('-' (group | text) | group | text)
 *   group := '(' node+ ')'
 *   text  := '"' … '"' | key ':' '"' … '"' | an unquoted run ending at ' ', '"', '(' or ')'
 *
 * `and`/`or` (any case) are operators; neighbours without one are ANDed,
 * and AND binds tighter than OR. A rule that does not apply "declines"
 * (returns null) so the next one is tried; a malformed query throws a
 * SearchError at once, as Anki's nom failures do.
 */
import { SearchError, type SearchErrorKind } from './errors.ts';
import { term, type Node, type Term } from './nodes.ts';
import { termForKey, unescape } from './terms.ts';

/** An operator or a node, before precedence is applied. */
type Item = 'and' | 'or' | Node;

interface Parsed<T> {
  value: T;
  rest: string;
}

function fail(kind: SearchErrorKind): never {
  throw new SearchError(kind);
}

/** Parses a search. Throws SearchError on malformed input. */
export function parse(input: string): Node {
  const text = input.replace(/\p{White_Space}/gu, ' ').trim();
  if (text === '') return term({ type: 'all' });
  const { value, rest } = groupInner(text);
  // An unmatched ')' is the only thing no rule consumes.
  if (rest !== '') fail({ kind: 'unopenedGroup' });
  return combine(value);
}

// ---------------------------------------------------------------- structure

/** Nodes up to a ')' or the end, with implicit ANDs inserted. */
function groupInner(input: string): Parsed<Item[]> {
  let rest = input;
  const items: Item[] = [];
  for (;;) {
    const next = node(rest);
    if (!next) break;
    rest = next.rest;
    const item = next.value;
    const isOp = item === 'and' || item === 'or';
    if (items.length % 2 === 0) {
      if (item === 'and') fail({ kind: 'misplacedAnd' });
      if (item === 'or') fail({ kind: 'misplacedOr' });
    } else if (!isOp) {
      items.push('and');
    }
    items.push(item);
  }
  const last = items[items.length - 1];
  if (last === 'and') fail({ kind: 'misplacedAnd' });
  if (last === 'or') fail({ kind: 'misplacedOr' });
  return { value: items, rest: skipSpaces(rest) };
}

/** Applies precedence: OR of AND-chains. */
function combine(items: Item[]): Node {
  const ors: Node[] = [];
  let ands: Node[] = [];
  const flush = () => ors.push(ands.length === 1 ? ands[0]! : { kind: 'and', children: ands });
  for (const item of items) {
    if (item === 'or') {
      flush();
      ands = [];
    } else if (item !== 'and') {
      ands.push(item);
    }
  }
  flush();
  return ors.length === 1 ? ors[0]! : { kind: 'or', children: ors };
}

function skipSpaces(s: string): string {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\u3000')) i++;
  return s.slice(i);
}

function node(input: string): Parsed<Item> | null {
  const s = skipSpaces(input);
  return negated(s) ?? group(s) ?? text(s);
}

function negated(s: string): Parsed<Item> | null {
  if (!s.startsWith('-')) return null;
  const inner = group(s.slice(1)) ?? text(s.slice(1));
  if (!inner) return null;
  // Anki negates the operator itself (and then fails in SQL); `-and` here negates the word.
  const child = typeof inner.value === 'string' ? term({ type: 'text', text: inner.value }) : inner.value;
  return { value: { kind: 'not', child }, rest: inner.rest };
}

function group(s: string): Parsed<Item> | null {
  if (!s.startsWith('(')) return null;
  const { value, rest } = groupInner(s.slice(1));
  if (!rest.startsWith(')')) fail({ kind: 'unclosedGroup' });
  if (value.length === 0) fail({ kind: 'emptyGroup' });
  return { value: combine(value), rest: rest.slice(1) };
}

function text(s: string): Parsed<Item> | null {
  return quotedTerm(s) ?? partiallyQuotedTerm(s) ?? unquotedTerm(s);
}

// ---------------------------------------------------------------- terms

/** `"…"`: the whole term is quoted. */
function quotedTerm(s: string): Parsed<Item> | null {
  const quoted = quotedText(s);
  if (!quoted) return null;
  return { value: term(termForText(quoted.value)), rest: quoted.rest };
}

/** `key:"…"`: only the value is quoted. */
function partiallyQuotedTerm(s: string): Parsed<Item> | null {
  const key = escapedRun(s, '"(): \u3000\\', notSpace);
  if (!key.ok || !key.rest.startsWith(':')) return null;
  const quoted = quotedText(key.rest.slice(1));
  if (!quoted) return null;
  return { value: term(termForKey(key.consumed, quoted.value)), rest: quoted.rest };
}

/** A run up to a space, `"`, `(` or `)`; `and`/`or` are operators. */
function unquotedTerm(s: string): Parsed<Item> | null {
  const run = escapedRun(s, '"() \u3000\\', notSpace);
  if (run.ok) {
    const t = run.consumed;
    if (t === '') return null;
    const lower = t.toLowerCase();
    if (/^[a-z]+$/i.test(t) && (lower === 'and' || lower === 'or')) return { value: lower, rest: run.rest };
    return { value: term(termForText(t)), rest: run.rest };
  }
  if (run.error === 'noneOf') return fail({ kind: 'unknownEscape', provided: '\\' + run.rest });
  if ('"() \u3000'.includes(s[0]!)) return null;
  // The input ends in an odd number of backslashes.
  return fail({ kind: 'unknownEscape', provided: '\\' });
}

/** The inside of a non-empty `"…"`, escapes kept; null if `s` does not start with a quote. */
function quotedText(s: string): Parsed<string> | null {
  if (!s.startsWith('"')) return null;
  const opened = s.slice(1);
  const run = escapedRun(opened, '"\\', anyChar);
  if (run.ok) {
    if (!run.rest.startsWith('"')) fail({ kind: 'unclosedQuote' });
    return { value: run.consumed, rest: run.rest.slice(1) };
  }
  return fail(opened.startsWith('"') ? { kind: 'emptyQuote' } : { kind: 'unclosedQuote' });
}

/** A term's text: `key:value` at the first unescaped colon, else unqualified text. */
function termForText(s: string): Term {
  const head = escapedRun(s, ':\\', anyChar);
  if (!head.ok || head.consumed === '') return fail({ kind: 'missingKey' });
  if (head.rest === '') return { type: 'text', text: unescape(head.consumed) };
  return termForKey(head.consumed, head.rest.slice(1));
}

// ---------------------------------------------------------------- escaped runs

type Run = { ok: true; consumed: string; rest: string } | { ok: false; error: 'escaped' | 'noneOf'; rest: string };

const anyChar = () => true;
const notSpace = (ch: string) => ch !== ' ' && ch !== '\u3000';

/**
 * nom's `escaped(is_not(stop), '\\', escapable)`: characters outside `stop`
 * (which includes the backslash), or a backslash and a character that
 * `escapable` accepts. Fails if nothing is consumed, if the input ends in a
 * lone backslash ('escaped'), or if a backslash is followed by a character
 * that may not be escaped ('noneOf', `rest` starting at that character).
 */
function escapedRun(s: string, stop: string, escapable: (ch: string) => boolean): Run {
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && !stop.includes(s[j]!)) j++;
    if (j > i) {
      i = j;
      continue;
    }
    if (s[i] !== '\\') {
      return i === 0 ? { ok: false, error: 'escaped', rest: s } : { ok: true, consumed: s.slice(0, i), rest: s.slice(i) };
    }
    if (i + 1 >= s.length) return { ok: false, error: 'escaped', rest: s };
    const ch = String.fromCodePoint(s.codePointAt(i + 1)!);
    if (!escapable(ch)) return { ok: false, error: 'noneOf', rest: s.slice(i + 1) };
    i += 1 + ch.length;
  }
  return { ok: true, consumed: s, rest: '' };
}
