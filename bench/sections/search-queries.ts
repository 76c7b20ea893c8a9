/**
 * The search section's fixed list of typical queries. Values a query needs
 * (an existing Front, a deck holding it) come from the fixture's samples:
 * the first sample that fits, which is the same note in the 10,000- and the
 * 100,000-note fixture (one is a prefix of the other).
 */
import type { Fixture, FixtureSample } from '../lib/fixture.ts';

export interface BenchQuery {
  /** What the query stands for, e.g. "field exact". */
  kind: string;
  query: string;
  /** A note the answer must contain (the sample the query was built from). */
  mustFind?: number;
  /** The stricter target for Yomitan's duplicate check. */
  yomitan?: boolean;
}

function firstSample(f: Fixture, what: string, test: (s: FixtureSample) => boolean): FixtureSample {
  const s = f.samples.find(test);
  if (!s) throw new Error(`search: the fixture has no sample with ${what}`);
  return s;
}

/** A Front with nothing the search syntax treats specially (so it can stand unquoted). */
const plain = (s: FixtureSample) => /^[\p{L}\p{N}]+$/u.test(s.front);
const inTree = (root: string) => (s: FixtureSample) => s.deck === root || s.deck.startsWith(`${root}::`);

/**
 * Yomitan's duplicate query for a first field (display-anki.js): the deck
 * part for deck scope, the field name lower-cased, `"` dropped from values.
 */
export function yomitanQuery(deck: string, field: string, value: string): string {
  return `"deck:${deck.replace(/"/g, '')}" "${field.toLowerCase()}:${value.replace(/"/g, '')}"`;
}

export function benchQueries(f: Fixture): BenchQuery[] {
  const exact = firstSample(f, 'a plain Front', plain);
  const rooted = firstSample(f, 'a plain Front in Deck05', (s) => plain(s) && inTree('Deck05')(s) && s !== exact);
  const colon = firstSample(f, 'a Front with a colon in a child deck', (s) => s.front.includes(':') && s.deck.includes('::'));
  return [
    { kind: 'deck with children', query: 'deck:Deck05' },
    { kind: 'tag (with child tags)', query: 'tag:tag017' },
    { kind: 'field exact', query: `front:${exact.front}`, mustFind: exact.nid },
    { kind: 'field glob', query: 'front:ab*' },
    { kind: 'unqualified word', query: 'teacher' },
    { kind: 'due cards', query: 'is:due' },
    { kind: 'card property', query: 'prop:ivl>10' },
    { kind: 'regex', query: 're:\\d{3}' },
    { kind: 'combined', query: 'deck:Deck03 tag:tag0* -is:suspended' },
    { kind: 'Yomitan duplicate (deck root)', query: yomitanQuery('Deck05', 'Front', rooted.front), mustFind: rooted.nid, yomitan: true },
    { kind: 'Yomitan duplicate (child deck, colon in value)', query: yomitanQuery(colon.deck, 'Front', colon.front), mustFind: colon.nid, yomitan: true },
  ];
}
