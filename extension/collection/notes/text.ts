/**
 * Field text as Anki reduces it for `sfld` and `csum` (anki-formats.md §3;
 * Anki's `text.rs`): media tags become their filenames, HTML is stripped,
 * entities are decoded.
 */
import { namedEntity } from './html-entities.ts';
import { sha1FirstWord } from './sha1.ts';

/** Comments, style and script blocks, then any tag; `.` spans lines, case-insensitive. */
const HTML = /<!--.*?-->|<style.*?>.*?<\/style>|<script.*?>.*?<\/script>|<.*?>/gisu;

/** A Unicode word character, as Rust's `\b` sees one. */
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;

/** Where a media tag can start: `<img`, `<audio`, `<video`, `<object` or `<source` as a whole word. */
export const MEDIA_START = new RegExp(String.raw`<(?:img|audio|video|object|source)(?!${WORD})`, 'giu');

/**
 * The `src`/`data` attribute that ends a media tag, tried at one position:
 * a double-quoted, single-quoted or unquoted filename, then the rest of the tag.
 */
const MEDIA_SRC = new RegExp(
  String.raw`(?<!${WORD})(?:src|data)=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`,
  'yiu',
);

/** HTML with tags, comments, `<style>` and `<script>` blocks removed; entities kept. */
export function stripHtmlPreservingEntities(html: string): string {
  return html.includes('<') ? html.replace(HTML, '') : html;
}

/** HTML with tags removed and entities decoded (Anki's `strip_html`). */
export function stripHtml(html: string): string {
  return decodeEntities(stripHtmlPreservingEntities(html));
}

/**
 * Anki's `strip_html_preserving_media_filenames`: each `<img|audio|video|
 * object|source … src|data=X …>` becomes ` X `, then the HTML is stripped and
 * entities decoded. `"<img src=foo.jpg>"` → `" foo.jpg "`.
 */
export function stripHtmlPreservingMediaFilenames(html: string): string {
  return stripHtml(replaceMediaTags(html));
}

/**
 * What goes in `sfld` for a field's HTML: the field stripped as above. The
 * string is bound as it is; the column's integer affinity makes SQLite store
 * numeric text as a number, exactly as Anki (which binds a string) gets.
 */
export function sortFieldValue(fieldHtml: string): string | number {
  return stripHtmlPreservingMediaFilenames(fieldHtml);
}

/**
 * `csum`: the first 4 bytes of sha1 of the text as a big-endian u32. As in
 * Anki, the caller passes text ALREADY stripped with
 * stripHtmlPreservingMediaFilenames (fields.ts derivedColumns does both).
 * `fieldChecksum("hello")` = 2868168221.
 */
export function fieldChecksum(strippedText: string): number {
  // Adding a note checks duplicates and then stores the same checksum: remember the last one.
  if (strippedText === lastChecksum.text) return lastChecksum.csum;
  const csum = sha1FirstWord(encoder.encode(strippedText));
  lastChecksum = { text: strippedText, csum };
  return csum;
}

const encoder = new TextEncoder();
let lastChecksum = { text: '', csum: 0xda39a3ee };

/**
 * Decodes `&name;`, `&#NN;` and `&#xHH;` as the `htmlescape` crate does, then
 * turns no-break spaces into spaces. Any malformed or unknown entity (`&foo;`,
 * a bare `&` with no `;` after it) makes the whole text stay as it was.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = decodeAll(text);
  return decoded === null ? text : decoded.replaceAll('\u00a0', ' ');
}

/** The decoded text, or null where htmlescape's decoder reports an error. */
function decodeAll(text: string): string | null {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) return out + text.slice(i);
    out += text.slice(i, amp);
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) return null;
    const ch = decodeEntity(text.slice(amp + 1, semi));
    if (ch === null) return null;
    out += ch;
    i = semi + 1;
  }
  return out;
}

/** One entity body (between `&` and the first `;`), or null if htmlescape rejects it. */
function decodeEntity(body: string): string | null {
  if (!body.startsWith('#')) return body === '' ? null : (namedEntity(body) ?? null);
  const numeric = body.slice(1);
  const digits = /^[0-9]+$/.test(numeric)
    ? { text: numeric, radix: 10 }
    : /^x[0-9a-fA-F]+$/.test(numeric)
      ? { text: numeric.slice(1), radix: 16 }
      : null;
  if (!digits) return null;
  const code = parseInt(digits.text, digits.radix);
  // u32 parse, then a valid Unicode scalar value.
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** Replaces every media tag by ` filename ` (Anki's HTML_MEDIA_TAGS, leftmost-first). */
function replaceMediaTags(html: string): string {
  if (!html.includes('<')) return html;
  const start = new RegExp(MEDIA_START.source, MEDIA_START.flags);
  let out = '';
  let last = 0;
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const found = matchMediaTagRest(html, m.index + m[0].length);
    if (!found) continue;
    out += html.slice(last, m.index) + ' ' + found.filename + ' ';
    last = found.end;
    start.lastIndex = found.end;
  }
  return last === 0 ? html : out + html.slice(last);
}

/**
 * The rest of a media tag after its name. Anki's pattern is
 * `(?:[^>]|"[^"]+?"|'[^']+?')+?` then the `src`/`data` attribute; a
 * backtracking regex would take exponential time on it, so this walks the
 * same choices depth-first in the same order, remembering positions already
 * tried (where the attribute starts is all that decides the result).
 */
export function matchMediaTagRest(html: string, from: number): { filename: string; end: number } | null {
  const tried = new Set<number>();
  const stack = [from];
  while (stack.length) {
    const pos = stack.pop()!;
    if (tried.has(pos)) continue;
    tried.add(pos);
    if (pos > from) {
      MEDIA_SRC.lastIndex = pos;
      const m = MEDIA_SRC.exec(html);
      if (m) return { filename: m[1] ?? m[2] ?? m[3] ?? '', end: MEDIA_SRC.lastIndex };
    }
    if (pos >= html.length) continue;
    const ch = html[pos]!;
    if ((ch === '"' || ch === "'") && pos + 1 < html.length && html[pos + 1] !== ch) {
      const close = html.indexOf(ch, pos + 2);
      if (close > 0) stack.push(close + 1);
    }
    if (ch !== '>') stack.push(pos + (html.codePointAt(pos)! > 0xffff ? 2 : 1));
  }
  return null;
}
