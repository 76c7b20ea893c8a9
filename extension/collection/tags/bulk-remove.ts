/**
 * Removing tags from chosen notes (tags/remove.rs, tags/matcher.rs): each
 * given tag removes itself and its children (`a` removes `a::b`),
 * case-insensitively. The registry keeps the tags (clearUnusedTags drops them).
 */
import type { Collection } from '../collection.ts';
import { noteTagsByIds, writeNoteTags } from './note-rows.ts';
import { joinTags, splitTags } from './split.ts';

/** Rust regex's verbose mode drops unescaped whitespace from the pattern. */
const PATTERN_SPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
const SYNTAX = /[\\^$.*+?()[\]{}|/]/gu;

/**
 * Anki's TagMatcher: matches, in a space-separated string, any of the
 * `text` tags or a child of one. With no tags it matches any stored tags
 * string (an empty alternative), as Anki's regex does.
 */
export function tagMatcher(text: string): RegExp {
  const alternatives = splitTags(text).map((t) => t.replace(PATTERN_SPACE, '').replace(SYNTAX, '\\$&'));
  return new RegExp(`(?:^| )(${alternatives.join('|')})(?:(::)| |$)`, 'iu');
}

/** The stored tags string without the tags `matcher` matches (order kept). */
export function withoutMatchingTags(noteTags: string, matcher: RegExp): string {
  return joinTags(splitTags(noteTags).filter((t) => !matcher.test(t)));
}

/** Removes the space-separated `text` tags (and their children) from notes `nids`; returns how many changed. */
export function removeTagsFromNotes(col: Collection, nids: readonly number[], text: string): number {
  const matcher = tagMatcher(text);
  return col.transact(() => {
    let changed = 0;
    for (const row of noteTagsByIds(col, nids)) {
      if (!matcher.test(row.tags)) continue;
      writeNoteTags(col, row.id, withoutMatchingTags(row.tags, matcher));
      changed++;
    }
    if (changed) col.col.touch(col.nowMs());
    return changed;
  }).result;
}
