/**
 * A note type made from names and templates, as AnkiConnect's createModel
 * builds one: Anki's `models.new(name)` (the stock Basic type, emptied of
 * fields and templates, so `originalStockKind` stays Basic), its fields and
 * templates appended, then `models.add`.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Collection } from '../collection.ts';
import { newDraft } from './draft.ts';
import { notetypeByName } from './lookup.ts';
import { addNotetype } from './save.ts';
import { DEFAULT_CSS, StockKind, newField, newNotetype, newTemplate } from './stock.ts';
import { NotetypeKind, type NotetypeJson } from './types.ts';

export interface TemplateSpec {
  name: string;
  qfmt: string;
  afmt: string;
}

export interface NotetypeSpec {
  name: string;
  fields: readonly string[];
  templates: readonly TemplateSpec[];
  /** null keeps Anki's default CSS (the Basic type's, also for cloze). */
  css: string | null;
  cloze: boolean;
}

/** Python's `str(time.time())`. */
function pyTimeString(nowMs: number): string {
  const secs = nowMs / 1000;
  return Number.isInteger(secs) ? `${secs}.0` : String(secs);
}

/**
 * pylib's `ensure_name_unique` on add: a name already used (compared
 * case-insensitively) gets `-` and 5 hex digits of sha1(time) appended.
 */
function uniqueName(col: Collection, name: string): string {
  if (!notetypeByName(col, name)) return name;
  const digest = bytesToHex(sha1(new TextEncoder().encode(pyTimeString(col.nowMs()))));
  return `${name}-${digest.slice(0, 5)}`;
}

export function createNotetype(col: Collection, spec: NotetypeSpec): NotetypeJson {
  const nt: NotetypeJson = {
    ...newNotetype(0, spec.name, spec.cloze ? NotetypeKind.Cloze : NotetypeKind.Standard, [], [], DEFAULT_CSS, []),
    originalStockKind: StockKind.Basic,
  };
  nt.flds = spec.fields.map((name, i) => newField(name, i));
  if (spec.css !== null) nt.css = spec.css;
  nt.tmpls = spec.templates.map((t, i) => newTemplate(t.name, i, t.qfmt, t.afmt));
  nt.name = uniqueName(col, nt.name);
  return addNotetype(col, newDraft(nt));
}
