/**
 * Rendering cloze deletions for one card (cloze.rs `reveal_cloze_text`, the
 * `cloze` and `cloze-only` filters). On the question side an active
 * deletion (one whose numbers include the card's) becomes
 * `<span class="cloze" data-cloze="…" data-ordinal="1">[...]</span>` (its
 * hint instead of `...` when it has one; `data-cloze` holds the inner HTML,
 * attribute-encoded); on the answer side
 * `<span class="cloze" data-ordinal="1">text</span>`. Inactive deletions are
 * `<span class="cloze-inactive" data-ordinal="2">text</span>` on both sides.
 * Nested deletions render inside their parent. A text with no active
 * deletion renders as "".
 */
import { stripHtmlPreservingEntities } from '../notes/text.ts';
import { parseClozesMemo, type ClozeNode } from './cloze-parse.ts';
import { encodeAttribute } from './html-escape.ts';
import { renderImageOcclusion } from './image-occlusion.ts';

type Cloze = Extract<ClozeNode, { type: 'cloze' }>;

const IMAGE_OCCLUSION_PREFIX = 'image-occlusion:';

/** The numbers as Anki writes them in `data-ordinal`: "1" or "1,2". */
const ordinalsAttr = (cloze: Cloze): string => cloze.ordinals.join(',');

/** The deletion's text with nested deletions' texts in place (hints left out). */
function clozedText(nodes: readonly ClozeNode[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.text : clozedText(node.children);
  return out;
}

/** The occlusion spec when the deletion's first piece is `image-occlusion:…`. */
function imageOcclusionSpec(cloze: Cloze): string | null {
  const first = cloze.children[0];
  if (!first || first.type !== 'text' || !first.text.startsWith(IMAGE_OCCLUSION_PREFIX)) return null;
  return first.text.slice(IMAGE_OCCLUSION_PREFIX.length);
}

interface RevealState {
  readonly ord: number;
  readonly question: boolean;
  activeFound: boolean;
}

function revealChildren(nodes: readonly ClozeNode[], state: RevealState): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.text : revealCloze(node, state);
  return out;
}

function revealCloze(cloze: Cloze, state: RevealState): string {
  const active = cloze.ordinals.includes(state.ord);
  state.activeFound ||= active;
  const spec = imageOcclusionSpec(cloze);
  if (spec !== null) return renderImageOcclusion(spec, state.question, active, cloze.ordinals);
  const ordinals = ordinalsAttr(cloze);
  if (!active) {
    return `<span class="cloze-inactive" data-ordinal="${ordinals}">${revealChildren(cloze.children, state)}</span>`;
  }
  if (!state.question) return `<span class="cloze" data-ordinal="${ordinals}">${revealChildren(cloze.children, state)}</span>`;
  const inner = revealChildren(cloze.children, state);
  return `<span class="cloze" data-cloze="${encodeAttribute(inner)}" data-ordinal="${ordinals}">[${cloze.hint ?? '...'}]</span>`;
}

/** The text with deletions rendered for card number `ord` (1-based), or "" when none is active. */
export function revealClozeText(text: string, ord: number, question: boolean): string {
  if (!text.includes('{{c')) return '';
  const state: RevealState = { ord, question, activeFound: false };
  const out = revealChildren(parseClozesMemo(text), state);
  return state.activeFound ? out : '';
}

function collectRevealed(nodes: readonly ClozeNode[], ord: number, question: boolean, out: string[]): void {
  for (const node of nodes) {
    if (node.type !== 'cloze') continue;
    if (node.ordinals.includes(ord)) out.push(question ? (node.hint ?? '...') : clozedText(node.children));
    collectRevealed(node.children, ord, question, out);
  }
}

/** The `cloze-only` filter: the active deletions' hints (question) or texts (answer), joined by ", ". */
export function revealClozeTextOnly(text: string, ord: number, question: boolean): string {
  if (!text.includes('{{c')) return '';
  const out: string[] = [];
  collectRevealed(parseClozesMemo(text), ord, question, out);
  return out.join(', ');
}

/** `\(…\)` or `\[…\]` (either closing), shortest. */
const MATHJAX = /(\\[([])(.*?)(\\[)\]])/gs;

/** HTML tags inside MathJax are removed (entities stay), so `\(<b>x</b>\)` is `\(x\)`. */
export function stripHtmlInsideMathjax(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(MATHJAX, (_m, open: string, inner: string, close: string) => open + stripHtmlPreservingEntities(inner) + close);
}

/** The `cloze` filter for card number `ord` (1-based). */
export function clozeFilter(text: string, ord: number, question: boolean): string {
  return stripHtmlInsideMathjax(revealClozeText(text, ord, question));
}
