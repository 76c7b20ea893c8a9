/**
 * Names in a note type as Anki cleans them before saving (notetype/mod.rs
 * `prepare_for_update`, fields.rs and templates.rs `fix_name`): NFC, no
 * quotes (and for fields no `:{}`), no blank or `#/^` start, and unique
 * case-insensitively by appending `+`.
 */
import { emptyFieldName, emptyNotetypeName, emptyTemplateName, invalidFieldName, templateNameOnlyQuotes } from './errors.ts';
import type { NotetypeDraft } from './draft.ts';

/** Case folding close to Anki's UniCase comparison. */
export function foldName(name: string): string {
  return name.toUpperCase().toLowerCase();
}

const LEADING_BLANKS = /^\p{White_Space}+/u;
const TRAILING_BLANKS = /\p{White_Space}+$/u;
const BAD_FIELD_START = /^[#/^\p{White_Space}]+/u;

export function fixFieldName(name: string): string {
  if (!name) throw new Error(emptyFieldName);
  const cleaned = name.replace(/[:{}"]/g, '');
  const trimmed = cleaned.replace(LEADING_BLANKS, '').replace(TRAILING_BLANKS, '').replace(BAD_FIELD_START, '');
  if (!trimmed) throw new Error(invalidFieldName(cleaned));
  return trimmed;
}

export function fixTemplateName(name: string): string {
  if (!name) throw new Error(emptyTemplateName);
  const trimmed = name.replaceAll('"', '');
  if (!trimmed) throw new Error(templateNameOnlyQuotes);
  return trimmed;
}

function makeUnique(items: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    while (seen.has(foldName(item.name))) item.name += '+';
    seen.add(foldName(item.name));
  }
}

/** Cleans the note type's, fields' and templates' names in place, or throws Anki's message. */
export function fixNames(d: NotetypeDraft): void {
  d.nt.name = d.nt.name.replaceAll('"', '');
  if (!d.nt.name) throw new Error(emptyNotetypeName);
  d.nt.name = d.nt.name.normalize('NFC');
  const fields = d.fields.map((s) => s.value);
  const templates = d.templates.map((s) => s.value);
  for (const f of fields) f.name = fixFieldName(f.name.normalize('NFC'));
  for (const t of templates) t.name = fixTemplateName(t.name.normalize('NFC'));
  makeUnique(templates);
  makeUnique(fields);
}
