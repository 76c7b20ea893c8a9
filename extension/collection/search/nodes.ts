/**
 * The typed tree of a parsed search (anki-formats.md §4; Anki's
 * `search/parser.rs` Node/SearchNode). `parse` builds it, `sql.ts` turns it
 * into SQL. Texts are kept as the parser leaves them: parser escapes
 * (`\" \: \( \) \-`) removed, `\\ \* \_` and wildcards still in place.
 */

/** `and` binds tighter than `or`; a one-child and/or never occurs. */
export type Node =
  | { kind: 'and'; children: Node[] }
  | { kind: 'or'; children: Node[] }
  | { kind: 'not'; child: Node }
  | { kind: 'term'; term: Term };

/** How a field or tag text is compared. */
export type TextMode = 'normal' | 'regex' | 'nocombining';

export type StateKind =
  | 'new'
  | 'learn'
  | 'review'
  | 'due'
  | 'buried'
  | 'buried-manually'
  | 'buried-sibling'
  | 'suspended';

/** `rated:N:B` / `prop:rated=-N:B`: one button (1-4), any button, or a manual reschedule (ease 0). */
export type Rating = { kind: 'button'; button: number } | { kind: 'any' } | { kind: 'manual' };

export type PropOperator = '<' | '>' | '<=' | '>=' | '=' | '!=';

export type Property =
  | { prop: 'due'; days: number }
  | { prop: 'ivl' | 'reps' | 'lapses' | 'pos'; value: number }
  | { prop: 'ease'; value: number }
  | { prop: 'rated'; days: number; rating: Rating }
  | { prop: 's' | 'd' | 'r'; value: number }
  | { prop: 'cdn'; key: string; value: number }
  | { prop: 'cds'; key: string; value: string };

export type Term =
  /** Whole collection (the empty search). */
  | { type: 'all' }
  /** Text without a key: sort field or any field contains it. */
  | { type: 'text'; text: string }
  /** `nc:` text ignoring combining marks. */
  | { type: 'nocombining'; text: string }
  /** `sc:` text with cloze markup stripped (cloze note types only). */
  | { type: 'stripclozes'; text: string }
  /** `re:` a regex over all fields. */
  | { type: 'regex'; text: string }
  /** `w:` a whole word. */
  | { type: 'word'; text: string }
  /** `field:value`, `field:re:x`, `field:nc:x`; `field` may be a glob. */
  | { type: 'field'; field: string; text: string; mode: TextMode }
  | { type: 'deck'; name: string }
  /** `did:1,2`: digits and commas. */
  | { type: 'deckIds'; ids: string }
  | { type: 'preset'; name: string }
  | { type: 'notetype'; name: string }
  /** `mid:N` (decimal text of an i64). */
  | { type: 'notetypeId'; id: string }
  /** `card:N` as a 0-based ordinal. */
  | { type: 'templateOrd'; ord: number }
  | { type: 'templateName'; name: string }
  | { type: 'tag'; tag: string; mode: TextMode }
  | { type: 'state'; state: StateKind }
  | { type: 'flag'; flag: number }
  | { type: 'noteIds'; ids: string }
  | { type: 'cardIds'; ids: string }
  /** `dupe:ntid,text`. */
  | { type: 'dupe'; notetypeId: string; text: string }
  | { type: 'added'; days: number }
  | { type: 'edited'; days: number }
  | { type: 'introduced'; days: number }
  /** `rated:N[:B]` and `resched:N`. */
  | { type: 'rated'; days: number; rating: Rating }
  | { type: 'prop'; op: PropOperator; property: Property }
  /** `has-cd:key`. */
  | { type: 'customData'; key: string };

export const term = (t: Term): Node => ({ kind: 'term', term: t });
