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
 *
 * A note term's writer also gives, where it can, the same condition as a
 * test over a cached note (note-cond.ts); `noteTest` combines those for
 * the searches that run over the note cache (cached-search.ts).
 */
import type { SearchLookup } from './lookup.ts';
import { allOf, anyOf, midIn, sqlOnly, TRUE, type Cond, type NoteTest } from './note-cond.ts';
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

/** What a search statement returns besides the ids. */
export interface SqlShape {
  /** Cards: their note's id as a second column. */
  withNoteIds?: boolean;
  /**
   * Notes found through their cards: false leaves out `distinct` (a note
   * then comes once per matching card; SQLite reads the cards in the
   * order the terms suit best instead of through ix_cards_nid).
   */
  distinct?: boolean;
}

/** The statement's head for what is returned and which tables the terms read. */
function selectFor(item: ItemType, terms: Table, shape: SqlShape): { head: string; noteId: string } {
  const join = 'from cards c, notes n where c.nid=n.id and ';
  if (item === 'cards') {
    return terms === 'cards' || terms === 'either'
      ? { head: `select c.id${shape.withNoteIds ? ', c.nid' : ''} from cards c where `, noteId: 'c.nid' }
      : { head: `select c.id${shape.withNoteIds ? ', n.id' : ''} ${join}`, noteId: 'n.id' };
  }
  if (terms === 'notes' || terms === 'either') return { head: 'select n.id from notes n where ', noteId: 'n.id' };
  const distinct = shape.distinct === false ? '' : 'distinct ';
  // Only card terms: the notes table adds nothing (every card has its note; Check Database removes orphans).
  if (terms === 'cards') return { head: `select ${distinct}c.nid from cards c where `, noteId: 'c.nid' };
  return { head: `select ${distinct}n.id ${join}`, noteId: 'n.id' };
}

/** The SQL selecting the ids of the cards or notes that match. */
export function searchSql(node: Node, item: ItemType, lookup: SearchLookup, shape: SqlShape = {}): SearchSql {
  const { head, noteId } = selectFor(item, requiredTable(node), shape);
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
  return conjuncts.some((c) => c.kind === 'term' && narrowField(ctx, c.term));
}

function narrowField(ctx: SqlContext, t: Term): boolean {
  return t.type === 'field' && (notes.narrowsByChecksum(ctx, nfc(t.field), ctx.noteText(t.text), t.mode) ||
    notes.narrowsBySortField(ctx, nfc(t.field), ctx.noteText(t.text), t.mode) !== null);
}

/** A context whose arguments go nowhere: for the note tests alone. */
function testContext(lookup: SearchLookup): SqlContext {
  return {
    lookup,
    arg: () => '?',
    noteIdColumn: 'n.id',
    deckIndex: true,
    noteText: (text: string) => (lookup.normalizeText() ? nfc(text) : text),
  };
}

/**
 * The test over a cached note equivalent to the SQL of `node`, a tree of
 * note terms; null if some term can only be evaluated by SQLite.
 */
export function noteTest(node: Node, lookup: SearchLookup): NoteTest | null {
  return nodeTest(testContext(lookup), node);
}

function nodeTest(ctx: SqlContext, node: Node): NoteTest | null {
  switch (node.kind) {
    case 'term': return termTable(node.term) === 'notes' || node.term.type === 'all' ? termCond(ctx, node.term).test : null;
    case 'not': {
      const child = nodeTest(ctx, node.child);
      return child && ((r, i) => !child(r, i));
    }
    case 'and': return allOf(node.children.map((c) => nodeTest(ctx, c)));
    case 'or': return anyOf(node.children.map((c) => nodeTest(ctx, c)));
  }
}

/** Terms that narrow a search to a few notes or cards through an index. */
export function isNarrowing(node: Node, lookup: SearchLookup): boolean {
  if (node.kind !== 'term') return false;
  const t = node.term;
  return t.type === 'noteIds' || t.type === 'cardIds' || t.type === 'dupe' || narrowField(testContext(lookup), t);
}

/** True if the search reads the cards table. */
export function readsCards(node: Node): boolean {
  const t = requiredTable(node);
  return t === 'cards' || t === 'both';
}

/** Terms that read note text (fields, tags): worth the cache. */
export function readsNoteText(node: Node): boolean {
  switch (node.kind) {
    case 'term': return ['text', 'nocombining', 'stripclozes', 'regex', 'word', 'field', 'tag'].includes(node.term.type);
    case 'not': return readsNoteText(node.child);
    default: return node.children.some(readsNoteText);
  }
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
  return termCond(ctx, t).sql;
}

/** One term's SQL and, for a note term where one exists, its test over a cached note. */
function termCond(ctx: SqlContext, t: Term): Cond {
  const accents = () => ctx.lookup.ignoreAccents();
  switch (t.type) {
    case 'all': return TRUE;
    case 'text': return notes.unqualified(ctx, ctx.noteText(t.text), accents(), false);
    case 'nocombining': return notes.unqualified(ctx, ctx.noteText(t.text), true, false);
    case 'stripclozes': return notes.unqualified(ctx, ctx.noteText(t.text), accents(), true);
    case 'regex': return notes.regex(ctx, ctx.noteText(t.text), false);
    case 'word': return notes.wordBoundary(ctx, ctx.noteText(t.text), accents());
    case 'field': return notes.field(ctx, nfc(t.field), ctx.noteText(t.text), t.mode);
    case 'tag': return notes.tag(ctx, nfc(t.tag), t.mode);
    case 'dupe': return notes.dupe(ctx, t.notetypeId, ctx.noteText(t.text));
    case 'notetype': return notes.notetype(ctx, nfc(t.name));
    case 'notetypeId': return midIn(`n.mid = ${t.id}`, [t.id]);
    case 'templateOrd': return sqlOnly(`c.ord = ${t.ord}`);
    case 'templateName': return notes.templateName(ctx, nfc(t.name));
    case 'noteIds': return sqlOnly(`${ctx.noteIdColumn} in (${t.ids})`);
    case 'cardIds': return sqlOnly(`c.id in (${t.ids})`);
    case 'edited': return sqlOnly(cards.edited(ctx, t.days));
    default: return sqlOnly(cardTerm(ctx, t));
  }
}

function cardTerm(ctx: SqlContext, t: Term): string {
  switch (t.type) {
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
    default: throw new Error(`not a card term: ${t.type}`);
  }
}
