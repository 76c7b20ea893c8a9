/**
 * A note's fields as stored (`flds`, joined with \x1f) and the columns
 * derived from them (`sfld`, `csum`), as Anki prepares a note for saving
 * (anki-formats.md §3).
 */
import type { NotetypeJson } from '../notetypes/types.ts';
import { fieldChecksum, sortFieldValue, stripHtmlPreservingMediaFilenames } from './text.ts';

export const FIELD_SEPARATOR = '\x1f';

export function joinFields(fields: readonly string[]): string {
  return fields.join(FIELD_SEPARATOR);
}

export function splitFields(flds: string): string[] {
  return flds.split(FIELD_SEPARATOR);
}

/**
 * Fields fitted to a note type's field count as Anki's `fix_field_count`
 * does: missing ones are empty; extra ones are appended to the last kept
 * field, each after "; ".
 */
export function fixFieldCount(fields: readonly string[], count: number): string[] {
  const out = fields.slice(0, Math.max(count, 1));
  while (out.length < count) out.push('');
  for (let i = out.length; i < fields.length; i++) out[out.length - 1] += `; ${fields[i]}`;
  return out;
}

/** ASCII control characters other than \n and \t: Anki removes them on save (\r too). */
const INVALID_FIELD_CHARS = /[\x00-\x08\x0b-\x1f\x7f]/g;

/**
 * A field's text as Anki saves it: invalid control characters removed, then
 * NFC-normalised unless the collection's `normalize_note_text` is false.
 */
export function normalizeFieldText(text: string, nfc = true): string {
  const cleaned = text.replace(INVALID_FIELD_CHARS, '');
  return nfc ? cleaned.normalize('NFC') : cleaned;
}

/** Whether the collection NFC-normalises note text (`conf.normalize_note_text`, default true). */
export function normalizesNoteText(conf: Record<string, unknown>): boolean {
  return conf['normalize_note_text'] !== false;
}

export interface DerivedColumns {
  /** Bind as is; SQLite's integer affinity stores numeric text as a number. */
  sfld: string | number;
  csum: number;
}

/**
 * `sfld` and `csum` for a note of type `nt` with these (already normalised)
 * fields: csum always from the first field, sfld from the type's sort field
 * (`sortf`; empty when out of range).
 */
export function derivedColumns(nt: Pick<NotetypeJson, 'sortf'>, fields: readonly string[]): DerivedColumns {
  const first = stripHtmlPreservingMediaFilenames(fields[0] ?? '');
  const sortIdx = typeof nt.sortf === 'number' ? nt.sortf : 0;
  const sfld = sortIdx === 0 ? first : sortFieldValue(fields[sortIdx] ?? '');
  return { sfld, csum: fieldChecksum(first) };
}
