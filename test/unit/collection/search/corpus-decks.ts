/**
 * deck:, did:, preset:, card: and cid: searches.
 *
 * Rules used (anki-formats.md §4; sqlwriter.rs write_deck, write_template,
 * write_deck_preset):
 * - deck:X = decks whose native name matches `(?i)^X($|\x1f)` (glob → regex,
 *   `::` → \x1f): the deck and its children, top level only; cards whose
 *   HOME deck (odid) matches count too. deck:* = all; deck:filtered =
 *   `odid != 0`; deck:current = conf.curDeck (French here).
 * - did:1,2 = `did in (…) or odid in (…)`, no children.
 * - preset:Name = decks using that preset (by did or odid); filtered decks use none.
 * - card:N = ord N−1 (0 counts as 1); card:Name = (note type, ord) of the
 *   templates of that name, so card:Cloze is only ord 0 of a cloze note type.
 */
import { CID_ADDED_DAY1, CID_ADDED_DAY6, CID_ADDED_TODAY } from '../../../helpers/search-seed.ts';
import { cardsExcept, type Row } from './corpus-rows.ts';

const JAPANESE = [2040, 2041, 2050, 2051, 2090, 2091, 2100, 2101, 2102, 2160, 2290, 2291, 2300, 2301, 2310];
export const JAPANESE_VOCAB = [2160, 2290, 2291, 2300, 2301];
const FRENCH = [2060, 2061, 2070, 2080, 2170, 2320, 2450];
const FILTERED = [2291, 2301, 2450];
const INTENSIVE = [2060, 2061, 2080, 2160, 2170, 2290, 2291, 2300, 2301, 2320];
export const DEFAULT_DECK_CARDS = [
  2010, 2020, 2030, 2110, 2111, 2150, 2190, 2191, 2200, 2210, 2220, 2230, 2240, 2250, 2260, 2270, 2280, 2400, 2410,
  CID_ADDED_TODAY, CID_ADDED_DAY1, CID_ADDED_DAY6, 2460, 2470,
];
const ORD_1_AND_2 = [2041, 2051, 2061, 2091, 2101, 2111, 2191, 2291, 2301, 2102];

export const DECK_ROWS: readonly Row[] = [
  ['deck:Japanese', 'cards', JAPANESE],
  ['deck:japanese', 'cards', JAPANESE],
  ['deck:Japanese*', 'cards', JAPANESE],
  ['deck:Japanese', 'notes', [1004, 1005, 1009, 1010, 1016, 1029, 1030, 1031]],
  ['deck:Japanese::Vocab', 'cards', JAPANESE_VOCAB],
  ['deck:JAPANESE::VOCAB', 'cards', JAPANESE_VOCAB],
  ['deck:"Japanese::Vocab"', 'cards', JAPANESE_VOCAB],
  ['deck:Japanese::Vocab', 'notes', [1016, 1029, 1030]],
  ['deck:Japanese::Vocab::N5', 'cards', [2300, 2301]],
  ['deck:Japanese::Vocab::*', 'cards', [2300, 2301]],
  ['deck:japanese::grammar', 'cards', [2050, 2051]],
  ['deck:japanese::*', 'cards', [2050, 2051, 2160, 2290, 2291, 2300, 2301]],
  ['deck:French', 'cards', FRENCH],
  ['deck:french -deck:french::*', 'cards', [2060, 2061, 2080, 2170, 2320]],
  ['deck:French::Verbs', 'cards', [2070, 2450]],
  ['deck:French*', 'cards', [...FRENCH, 2370]],
  ['deck:*French', 'cards', [...FRENCH, 2360]],
  ['deck:Languages', 'cards', [2360]],
  ['deck:Frenchy', 'cards', [2370]],
  ['deck:current', 'cards', FRENCH],
  ['deck:Default', 'cards', DEFAULT_DECK_CARDS],
  ['did:1', 'cards', DEFAULT_DECK_CARDS],
  ['deck:"My Deck"', 'cards', [2120, 2340]],
  ['"deck:My Deck"', 'cards', [2120, 2340]],
  ['deck:my*', 'cards', [2120, 2340]],
  ['"deck:My Deck"', 'notes', [1012, 1034]],
  ['deck:Español', 'cards', [2130, 2140, 2180, 2350]],
  ['deck:español', 'cards', [2130, 2140, 2180, 2350]],
  ['deck:ESPAÑOL', 'cards', [2130, 2140, 2180, 2350]],
  ['deck:Espa_ol', 'cards', [2130, 2140, 2180, 2350]],
  ['deck:Espan\u0303ol', 'cards', [2130, 2140, 2180, 2350]],
  ['deck:Default::*', 'cards', []],
  ['deck:x_y', 'cards', [2380, 2390]],
  ['deck:x\\_y', 'cards', [2380]],
  ['"deck:Kanji (JLPT)"', 'cards', [2330]],
  ['deck:"Kanji (JLPT)"', 'cards', [2330]],
  ['deck:Kanji*\\(JLPT\\)', 'cards', [2330]],
  ['deck:filtered', 'cards', FILTERED],
  ['deck:filtered', 'notes', [1029, 1030, 1045]],
  ['-deck:filtered', 'cards', cardsExcept(FILTERED)],
  ['"deck:Filtered Deck 1"', 'cards', FILTERED],
  ['deck:*', 'cards', cardsExcept([])],
  ['deck:nonexistent', 'cards', []],
  ['deck:', 'cards', []],
  ['did:11', 'cards', [2160, 2290, 2291]],
  ['did:20,21', 'cards', FRENCH],
  ['did:50', 'cards', FILTERED],
  ['did:999', 'cards', []],
  ['preset:Intensive', 'cards', INTENSIVE],
  ['preset:intensive', 'cards', INTENSIVE],
  ['preset:"Intensive"', 'cards', INTENSIVE],
  ['preset:Intensive', 'notes', [1006, 1008, 1016, 1017, 1029, 1030, 1032]],
  ['preset:Default', 'cards', cardsExcept(INTENSIVE)],
  ['preset:Nope', 'cards', []],
  ['card:1', 'cards', cardsExcept(ORD_1_AND_2)],
  ['card:0', 'cards', cardsExcept(ORD_1_AND_2)],
  ['card:2', 'cards', [2041, 2051, 2061, 2091, 2101, 2111, 2191, 2291, 2301]],
  ['card:2', 'notes', [1004, 1005, 1006, 1009, 1010, 1011, 1019, 1029, 1030]],
  ['card:3', 'cards', [2102]],
  ['card:4', 'cards', []],
  ['"card:card 2"', 'cards', [2041, 2051, 2061, 2191]],
  ['"card:card 1"', 'cards', cardsExcept([...ORD_1_AND_2, 2090, 2100, 2110, 2290, 2300])],
  ['card:cloze', 'cards', [2090, 2100]],
  ['card:recall', 'cards', [2291, 2301]],
  ['card:rec*', 'cards', [2290, 2291, 2300, 2301]],
  ['"card:image occlusion"', 'cards', [2110]],
  ['card:nope', 'cards', []],
  ['"note:Basic (and reversed card)" card:2', 'cards', [2041, 2051, 2191]],
  ['cid:2010,2091', 'cards', [2010, 2091]],
  ['cid:2010,2091', 'notes', [1001, 1009]],
  [`cid:${CID_ADDED_TODAY}`, 'cards', [CID_ADDED_TODAY]],
  ['cid:1', 'cards', []],
];
