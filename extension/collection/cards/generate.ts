/**
 * Which cards a note should have (Anki's notetype/cardgen.rs).
 * - Standard note types: template i gets a card when its question renders
 *   with the note's non-empty fields (render/template-nonempty.ts). Special
 *   fields count as non-empty, except FrontSide, and Tags only when the note
 *   has tags; a real field of the same name wins.
 * - Cloze note types: one card per cloze number N > 0 found in any field,
 *   ordinal min(N-1, 499).
 * Anki's "a new note gets card 0 anyway" rule is left to the caller.
 */
import { fieldIsEmpty } from '../render/field-empty.ts';
import { clozeNumbersInFields } from '../render/cloze-ords.ts';
import { parseTemplate, type TemplateNode } from '../render/template-parse.ts';
import { rendersWithFields } from '../render/template-nonempty.ts';
import { splitTags } from '../tags/split.ts';
import { NotetypeKind, type NotetypeJson } from '../notetypes/types.ts';

export interface CardGenOptions {
  /** The note's tags (stored or typed form); `{{Tags}}` counts only when there is one. */
  tags?: string;
  /** Accepted for callers' convenience; Deck and Subdeck count as non-empty whatever it is. */
  deckName?: string;
}

/** Names that templates may use without a field of that name (notetype/mod.rs). */
const SPECIAL_FIELDS = ['FrontSide', 'Card', 'CardFlag', 'Deck', 'Subdeck', 'Tags', 'Type', 'CardID'] as const;

/** The highest card ordinal a cloze number maps to. */
export const MAX_CLOZE_ORD = 499;

const PARSED_CACHE_LIMIT = 256;
const parsedQuestions = new Map<string, readonly TemplateNode[] | null>();

/** A question template's tree, or null when it does not parse (then it makes no card). */
function parsedQuestion(qfmt: string): readonly TemplateNode[] | null {
  let nodes = parsedQuestions.get(qfmt);
  if (nodes === undefined) {
    try {
      nodes = parseTemplate(qfmt);
    } catch {
      nodes = null;
    }
    if (parsedQuestions.size >= PARSED_CACHE_LIMIT) parsedQuestions.clear();
    parsedQuestions.set(qfmt, nodes);
  }
  return nodes;
}

/** The names card generation treats as non-empty for this note. */
export function nonEmptyNames(nt: NotetypeJson, fields: readonly string[], tags = ''): Set<string> {
  const names = new Set<string>();
  const fieldNames = new Set(nt.flds.map((f) => f.name));
  nt.flds.forEach((f, i) => {
    const value = fields[i];
    if (value !== undefined && !fieldIsEmpty(value)) names.add(f.name);
  });
  const hasTags = splitTags(tags).length > 0;
  for (const special of SPECIAL_FIELDS) {
    if (fieldNames.has(special) || special === 'FrontSide') continue;
    if (special === 'Tags' && !hasTags) continue;
    names.add(special);
  }
  return names;
}

/** Card ordinals of a cloze note: min(N-1, 499) for each cloze number N, ascending. */
export function clozeCardOrdinals(fields: readonly string[]): number[] {
  const ords = new Set<number>();
  for (const n of clozeNumbersInFields(fields)) ords.add(Math.min(n - 1, MAX_CLOZE_ORD));
  return [...ords].sort((a, b) => a - b);
}

/**
 * The ordinals that get a card for a note with these field values (in the
 * note type's field order), ascending; empty when none would.
 */
export function cardOrdinalsForNote(nt: NotetypeJson, fields: readonly string[], opts: CardGenOptions = {}): number[] {
  if (nt.type === NotetypeKind.Cloze) return clozeCardOrdinals(fields);
  const nonEmpty = nonEmptyNames(nt, fields, opts.tags);
  const ords: number[] = [];
  nt.tmpls.forEach((tmpl, ord) => {
    const nodes = parsedQuestion(tmpl.qfmt);
    if (nodes && rendersWithFields(nodes, nonEmpty)) ords.push(ord);
  });
  return ords;
}

/**
 * True when no template (or no cloze number) would give this note a card:
 * AnkiConnect's "would make an empty question on all cards" case.
 */
export function questionWouldBeEmpty(nt: NotetypeJson, fields: readonly string[], opts: CardGenOptions = {}): boolean {
  return cardOrdinalsForNote(nt, fields, opts).length === 0;
}
