/**
 * Field filters (template_filters.rs `apply_filters`): `{{f2:f1:Field}}`
 * applies f1 then f2. Built in: text, furigana, kanji, kana, type (and
 * type:cloze, type:nc), hint, cloze, cloze-only, `tts <options>`, and the
 * empty name (`{{::Field}}`), which does nothing. At the first other name
 * Anki hands the rest to add-on hooks; with none installed the text stays
 * as it is at that point, so later built-in filters do not run either.
 */
import { blake3 } from '@noble/hashes/blake3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stripHtml } from '../notes/text.ts';
import { clozeFilter, revealClozeTextOnly } from './cloze-render.ts';
import { furiganaFilter, kanaFilter, kanjiFilter } from './furigana.ts';

export interface FilterContext {
  /** The card's template ordinal (0-based); cloze filters use ord + 1. */
  readonly cardOrd: number;
  /** True while rendering the question. */
  readonly question: boolean;
}

/**
 * Anki rewrites the filter list when the outermost filter is `type`:
 * `type:cloze:F` and `type:nc:F` are special, any other `type:…:F` is `type:F`.
 */
function normalizeTypeFilters(filters: readonly string[]): readonly string[] {
  const n = filters.length;
  if (n === 0 || filters[n - 1] !== 'type') return filters;
  if (n === 2 && filters[0] === 'cloze') return ['type-cloze'];
  if (n === 2 && filters[0] === 'nc') return ['type-nc'];
  return ['type'];
}

/** Applies the filters in order (filters as parsed: innermost first). */
export function applyFilters(text: string, filters: readonly string[], fieldName: string, ctx: FilterContext): string {
  for (const name of normalizeTypeFilters(filters)) {
    const out = applyFilter(name, text, fieldName, ctx);
    if (out === null) return text;
    text = out;
  }
  return text;
}

/** One filter's output, or null for a name Anki does not know. */
function applyFilter(name: string, text: string, fieldName: string, ctx: FilterContext): string | null {
  switch (name) {
    case 'text':
      return stripHtml(text);
    case 'furigana':
      return furiganaFilter(text);
    case 'kanji':
      return kanjiFilter(text);
    case 'kana':
      return kanaFilter(text);
    case 'type':
      return `[[type:${fieldName}]]`;
    case 'type-cloze':
      return `[[type:cloze:${fieldName}]]`;
    case 'type-nc':
      return `[[type:nc:${fieldName}]]`;
    case 'hint':
      return hintFilter(text, fieldName);
    case 'cloze':
      return clozeFilter(text, ctx.cardOrd + 1, ctx.question);
    case 'cloze-only':
      return revealClozeTextOnly(text, ctx.cardOrd + 1, ctx.question);
    case '':
      return text;
    default:
      return name.startsWith('tts ') ? ttsFilter(name.slice(4), text) : null;
  }
}

const BLANK = /^\p{White_Space}*$/u;
const encoder = new TextEncoder();

/** The DOM id Anki gives a hint: the first 8 bytes of blake3(text + field name), in hex. */
export function hintId(text: string, fieldName: string): string {
  return bytesToHex(blake3(encoder.encode(text + fieldName)).subarray(0, 8));
}

/** A "show hint" link naming the field, and the text in a hidden `<div>`. */
export function hintFilter(text: string, fieldName: string): string {
  if (BLANK.test(text)) return text;
  const id = hintId(text, fieldName);
  return (
    `\n<a class=hint href="#"\nonclick="this.style.display='none';\n` +
    `document.getElementById('hint${id}').style.display='block';\nreturn false;" draggable=false>\n` +
    `${fieldName}</a>\n<div id="hint${id}" class=hint style="display: none">${text}</div>\n`
  );
}

/** `{{tts en_US voices=X:Field}}` → `[anki:tts lang=en_US voices=X]text[/anki:tts]`. */
export function ttsFilter(options: string, text: string): string {
  return `[anki:tts lang=${options}]${text}[/anki:tts]`;
}
