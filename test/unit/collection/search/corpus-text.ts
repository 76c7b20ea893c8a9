/**
 * Unqualified text, nc:, sc:, re:, w:, quoting and escapes.
 *
 * Rules used (anki-formats.md §4; sqlwriter.rs write_unqualified/write_regex):
 * - `x` = `n.sfld like '%x%' or n.flds like '%x%'` (escape '\'); flds is the
 *   RAW field HTML joined by \x1f, sfld the stripped sort field, so `*`
 *   can run across fields. LIKE folds ASCII case only.
 * - The Japanese Vocab type excludes its "Notes" field from search, so
 *   unqualified, nc:, re: and w: searches skip that field (field searches do not).
 * - nc: strips combining marks (NFKD) from both sides, ß → s.
 * - sc: strips cloze markup and only looks at cloze note types (Cloze, IO).
 * - re: / w: are case-insensitive Unicode regexes over the raw fields; Rust's
 *   `\b` is Unicode-aware.
 */
import type { Row } from './corpus-rows.ts';
import { notesExcept } from './corpus-rows.ts';

const DOG = [1001, 1017, 1018, 1019, 1040, 1046];

export const TEXT_ROWS: readonly Row[] = [
  ['dog', 'notes', DOG],
  ['DOG', 'notes', DOG],
  ['Dog', 'notes', DOG],
  ['dog', 'cards', [2010, 2170, 2180, 2190, 2191, 2400, 2460]],
  ['cat', 'notes', [1001, 1003]],
  ['sheep', 'notes', [1002, 1003]],
  // "hello<b>world</b>": only the stripped sort field of 1004 reads "helloworld"
  ['helloworld', 'notes', [1004]],
  ['hello<b>world</b>', 'notes', [1004, 1005]],
  ['hello', 'notes', [1004, 1005, 1035, 1036]],
  ['goats are', 'notes', [1002]],
  ['"goats are"', 'notes', [1002]],
  ['"are goats"', 'notes', []],
  ['are goats', 'notes', [1002]],
  // sfld is "Tom & Jerry" (entities decoded); flds keeps "&amp;"
  ['"tom & jerry"', 'notes', [1012]],
  ['&amp;', 'notes', [1012]],
  ['&nbsp;', 'notes', [1012]],
  ['<tag>', 'notes', []],
  ['&lt;tag&gt;', 'notes', [1012]],
  // LIKE is case-insensitive for ASCII only
  ['école', 'notes', [1013]],
  ['ÉCOLE', 'notes', [1014]],
  // É = É exactly, then ASCII "cole" folds to "COLE"
  ['École', 'notes', [1014]],
  ['ecole', 'notes', []],
  ['über', 'notes', [1015]],
  ['uber', 'notes', []],
  ['ばか', 'notes', [1016]],
  ['はか', 'notes', []],
  ['食べる', 'notes', [1029, 1031, 1032]],
  ['たべる', 'notes', [1029]],
  ['secretword', 'notes', []],
  ['to eat', 'notes', [1007, 1029, 1031]],
  ['"to eat"', 'notes', [1007, 1029, 1031]],
  ['42', 'notes', [1027]],
  ['nc:42', 'notes', [1027]],
  ['100', 'notes', [1028]],
  // the query text is NFC-normalised like note text
  ['e\u0301cole', 'notes', [1013]],
  // quoted operators are plain words
  ['"and"', 'notes', [1010]],
  ['"or"', 'notes', [1004, 1005, 1010, 1048]],
  ['dog "or" cat', 'notes', []],
  ['"dog cat"', 'notes', []],
  ['100%', 'notes', []],
  // wildcards
  ['d_g', 'notes', DOG],
  // `%d%g%` over the whole flds: 1011's "…width=…height…" matches too
  ['d*g', 'notes', [...DOG, 1011]],
  ['a_b', 'notes', [1022, 1023]],
  ['a\\_b', 'notes', [1022]],
  ['a\\*b', 'notes', [1022]],
  // escapes: \( \) \- \: \" are removed by the parser, \\ is a backslash
  ['\\(text\\)', 'notes', [1025]],
  ['"(text)"', 'notes', [1025]],
  ['"\\(text\\)"', 'notes', [1025]],
  ['\\-free', 'notes', [1024]],
  ['"-free"', 'notes', [1024]],
  ['-free', 'notes', notesExcept([1024])],
  ['-"-free"', 'notes', notesExcept([1024])],
  ['3\\:30', 'notes', [1020]],
  // an unescaped colon makes a field search on a field named "3": none
  ['3:30', 'notes', []],
  ['say \\"hi\\"', 'notes', [1021]],
  ['"say \\"hi\\""', 'notes', [1021]],
  ['C\\:\\\\temp', 'notes', [1047]],
  ['"C:\\\\temp"', 'notes', []],
  ['\\"\\:\\(\\)\\-', 'notes', []],
  // nc:
  ['nc:ecole', 'notes', [1013, 1014]],
  ['nc:ÉCOLE', 'notes', [1013, 1014]],
  ['nc:école', 'notes', [1013, 1014]],
  ['nc:uber', 'notes', [1015]],
  ['nc:heisen', 'notes', [1015]],
  ['nc:heißen', 'notes', [1015]],
  ['nc:はか', 'notes', [1016]],
  ['nc:secretword', 'notes', []],
  // sc:
  ['sc:mnemonic', 'notes', [1010]],
  ['mnemonic', 'notes', []],
  ['"sc:Tokyo is"', 'notes', [1009]],
  ['"Tokyo is"', 'notes', []],
  ['sc:"capital of Japan"', 'notes', [1009]],
  ['sc:tokyo', 'notes', [1009]],
  ['sc:dog', 'notes', []],
  // re:
  ['re:^dog', 'notes', [1001, 1017, 1019, 1046]],
  ['"re:(some|another).*thing"', 'notes', [1041]],
  ['re:\\d{3}', 'notes', [1028]],
  ['re:école', 'notes', [1013, 1014]],
  ['re:ÉCOLE', 'notes', [1013, 1014]],
  // (?-i) after Anki's (?i) prefix turns case sensitivity back on; quoted because of the parens
  ['"re:(?-i)ÉCOLE"', 'notes', [1014]],
  ['re:食べ', 'notes', [1029, 1031, 1032]],
  ['re:hello.*world', 'notes', [1004, 1005]],
  ['re:secretword', 'notes', []],
  ['"re:say \\"hi\\""', 'notes', [1021]],
  ['re:C:\\\\temp', 'notes', [1047]],
  // w:
  ['w:dog', 'notes', [1001, 1017, 1018, 1019]],
  ['w:dog*', 'notes', [1001, 1017, 1018, 1019, 1046]],
  ['w:*dog', 'notes', [1001, 1017, 1018, 1019, 1040]],
  ['w:d_g', 'notes', [1001, 1017, 1018, 1019]],
  ['w:école', 'notes', [1013, 1014]],
  ['w:3:30', 'notes', [1020]],
  // the hyphen is regex-escaped (`\-`) by Anki's to_re
  ['w:guilt-free', 'notes', [1024]],
  ['w:eat', 'notes', [1007, 1029, 1031]],
  ['w:hello', 'notes', [1004, 1005, 1035, 1036]],
  ['w:helloworld', 'notes', []],
  ['w:secretword', 'notes', []],
];
