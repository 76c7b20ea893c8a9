/**
 * Tags as notes store them: space-separated, with a space on each side
 * (`" a b "`), or `""` when there are none. Only an ASCII space and the
 * ideographic space U+3000 separate tags (tags/mod.rs); other whitespace
 * stays inside a tag until normalisation removes it.
 */

const SEPARATOR = /[ \u3000]+/u;

/** The tags in a stored or user-typed string. */
export function splitTags(text: string): string[] {
  return text.split(SEPARATOR).filter((t) => t.length > 0);
}

/** The stored form of a tag list. */
export function joinTags(tags: readonly string[]): string {
  return tags.length ? ` ${tags.join(' ')} ` : '';
}
