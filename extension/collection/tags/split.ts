/**
 * Tags as notes store them: space-separated, with a space on each side
 * (`" a b "`), or `""` when there are none.
 */

/** The tags in a stored or user-typed string (any whitespace separates). */
export function splitTags(text: string): string[] {
  return text.split(/[\s\u3000]+/u).filter((t) => t.length > 0);
}

/** The stored form of a tag list. */
export function joinTags(tags: readonly string[]): string {
  return tags.length ? ` ${tags.join(' ')} ` : '';
}
