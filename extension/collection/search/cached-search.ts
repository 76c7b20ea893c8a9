/**
 * A search whose note-text conjuncts run over the note cache. The query's
 * top-level conjuncts split in two: subtrees of note terms that read note
 * text (and have a JS test, note-cond.ts) are tested in JavaScript; the
 * rest goes to SQLite as its own search, which yields the candidates (all
 * notes when nothing is left). A note matches iff it is a candidate and
 * passes the test, exactly as when SQLite evaluates the whole conjunction:
 * the tested conjuncts depend on the note alone. Notes whose text SQLite
 * may read differently (KIND_ODD) are tested by SQLite instead.
 *
 * Not used when the cache is not built yet and the rest narrows the search
 * through an index (an id list, a first-field checksum): SQLite then reads
 * only a few notes anyway.
 */
import type { Collection } from '../collection.ts';
import type { SearchLookup } from './lookup.ts';
import { hasNoteCache, noteCache, type NoteCache } from './note-cache.ts';
import { allOf, KIND_ODD, type NoteTest } from './note-cond.ts';
import type { Node } from './nodes.ts';
import { isNarrowing, noteTest, readsNoteText, searchSql, type ItemType, type SearchSql } from './sql.ts';

/** Runs a search statement: the values of its rows, one after the other (ids, or card and note ids). */
export type RunSql = (s: SearchSql) => number[];

interface Split {
  tested: Node[];
  rest: Node[];
  test: NoteTest;
  /** A conjunct of the rest narrows the search through an index. */
  narrow: boolean;
}

const and = (nodes: Node[]): Node => (nodes.length === 1 ? nodes[0]! : { kind: 'and', children: nodes });

const conjuncts = (node: Node): Node[] => (node.kind === 'and' ? node.children.flatMap(conjuncts) : [node]);

function split(node: Node, lookup: SearchLookup): Split | null {
  const tested: Node[] = [];
  const tests: NoteTest[] = [];
  const rest: Node[] = [];
  let narrow = false;
  for (const c of conjuncts(node)) {
    const narrowing = isNarrowing(c, lookup);
    const test = !narrowing && readsNoteText(c) ? noteTest(c, lookup) : null;
    if (test) {
      tested.push(c);
      tests.push(test);
    } else {
      rest.push(c);
      narrow ||= narrowing;
    }
  }
  if (tests.length === 0) return null;
  return { tested, rest, test: allOf(tests)!, narrow };
}

/** The matching ids (unordered), or null when the search is better left to SQLite alone. */
export function cachedSearch(col: Collection, node: Node, item: ItemType, lookup: SearchLookup, run: RunSql): number[] | null {
  const s = split(node, lookup);
  if (!s) return null;
  if (s.narrow && !hasNoteCache(col.db)) return null;
  const cache = noteCache(col.db);
  if (!cache) return null;
  const found = new Found(cache, s.test);
  if (item === 'cards') {
    const rest = s.rest.length ? searchSql(and(s.rest), 'cards', lookup, { withNoteIds: true }) : { sql: 'select c.id, c.nid from cards c', args: [] };
    const rows = run(rest);
    for (let k = 0; k < rows.length; k += 2) found.take(rows[k]!, rows[k + 1]!, cache.slotOf(rows[k + 1]!));
  } else if (s.rest.length) {
    // Notes the rest finds (through their cards: once per card), each tested once.
    const seen = new Uint8Array(cache.ids.length);
    for (const nid of run(searchSql(and(s.rest), 'notes', lookup, { distinct: false }))) {
      const slot = cache.slotOf(nid);
      if (slot !== undefined && !seen[slot]) {
        seen[slot] = 1;
        found.take(nid, nid, slot);
      }
    }
  } else {
    for (let i = 0; i < cache.ids.length; i++) if (!Number.isNaN(cache.ids[i])) found.take(cache.ids[i]!, cache.ids[i]!, i);
  }
  return found.odd.length ? [...found.ids, ...oddMatches(found.odd, s.tested, lookup, run)] : found.ids;
}

/** The candidates that pass the test, and those whose note SQLite must test. */
class Found {
  readonly ids: number[] = [];
  /** [id, note id] of candidates whose note is KIND_ODD. */
  readonly odd: [number, number][] = [];

  constructor(
    private readonly cache: NoteCache,
    private readonly test: NoteTest,
  ) {}

  take(id: number, nid: number, slot: number | undefined): void {
    if (slot === undefined) return; // a card without its note: the join with notes drops it
    if (this.cache.kind[slot]! & KIND_ODD) this.odd.push([id, nid]);
    else if (this.test(this.cache, slot)) this.ids.push(id);
  }
}

/** The candidates whose note SQLite finds matching the tested conjuncts. */
function oddMatches(rows: [number, number][], tested: Node[], lookup: SearchLookup, run: RunSql): number[] {
  const ids = [...new Set(rows.map((r) => r[1]))].join(',');
  const found = new Set(run(searchSql(and([{ kind: 'term', term: { type: 'noteIds', ids } }, ...tested]), 'notes', lookup)));
  return rows.filter((r) => found.has(r[1])).map((r) => r[0]);
}
