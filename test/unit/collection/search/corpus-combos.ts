/**
 * Boolean structure (implicit AND, and/or in any case, AND binding tighter
 * than OR, negation, nested groups), whitespace, the empty query, and the
 * queries Yomitan sends for its duplicate check (`"deck:<d>" "<field>:<value>"`).
 */
import { cardsExcept, notesExcept, type Row } from './corpus-rows.ts';

const DOG = [1001, 1017, 1018, 1019, 1040, 1046];
const DOG_OR_CAT = [1001, 1003, 1017, 1018, 1019, 1040, 1046];
const DOG_CARDS = [2010, 2170, 2180, 2190, 2191, 2400, 2460];

export const COMBO_ROWS: readonly Row[] = [
  ['', 'cards', cardsExcept([])],
  ['', 'notes', notesExcept([])],
  ['   ', 'cards', cardsExcept([])],
  // note 1048 has no card: notes-only searches (text, tags, fields, nid:) read
  // the notes table alone and find it; any card term joins cards and drops it
  ['orphan', 'notes', [1048]],
  ['orphan', 'cards', []],
  ['tag:orphan', 'notes', [1048]],
  ['nid:1048', 'notes', [1048]],
  ['nid:1048', 'cards', []],
  ['orphan nid:1048', 'notes', [1048]],
  ['orphan or is:suspended', 'notes', [1005, 1014]],
  ['orphan or deck:*', 'notes', notesExcept([1048])],
  ['dog cat', 'notes', [1001]],
  ['  dog   cat  ', 'notes', [1001]],
  ['dog\u3000cat', 'notes', [1001]],
  ['dog\tcat', 'notes', [1001]],
  ['dog\u00a0cat', 'notes', [1001]],
  ['dog and cat', 'notes', [1001]],
  ['dog AND cat', 'notes', [1001]],
  ['dog or cat', 'notes', DOG_OR_CAT],
  ['dog OR cat', 'notes', DOG_OR_CAT],
  ['dog Or cat', 'notes', DOG_OR_CAT],
  ['dog -cat', 'notes', [1017, 1018, 1019, 1040, 1046]],
  ['-cat dog', 'notes', [1017, 1018, 1019, 1040, 1046]],
  ['dog (cat or chien)', 'notes', [1001, 1017]],
  // AND binds tighter than OR: (dog ∧ cat) ∨ sheep
  ['dog cat or sheep', 'notes', [1001, 1002, 1003]],
  ['sheep or dog cat', 'notes', [1001, 1002, 1003]],
  ['dog (cat or sheep)', 'notes', [1001]],
  ['dog or cat deck:French', 'cards', DOG_CARDS],
  ['(dog or cat) deck:French', 'cards', [2170]],
  ['-(dog or cat)', 'notes', notesExcept(DOG_OR_CAT)],
  ['-dog -cat', 'notes', notesExcept(DOG_OR_CAT)],
  ['-dog or cat', 'notes', notesExcept([1017, 1018, 1019, 1040, 1046])],
  ['-(-dog)', 'notes', DOG],
  ['(dog or cat) -tag:monkey', 'notes', [1003, 1017, 1018, 1019, 1040, 1046]],
  ['((dog or cat) (chien or sheep)) or hola', 'notes', [1003, 1017, 1035]],
  ['(((dog)))', 'notes', DOG],
  // spaces are optional where the node boundary is clear
  ['dog"cat"(dog)', 'notes', [1001]],
  ['-"goats are"', 'notes', notesExcept([1002])],
  ['tag:monkey or tag:sheep', 'notes', [1001, 1002]],
  ['(tag:monkey OR tag:sheep)', 'notes', [1001, 1002]],
  ['-(tag:monkey OR tag:sheep)', 'notes', notesExcept([1001, 1002])],
  ['tag:monkey or (tag:sheep sheep)', 'notes', [1001, 1002]],
  ['tag:monkey or (tag:sheep octopus)', 'notes', [1001]],
  ['deck:Japanese is:new', 'cards', [2040, 2041, 2101, 2102, 2160, 2300, 2301, 2310]],
  ['deck:Japanese is:due', 'cards', [2091, 2291]],
  ['deck:French (is:learn or is:due)', 'cards', [2060, 2061, 2070, 2080, 2170]],
  ['deck:Japanese -(is:new or is:learn)', 'cards', [2050, 2051, 2100, 2290, 2291]],
  [
    '(deck:Japanese (is:new or (is:review -is:suspended)))',
    'cards',
    [2040, 2041, 2050, 2091, 2100, 2101, 2102, 2160, 2290, 2291, 2300, 2301, 2310],
  ],
  ['is:due or is:suspended or is:buried', 'cards', [2010, 2020, 2051, 2060, 2061, 2070, 2080, 2091, 2100, 2101, 2140, 2170, 2291, 2400]],
  ['nid:1001 or nid:1003 cat', 'notes', [1001, 1003]],
  ['note:cloze card:2', 'cards', [2091, 2101]],
  ['deck:Japanese::Vocab -deck:Japanese::Vocab::*', 'cards', [2160, 2290, 2291]],
  ['tag:lang::ja deck:Japanese::Vocab', 'cards', [2160, 2290, 2291, 2300, 2301]],
  ['front:dog -deck:Default', 'notes', [1017]],
  ['"deck:My Deck" or deck:Español', 'notes', [1012, 1013, 1014, 1018, 1034, 1035]],
  // Yomitan's duplicate check (deck scope, then collection scope)
  ['"deck:Japanese" "front:食べる"', 'notes', [1031]],
  ['"deck:French" "front:食べる"', 'notes', [1032]],
  ['"front:食べる"', 'notes', [1031, 1032]],
  ['"deck:Japanese" "expression:食べる"', 'notes', [1029]],
  ['"deck:Japanese::Vocab" "expression:食べる"', 'notes', [1029]],
  ['"deck:Default" "front:dog"', 'notes', [1001, 1019]],
  ['"deck:My Deck" "front:spaced deck"', 'notes', [1034]],
  ['"deck:Default" "front:3:30"', 'notes', [1020]],
  ['"deck:Default" "front:say \\"hi\\""', 'notes', [1021]],
  ['"deck:Español" "front:hola"', 'notes', [1035]],
  ['"deck:Kanji (JLPT)" "front:kanji"', 'notes', [1033]],
  ['"deck:Japanese" "front:dog"', 'notes', []],
];
