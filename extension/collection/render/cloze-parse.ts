/**
 * Parsing cloze deletions in field text (cloze.rs), shared by card generation
 * and rendering. `{{c1::text}}`, `{{c1::text::hint}}`, `{{c1,2::text}}` (one
 * deletion on several cards); deletions nest up to 10 deep (deeper openings
 * are ignored, but their `}}` still closes the innermost open one). A
 * deletion never closed is dropped with its contents; a `}}` outside any
 * deletion is text.
 */

export type ClozeNode =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'cloze';
      /** The numbers as written (deduplicated, ascending; may include 0). */
      readonly ordinals: readonly number[];
      readonly children: readonly ClozeNode[];
      readonly hint: string | null;
    };

type ClozeToken = { kind: 'open'; ordinals: number[]; length: number } | { kind: 'close' } | { kind: 'text'; text: string };

const MAX_OPEN = 10;
const U16_MAX = 0xffff;

/** `{{c` + digits and commas + `::`, with at least one number that fits a u16. */
function openAt(text: string, i: number): { ordinals: number[]; length: number } | null {
  if (!text.startsWith('{{c', i)) return null;
  let j = i + 3;
  while (j < text.length && /[\d,]/.test(text[j]!)) j++;
  if (!text.startsWith('::', j)) return null;
  const numbers = new Set<number>();
  for (const part of text.slice(i + 3, j).split(',')) {
    if (part === '') continue;
    const n = Number(part);
    if (n <= U16_MAX) numbers.add(n);
  }
  if (numbers.size === 0) return null;
  return { ordinals: [...numbers].sort((a, b) => a - b), length: j + 2 - i };
}

/**
 * The next index ≥ from where an opening or `}}` starts, or the text's length.
 * `closeCache` remembers the last `}}` found, so a text with many openings
 * and few closings is not scanned again and again.
 */
function nextMarker(text: string, from: number, closeCache: { at: number }): number {
  if (closeCache.at !== -1 && closeCache.at < from) closeCache.at = text.indexOf('}}', from);
  const limit = closeCache.at < 0 ? text.length : closeCache.at;
  let searchOpen = from;
  for (;;) {
    const open = text.indexOf('{{c', searchOpen);
    if (open < 0 || open >= limit) return limit;
    if (openAt(text, open)) return open;
    searchOpen = open + 1;
  }
}

function tokenize(text: string): ClozeToken[] {
  const tokens: ClozeToken[] = [];
  const closeCache = { at: text.indexOf('}}') };
  let pos = 0;
  while (pos < text.length) {
    const open = openAt(text, pos);
    if (open) {
      tokens.push({ kind: 'open', ...open });
      pos += open.length;
    } else if (text.startsWith('}}', pos)) {
      tokens.push({ kind: 'close' });
      pos += 2;
    } else {
      const end = nextMarker(text, pos + 1, closeCache);
      tokens.push({ kind: 'text', text: text.slice(pos, end) });
      pos = end;
    }
  }
  return tokens;
}

interface OpenCloze {
  ordinals: number[];
  children: ClozeNode[];
  hint: string | null;
}

function addText(open: OpenCloze[], output: ClozeNode[], text: string): void {
  const top = open[open.length - 1];
  if (!top) {
    output.push({ type: 'text', text });
    return;
  }
  if (!text.startsWith('image-occlusion:')) {
    const sep = text.indexOf('::');
    if (sep >= 0) {
      top.hint = text.slice(sep + 2);
      text = text.slice(0, sep);
    }
  }
  top.children.push({ type: 'text', text });
}

export function parseClozes(text: string): ClozeNode[] {
  const open: OpenCloze[] = [];
  const output: ClozeNode[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'open') {
      if (open.length < MAX_OPEN) open.push({ ordinals: token.ordinals, children: [], hint: null });
    } else if (token.kind === 'text') {
      addText(open, output, token.text);
    } else {
      const done = open.pop();
      if (!done) {
        output.push({ type: 'text', text: '}}' });
        continue;
      }
      const target = open.length ? open[open.length - 1]!.children : output;
      target.push({ type: 'cloze', ordinals: done.ordinals, children: done.children, hint: done.hint });
    }
  }
  return output;
}

let lastText: string | null = null;
let lastNodes: ClozeNode[] = [];

/**
 * parseClozes remembering the last text: rendering a cloze card reads the
 * same field for its number check, its question and its answer. The nodes
 * are shared, so callers must not change them.
 */
export function parseClozesMemo(text: string): readonly ClozeNode[] {
  if (text !== lastText) {
    lastNodes = parseClozes(text);
    lastText = text;
  }
  return lastNodes;
}
