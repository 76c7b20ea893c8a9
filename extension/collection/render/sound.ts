/**
 * Replacing audio/video and TTS tags by play markers, as Anki's
 * `extract_av_tags` does for `card.question()` / `card.answer()`
 * (card_rendering/parser.rs, writer.rs): `[sound:x.mp3]` and each valid
 * `[anki:tts lang=…]…[/anki:tts]` become `[anki:play:q:N]` on the question
 * and `[anki:play:a:N]` on the answer, N counting from 0 per side. A TTS tag
 * without `lang` becomes `[Error in directive 'anki:tts': 'lang' not set]`.
 * Other `[anki:name …]…[/anki:name]` directives are written back with their
 * options normalised. Text with none of these is returned unchanged.
 */

type AvNode =
  | { kind: 'text'; text: string }
  | { kind: 'sound'; resource: string }
  | { kind: 'directive'; name: string; options: Map<string, string>; content: string };

const SPACE = /[ \t\r\n]/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);

/** `[sound:x]` at `pos` (x non-empty, no `]`). */
function soundAt(s: string, pos: number): { node: AvNode; end: number } | null {
  if (!s.startsWith('[sound:', pos)) return null;
  const close = s.indexOf(']', pos + 7);
  if (close <= pos + 7) return null;
  return { node: { kind: 'sound', resource: s.slice(pos + 7, close) }, end: close + 1 };
}

/** Reads a run of characters not in `stop` from `pos` (possibly empty). */
function runUntil(s: string, pos: number, stop: string): number {
  while (pos < s.length && !stop.includes(s[pos]!)) pos++;
  return pos;
}

function skipSpace(s: string, pos: number): number {
  while (isSpace(s[pos])) pos++;
  return pos;
}

/** `key=val` options up to the `]` closing an opening tag, or null if it does not close there. */
function optionsAt(s: string, pos: number): { options: Map<string, string>; end: number } | null {
  const options = new Map<string, string>();
  for (;;) {
    const keyEnd = runUntil(s, pos, '] \t\r\n=');
    if (keyEnd === pos || s[keyEnd] !== '=') break;
    let valStart = keyEnd + 1;
    let valEnd: number;
    let next: number;
    const quoted = s[valStart] === '"' ? s.indexOf('"', valStart + 1) : -1;
    if (quoted >= 0) {
      valStart++;
      valEnd = quoted;
      next = quoted + 1;
    } else {
      valEnd = runUntil(s, valStart, '] \t\r\n"');
      next = valEnd;
    }
    options.set(s.slice(pos, keyEnd), s.slice(valStart, valEnd));
    pos = skipSpace(s, next);
  }
  return s[pos] === ']' ? { options, end: pos + 1 } : null;
}

/** `[anki:name opts]content[/anki:name]` at `pos`. */
function directiveAt(s: string, pos: number): { node: AvNode; end: number } | null {
  if (!s.startsWith('[anki:', pos)) return null;
  const nameEnd = runUntil(s, pos + 6, '] \t\r\n');
  if (nameEnd === pos + 6) return null;
  const name = s.slice(pos + 6, nameEnd);
  const opening = optionsAt(s, skipSpace(s, nameEnd));
  if (!opening) return null;
  const closing = `[/anki:${name}]`;
  const close = s.indexOf(closing, opening.end);
  if (close < 0) return null;
  const node: AvNode = { kind: 'directive', name, options: opening.options, content: s.slice(opening.end, close) };
  return { node, end: close + closing.length };
}

/** The text up to the next `[` after the first character. */
function textAt(s: string, pos: number): { node: AvNode; end: number } {
  const step = s.codePointAt(pos)! > 0xffff ? 2 : 1;
  const next = s.indexOf('[', pos + step);
  const end = next < 0 ? s.length : next;
  return { node: { kind: 'text', text: s.slice(pos, end) }, end };
}

function parseAvNodes(s: string): AvNode[] | null {
  const nodes: AvNode[] = [];
  let textOnly = true;
  for (let pos = 0; pos < s.length; ) {
    const found = soundAt(s, pos) ?? directiveAt(s, pos) ?? textAt(s, pos);
    if (found.node.kind !== 'text') textOnly = false;
    nodes.push(found.node);
    pos = found.end;
  }
  return textOnly ? null : nodes;
}

const TTS_LANG_MISSING = "[Error in directive 'anki:tts': 'lang' not set]";

function writeOption(key: string, val: string): string {
  return /[\] \t\r\n]/.test(val) ? ` ${key}="${val}"` : ` ${key}=${val}`;
}

/** Rewrites the text's av tags into play markers for one side. */
export function extractAvTags(text: string, questionSide: boolean): string {
  if (!text.includes('[')) return text;
  const nodes = parseAvNodes(text);
  if (!nodes) return text;
  const side = questionSide ? 'q' : 'a';
  let count = 0;
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'sound') out += `[anki:play:${side}:${count++}]`;
    else if (node.name === 'tts') out += node.options.get('lang') ? `[anki:play:${side}:${count++}]` : TTS_LANG_MISSING;
    else {
      let options = '';
      for (const [key, val] of node.options) options += writeOption(key, val);
      out += `[anki:${node.name}${options}]${node.content}[/anki:${node.name}]`;
    }
  }
  return out;
}
