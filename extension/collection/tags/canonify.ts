/**
 * Tags as Anki normalises them on save (tags/register.rs): split on spaces,
 * each `::` component NFC-normalised, stripped of ASCII control characters
 * and tag separators and trimmed ("blank" if empty); a registered tag's case
 * wins, else the case of the nearest registered parent; duplicates removed
 * case-insensitively (the first spelling wins); sorted case-insensitively.
 * New tags are registered in `col.tags` with usn -1. Parents are not
 * registered on their own: Anki only lists them in its tag tree.
 */
import type { Collection } from '../collection.ts';
import { compareCodePoints, foldTag } from './compare.ts';
import { splitTags } from './split.ts';

// eslint-disable-next-line no-control-regex
const INVALID = /[\x00-\x1f\x7f \u3000]/gu;

/** Rust's `str::trim` set: Unicode White_Space (no U+FEFF, unlike String.prototype.trim). */
const EDGE_SPACE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

function normalizeComponent(component: string): string {
  const cleaned = component.normalize('NFC').replace(INVALID, '');
  const trimmed = cleaned.replace(EDGE_SPACE, '');
  return trimmed === '' ? 'blank' : trimmed;
}

/** A tag's normalised spelling, before matching the case of registered tags. */
export function normalizeTagName(name: string): string {
  return name.split('::').map(normalizeComponent).join('::');
}

/** Case-insensitive index of the registered tags, rebuilt when `col.tags` is replaced. */
class TagIndex {
  private readonly byFolded = new Map<string, string>();
  constructor(source: Record<string, number>) {
    for (const t of Object.keys(source)) this.byFolded.set(foldTag(t), t);
  }
  /** The registered spelling of `name`, if registered (case-insensitively). */
  exact(name: string): string | undefined {
    return this.byFolded.get(foldTag(name));
  }
  add(name: string): void {
    this.byFolded.set(foldTag(name), name);
  }
}

const indexes = new WeakMap<object, TagIndex>();

function indexOf(col: Collection): TagIndex {
  const tags = col.col.get('tags');
  let idx = indexes.get(tags);
  if (!idx) {
    idx = new TagIndex(tags);
    indexes.set(tags, idx);
  }
  return idx;
}

/** Forgets the cached index (after tags were removed from `col.tags`). */
export function forgetTagIndex(col: Collection): void {
  indexes.delete(col.col.get('tags'));
}

/** `tag` with its leading components in the case of the nearest registered parent. */
function adjustedForParents(idx: TagIndex, tag: string): string {
  const parts = tag.split('::');
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = idx.exact(parts.slice(0, n).join('::'));
    if (parent !== undefined) return [parent, ...parts.slice(n)].join('::');
  }
  return tag;
}

/** The spelling Anki gives one tag, and whether it is new to the collection. */
function prepareTag(idx: TagIndex, raw: string): { name: string; isNew: boolean } {
  const normalized = normalizeTagName(raw);
  const existing = idx.exact(normalized);
  if (existing !== undefined) return { name: existing, isNew: false };
  return { name: adjustedForParents(idx, normalized), isNew: true };
}

function registerAll(col: Collection, idx: TagIndex, fresh: readonly string[]): void {
  if (!fresh.length) return;
  const tags = col.col.get('tags');
  for (const t of fresh) tags[t] = -1;
  col.col.save('tags', tags, col.nowMs());
  indexes.set(tags, idx);
}

/**
 * Each tag of `text` (space-separated) in its canonical spelling, in order,
 * duplicates kept, registering new ones (Anki's `canonified_tags_as_vec`).
 * Call inside a transaction.
 */
export function registerTags(col: Collection, text: string): string[] {
  const idx = indexOf(col);
  const fresh: string[] = [];
  const out: string[] = [];
  for (const raw of splitTags(text)) {
    const { name, isNew } = prepareTag(idx, raw);
    if (isNew) {
      idx.add(name);
      fresh.push(name);
    }
    out.push(name);
  }
  registerAll(col, idx, fresh);
  return out;
}

export interface CanonifyResult {
  tags: string[];
  /** Whether a tag new to the collection was registered. */
  added: boolean;
}

/**
 * Normalises `input` (each item may hold several space-separated tags).
 * With `register`, new tags are added to `col.tags` (call inside a transaction).
 */
export function canonifyTags(col: Collection, input: readonly string[], register = true): CanonifyResult {
  const idx = indexOf(col);
  const seen = new Map<string, string>();
  const fresh: string[] = [];
  for (const raw of input.flatMap((t) => splitTags(t))) {
    const { name, isNew } = prepareTag(idx, raw);
    if (isNew && register) {
      idx.add(name);
      fresh.push(name);
    }
    if (!seen.has(foldTag(name))) seen.set(foldTag(name), name);
  }
  if (register) registerAll(col, idx, fresh);
  const out = [...seen.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, v]) => v);
  return { tags: out, added: fresh.length > 0 };
}
