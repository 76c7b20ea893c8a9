/**
 * Tags compare as Anki's `unicase` collation compares them: case-folded,
 * then by code point. Folding is approximated by upper- then lower-casing,
 * which maps `ß` to `ss` as Unicode full case folding does.
 */

/** The case-folded form of a tag, for equality and ordering. */
export function foldTag(tag: string): string {
  return tag.toUpperCase().toLowerCase();
}

/** Code-point order of two strings (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (astral characters) sort after U+E000–U+FFFF in code-point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Case-insensitive order of two tags. */
export function compareTags(a: string, b: string): number {
  return compareCodePoints(foldTag(a), foldTag(b));
}

/** Tags sorted case-insensitively (a new array). */
export function sortTags(tags: readonly string[]): string[] {
  return tags
    .map((t) => ({ t, key: foldTag(t) }))
    .sort((a, b) => compareCodePoints(a.key, b.key))
    .map((k) => k.t);
}
