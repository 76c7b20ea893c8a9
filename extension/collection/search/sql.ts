/**
 * Typed tree → SQL over schema 11 (anki-formats.md §4; Anki's
 * `search/sqlwriter.rs`). Returns the statement and its positional
 * arguments: user text only ever travels as an argument. What the SQL
 * inlines is numbers: ids resolved through the lookup, validated id lists
 * (`nid:1,2`), day cut-offs and ordinals.
 *
 * Like Anki, a search that only needs one table reads only that table
 * (notes mode without card terms is `select n.id from notes n`; with only
 * card terms, `select distinct c.nid from cards c`); otherwise cards and
 * notes are joined (`distinct` in notes mode).
 */
import type { SearchLookup } from './lookup.ts';
import type { Node, Term } from './nodes.ts';
import { nfc } from './text.ts';
import * as cards from './sql-cards.ts';
import * as notes from './sql-notes.ts';

export type ItemType = 'cards' | 'notes';
export type SqlArg = string | number | null;

export interface SearchSql {
  sql: string;
  args: SqlArg[];
}

/** Which tables a search reads: one of them, both, or either (no preference). */
type Table = 'cards' | 'notes' | 'both' | 'either';

/** What term writers get. */
export interface SqlContext {
  readonly lookup: SearchLookup;
  /** Adds an argument; returns its placeholder (`?N`). */
  arg(value: SqlArg): string;
  /** The column holding the note id (`c.nid` when only cards are read). */
  readonly noteIdColumn: string;
  /** False when a first-field checksum test drives the search: decks must not tempt SQLite off it. */
  readonly deckIndex: boolean;
  /** Note text as Anki compares it (NFC unless `normalize_note_text` is off). */
  noteText(text: string): string;
}

function combineTables(a: Table, b: Table): Table {
  if (a === 'both' || b === 'both') return 'both';
  if (a === 'either') return b;
  if (b === 'either' || a === b) return a;
  return 'both';
}

const CARD_TERMS = new Set<Term['type']>([
  'added', 'introduced', 'deck', 'deckIds', 'rated', 'state', 'flag', 'cardIds', 'prop', 'customData', 'preset',
]);
const EITHER_TERMS = new Set<Term['type']>(['noteIds', 'all']);

function termTable(t: Term): Table {
  if (t.type === 'templateOrd' || t.type === 'templateName') return 'both';
  if (CARD_TERMS.has(t.type)) return 'cards';
  return EITHER_TERMS.has(t.type) ? 'either' : 'notes';
}

function requiredTable(node: Node): Table {
  switch (node.kind) {
    case 'term': return termTable(node.term);
    case 'not': return requiredTable(node.child);
    default: return node.children.reduce<Table>((t, c) => combineTables(t, requiredTable(c)), 'either');
  }
}

/** The statement's head for what is returned and which tables the terms read. */
function selectFor(item: ItemType, terms: Table): { head: string; noteId: string } {
  const join = 'from cards c, notes n where c.nid=n.id and ';
  if (item === 'cards') {
    return terms === 'cards' || terms === 'either'
      ? { head: 'select c.id from cards c where ', noteId: 'c.nid' }
      : { head: `select c.id ${join}`, noteId: 'n.id' };
  }
  if (terms === 'notes' || terms === 'either') return { head: 'select n.id from notes n where ', noteId: 'n.id' };
  // Only card terms: the notes table adds nothing (every card has its note; Check Database removes orphans).
  if (terms === 'cards') return { head: 'select distinct c.nid from cards c where ', noteId: 'c.nid' };
  return { head: `select distinct n.id ${join}`, noteId: 'n.id' };
}

/** The SQL selecting the ids of the cards or notes that match. */
export function searchSql(node: Node, item: ItemType, lookup: SearchLookup): SearchSql {
  const { head, noteId } = selectFor(item, requiredTable(node));
  const args: SqlArg[] = [];
  const base = {
    lookup,
    arg: (value: SqlArg) => {
      args.push(value);
      return `?${args.length}`;
    },
    noteIdColumn: noteId,
    noteText: (text: string) => (lookup.normalizeText() ? nfc(text) : text),
  };
  const ctx: SqlContext = { ...base, deckIndex: !checksumDriven({ ...base, deckIndex: true }, node) };
  return { sql: `${head}(${writeNode(ctx, node)})`, args };
}

/** True if a top-level conjunct is a field search narrowed by the first-field checksum. */
function checksumDriven(ctx: SqlContext, node: Node): boolean {
  const conjuncts = node.kind === 'and' ? node.children : [node];
  return conjuncts.some(
    (c) => c.kind === 'term' && c.term.type === 'field' && (notes.narrowsByChecksum(ctx, nfc(c.term.field), ctx.noteText(c.term.text), c.term.mode) ||
        notes.narrowsBySortField(ctx, nfc(c.term.field), ctx.noteText(c.term.text), c.term.mode) !== null),
  );
}

function writeNode(ctx: SqlContext, node: Node): string {
  switch (node.kind) {
    case 'term': return writeTerm(ctx, node.term);
    case 'not': return `not (${writeNode(ctx, node.child)})`;
    case 'and': return `(${node.children.map((c) => writeNode(ctx, c)).join(' and ')})`;
    case 'or': return `(${node.children.map((c) => writeNode(ctx, c)).join(' or ')})`;
  }
}

/** One term; the result is self-contained (parenthesised when compound). */
function writeTerm(ctx: SqlContext, t: Term): string {
  const accents = () => ctx.lookup.ignoreAccents();
  switch (t.type) {
    case 'all': return 'true';
    case 'text': return notes.unqualified(ctx, ctx.noteText(t.text), accents(), false);
    case 'nocombining': return notes.unqualified(ctx, ctx.noteText(t.text), true, false);
    case 'stripclozes': return notes.unqualified(ctx, ctx.noteText(t.text), accents(), true);
    case 'regex': return notes.regex(ctx, ctx.noteText(t.text), false);
    case 'word': return notes.wordBoundary(ctx, ctx.noteText(t.text), accents());
    case 'field': return notes.field(ctx, nfc(t.field), ctx.noteText(t.text), t.mode);
    case 'tag': return notes.tag(ctx, nfc(t.tag), t.mode);
    case 'dupe': return notes.dupe(ctx, t.notetypeId, ctx.noteText(t.text));
    case 'notetype': return notes.notetype(ctx, nfc(t.name));
    case 'notetypeId': return `n.mid = ${t.id}`;
    case 'templateOrd': return `c.ord = ${t.ord}`;
    case 'templateName': return notes.templateName(ctx, nfc(t.name));
    case 'noteIds': return `${ctx.noteIdColumn} in (${t.ids})`;
    case 'cardIds': return `c.id in (${t.ids})`;
    case 'edited': return cards.edited(ctx, t.days);
    case 'deck': return cards.deck(ctx, nfc(t.name));
    case 'deckIds': return cards.inDecks(ctx, t.ids.split(','));
    case 'preset': return cards.preset(ctx, t.name);
    case 'state': return cards.state(ctx, t.state);
    case 'flag': return `(c.flags & 7) == ${t.flag}`;
    case 'added': return cards.added(ctx, t.days);
    case 'introduced': return cards.introduced(ctx, t.days);
    case 'rated': return cards.rated(ctx, '>', -t.days, t.rating);
    case 'prop': return cards.prop(ctx, t.op, t.property);
    case 'customData': return `extract_custom_data(c.data, ${ctx.arg(t.key)}) is not null`;
  }
}
