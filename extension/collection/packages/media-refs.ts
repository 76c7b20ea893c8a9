/**
 * Media references in note fields, found as Anki finds them (text.rs
 * HTML_MEDIA_TAGS and AV_TAGS): the `src`/`data` of `<img>`, `<audio>`,
 * `<video>`, `<object>` and `<source>` tags, and `[sound:name]`. Names are
 * compared entity-decoded; a replaced name is entity-encoded again where the
 * original was.
 */
import { decodeEntities, matchMediaTagRest, MEDIA_START } from '../notes/text.ts';

const SOUND = /\[sound:(.+?)\]/gsu;

interface Ref {
  start: number;
  end: number;
  /** The name as written (possibly entity-encoded). */
  name: string;
}

function htmlRefs(html: string): Ref[] {
  if (!html.includes('<')) return [];
  const out: Ref[] = [];
  const start = new RegExp(MEDIA_START.source, MEDIA_START.flags);
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const rest = matchMediaTagRest(html, m.index + m[0].length);
    if (!rest) continue;
    out.push({ start: m.index, end: rest.end, name: rest.filename });
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
