/**
 * The shape of the fixture collections: 20 decks (some with children, one
 * grandchild) and 200 tags (some hierarchical), and how notes are spread
 * over them. Names are fixed so the search section's queries
 * (`deck:Deck05`, `tag:tag017`, `tag:tag0*`) mean the same in every run.
 */

/** The 20 fixture decks; parents come before their children. */
export const FIXTURE_DECKS: readonly string[] = [
  'Deck01', 'Deck02', 'Deck03', 'Deck03::Grammar', 'Deck03::Vocabulary', 'Deck04',
  'Deck05', 'Deck05::Listening', 'Deck05::Reading', 'Deck05::Reading::Drills',
  'Deck06', 'Deck07', 'Deck08', 'Deck09', 'Deck10', 'Deck11', 'Deck12', 'Deck12::Kanji', 'Deck13', 'Deck14',
];

const TOP_TAGS = 180;
/** Top-level tags whose notes may carry a child tag instead (`tag017::a`). */
const PARENT_TAGS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

function tagName(n: number): string {
  return `tag${String(n).padStart(3, '0')}`;
}

/** The 200 fixture tags: tag000–tag179 and two children each of tag010–tag019. */
export const FIXTURE_TAGS: readonly string[] = [
  ...Array.from({ length: TOP_TAGS }, (_, i) => tagName(i)),
  ...PARENT_TAGS.flatMap((n) => [`${tagName(n)}::a`, `${tagName(n)}::b`]),
];

/**
 * One tag, skewed towards the low numbers (a few tags on many notes, most on
 * few, as in real collections).
 */
export function pickTag(rand: () => number): string {
  return FIXTURE_TAGS[Math.floor(FIXTURE_TAGS.length * rand() ** 1.6)]!;
}

/** 1–2 distinct tags, sorted as Anki stores them. */
export function pickTags(rand: () => number): string[] {
  const first = pickTag(rand);
  const tags = rand() < 0.5 ? [first] : [first, pickTag(rand)];
  return [...new Set(tags)].sort();
}

/** Index into FIXTURE_DECKS for one note (all its cards go there). */
export function pickDeck(rand: () => number): number {
  return Math.floor(rand() * FIXTURE_DECKS.length);
}
