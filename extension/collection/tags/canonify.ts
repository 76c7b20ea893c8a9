/**
 * Tags as Anki normalises them on save (tags/register.rs): split on
 * whitespace, each `::` component NFC-normalised, stripped of control
 * characters and spaces and trimmed ("blank" if empty); an existing tag's
 * case wins, else an existing parent's case; duplicates removed
 * case-insensitively; sorted case-insensitively. New tags are registered in
 * `col.tags` with usn -1.
 */
import type { Collection } from '../collection.ts';
import { splitTags } from './split.ts';

const fold = (s: string) => s.toLowerCase();

// eslint-disable-next-line no-control-regex
const INVALID = /[\x00-\x1f\x7f\s\u3000]/gu;

function normalizeComponent(component: string): string {
  const cleaned = component.normalize('NFC').replace(INVALID, '');
  const trimmed = cleaned.trim();
  return trimmed === '' ? 'blank' : trimmed;
}

/** A tag's normalised spelling, before matching the case of existing tags. */
export function normalizeTagName(name: string): string {
  return name.split('::').map(normalizeComponent).join('::');
}

/** Case-insensitive index of the registered tags, rebuilt when `col.tags` changes. */
class TagIndex {
  private readonly byFolded = new Map<string, string>();
  constructor(readonly source: Record<string, number>) {
    for (const t of Object.keys(source)) this.byFolded.set(fold(t), t);
  }
  exact(name: string): string | undefined {
    return this.byFolded.get(fold(name));
  }
  add(name: string): void {
    this.byFolded.set(fold(name), name);
  }
  /** The case an existing tag uses for `parent` (the tag itself or a child of it). */
  parentCase(parent: string): string | undefined {
    const f = fold(parent);
    const hit = this.byFolded.get(f);
    if (hit) return hit;
    const prefix = f + '::';
    for (const [folded, original] of this.byFolded) {
      if (folded.startsWith(prefix)) return original.slice(0, parent.length);
    }
    return undefined;
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

function adjustedForParents(idx: TagIndex, tag: string): string {
  const parts = tag.split('::');
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = parts.slice(0, n).join('::');
    const existing = idx.parentCase(parent);
    if (existing) return [existing, ...parts.slice(n)].join('::');
  }
  return tag;
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
    const normalized = normalizeTagName(raw);
    let name = idx.exact(normalized);
    if (name === undefined) {
      name = adjustedForParents(idx, normalized);
      if (register) {
        idx.add(name);
        fresh.push(name);
      }
    }
    if (!seen.has(fold(name))) seen.set(fold(name), name);
  }
  if (fresh.length) {
    const tags = col.col.get('tags');
    for (const t of fresh) tags[t] = -1;
    col.col.save('tags', tags, col.nowMs());
    indexes.set(tags, idx);
  }
  const out = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { tags: out, added: fresh.length > 0 };
}
