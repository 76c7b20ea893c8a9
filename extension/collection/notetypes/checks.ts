/**
 * The checks Anki runs before saving a note type's templates
 * (notetype/mod.rs `check_templates`): no two fronts alike (unless they use
 * `{{Card}}`), every template parses, every front shows some field, every
 * name used is a field or a special field, and a cloze type's first
 * template has a cloze replacement on both sides.
 */
import { clozeFieldsReferenced, fieldsReferenced, type TemplateNode } from '../render/template-parse.ts';
import { cardTypeError, type CardTypeProblem } from './errors.ts';
import { NotetypeKind, type NotetypeJson } from './types.ts';

export type ParsedSides = readonly [readonly TemplateNode[] | null, readonly TemplateNode[] | null];

/** Names a template may use besides the fields (render.rs special fields). */
const SPECIAL_FIELDS = new Set(['FrontSide', 'Card', 'CardFlag', 'Deck', 'Subdeck', 'Tags', 'Type', 'CardID']);
const CARD_TAG = /\{\{\s*Card\s*\}\}/;

function duplicateFront(nt: NotetypeJson): [number, CardTypeProblem] | null {
  const seen = new Map<string, number>();
  for (const [index, t] of nt.tmpls.entries()) {
    const earlier = seen.get(t.qfmt);
    seen.set(t.qfmt, index);
    if (earlier !== undefined && !CARD_TAG.test(t.qfmt)) return [index, { kind: 'duplicate', index: earlier }];
  }
  return null;
}

function sidesProblem(nt: NotetypeJson, [q, a]: ParsedSides): CardTypeProblem | null {
  if (!q || !a) return { kind: 'parse' };
  const front = fieldsReferenced(q);
  if (!front.length) return { kind: 'noFrontField' };
  const fieldNames = new Set(nt.flds.map((f) => f.name));
  const unknown = [...front, ...fieldsReferenced(a)].find((n) => n !== '' && !SPECIAL_FIELDS.has(n) && !fieldNames.has(n));
  return unknown === undefined ? null : { kind: 'noSuchField', field: unknown };
}

function missingCloze(nt: NotetypeJson, parsed: readonly ParsedSides[]): boolean {
  if (nt.type !== NotetypeKind.Cloze) return false;
  const has = (side: readonly TemplateNode[] | null | undefined) => !!side && clozeFieldsReferenced(side).length > 0;
  return !parsed.length || !has(parsed[0]![0]) || !has(parsed[0]![1]);
}

/** Throws Anki's message for the first problem found; `parsed` holds each template's sides. */
export function checkTemplates(nt: NotetypeJson, parsed: readonly ParsedSides[]): void {
  const dup = duplicateFront(nt);
  if (dup) throw new Error(cardTypeError(nt.name, dup[0], dup[1]));
  for (const [ordinal, sides] of parsed.entries()) {
    const problem = sidesProblem(nt, sides);
    if (problem) throw new Error(cardTypeError(nt.name, ordinal, problem));
  }
  if (missingCloze(nt, parsed)) throw new Error(cardTypeError(nt.name, 0, { kind: 'missingCloze' }));
}
