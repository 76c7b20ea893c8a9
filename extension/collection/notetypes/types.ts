/** A note type as schema 11 keeps it in `col.models` (anki-formats.md §1.2). */
import type { Int64 } from '../json.ts';

export interface FieldJson {
  name: string;
  ord: number;
  sticky: boolean;
  rtl: boolean;
  font: string;
  size: number;
  description: string;
  plainText: boolean;
  collapsed: boolean;
  excludeFromSearch: boolean;
  id: Int64 | null;
  tag: number | null;
  preventDeletion: boolean;
  [other: string]: unknown;
}

export interface TemplateJson {
  name: string;
  ord: number;
  qfmt: string;
  afmt: string;
  bqfmt: string;
  bafmt: string;
  did: Int64 | null;
  bfont: string;
  bsize: number;
  id: Int64 | null;
  [other: string]: unknown;
}

export type RequirementJson = [number, 'any' | 'all' | 'none', number[]];

/** `type`: 0 standard, 1 cloze. */
export const enum NotetypeKind {
  Standard = 0,
  Cloze = 1,
}

export interface NotetypeJson {
  id: Int64;
  name: string;
  type: NotetypeKind;
  mod: number;
  usn: number;
  sortf: number;
  did: Int64 | null;
  tmpls: TemplateJson[];
  flds: FieldJson[];
  css: string;
  latexPre: string;
  latexPost: string;
  latexsvg: boolean;
  req: RequirementJson[];
  originalStockKind?: number;
  originalId?: Int64;
  [other: string]: unknown;
}
