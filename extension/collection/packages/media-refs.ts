/**
 * Media references in note fields, found as Anki finds them (text.rs
 * HTML_MEDIA_TAGS and AV_TAGS): the `src`/`data` of `<img>`, `<audio>`,
 * `<video>`, `<object>` and `<source>` tags, and `[sound:name]`. Names are
 * compared entity-decoded; a replaced name is entity-encoded again where the
 * original was.
 */
import { decodeEntities } from '../notes/text.ts';

/** A Unicode word character, as Rust's `\b` sees one. */
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;

const TAG_START = new RegExp(String.raw`<(?:img|audio|video|object|source)(?!${WORD})`, 'giu');

/** The `src`/`data` attribute ending a tag: double-quoted, single-quoted or bare name, then the tag's end. */
const SRC = new RegExp(
  String.raw`(?<!${WORD})(?:src|data)=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))`,
  'yiu',
);

const SOUND = /\[sound:(.+?)\]/gsu;

interface Ref {
  start: number;
  end: number;
  /** The name as written (possibly entity-encoded). */
  name: string;
}

/**
 * Where the tag that starts before `from` ends, trying the positions Anki's
 * lazy pattern tries in its order (each position once: only where the
 * attribute starts decides the result).
 */
function tagRest(html: string, from: number): { end: number; name: string } | null {
  const tried = new Set<number>();
  const stack = [from];
  while (stack.length) {
    const pos = stack.pop()!;
    if (tried.has(pos)) continue;
    tried.add(pos);
    if (pos > from) {
      SRC.lastIndex = pos;
      const m = SRC.exec(html);
      if (m) return { end: SRC.lastIndex, name: m[1] ?? m[2] ?? m[3] ?? '' };
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

function htmlRefs(html: string): Ref[] {
  if (!html.includes('<')) return [];
  const out: Ref[] = [];
  const start = new RegExp(TAG_START.source, TAG_START.flags);
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const rest = tagRest(html, m.index + m[0].length);
    if (!rest) continue;
    out.push({ start: m.index, end: rest.end, name: rest.name });
    start.lastIndex = rest.end;
  }
  return out;
}

function soundRefs(text: string): Ref[] {
  if (!text.includes('[sound:')) return [];
  return [...text.matchAll(SOUND)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1]! }));
}

/** Every referenced name, entity-decoded: tags first, then `[sound:]` (Anki's `extract_media_refs`). */
export function extractMediaRefs(text: string): string[] {
  return [...htmlRefs(text), ...soundRefs(text)].map((r) => decodeEntities(r.name));
}

function encodeMinimal(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
}

function replaceRefs(text: string, refs: readonly Ref[], replacer: (name: string) => string | null): string {
  let out = '';
  let last = 0;
  for (const ref of refs) {
    const whole = text.slice(ref.start, ref.end);
    const decoded = decodeEntities(ref.name);
    let replacement = replacer(decoded);
    if (replacement !== null && decoded !== ref.name) replacement = encodeMinimal(replacement);
    out += text.slice(last, ref.start) + (replacement === null ? whole : whole.replaceAll(ref.name, replacement));
    last = ref.end;
  }
  return out + text.slice(last);
}

/**
 * The text with each reference's name replaced by `replacer(decodedName)`
 * where that gives a name (Anki's `replace_media_refs`: tags, then sounds).
 */
export function replaceMediaRefs(text: string, replacer: (name: string) => string | null): string {
  const afterTags = replaceRefs(text, htmlRefs(text), replacer);
  return replaceRefs(afterTags, soundRefs(afterTags), replacer);
}
