/** Adding and removing tags on chosen notes (tags/bulkadd.rs, tags/remove.rs, tags/matcher.rs). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { addTagsToNotes, withMissingTags } from '../../../../extension/collection/tags/bulk-add.ts';
import { removeTagsFromNotes, tagMatcher, withoutMatchingTags } from '../../../../extension/collection/tags/bulk-remove.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertNote, noteRow } from '../../../helpers/rows.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  const a = insertNote(col, { tags: ['keep', 'Shared'], mod: 100, usn: 5 });
  const b = insertNote(col, { tags: ['other'], mod: 100, usn: 5 });
  clock.advance(60_000);
  return { col, a, b };
}

describe('withMissingTags', () => {
  const desired = ['xyz', 'abc', 'DEF'];
  it('adds what is missing and sorts, keeping the note’s spelling', () => {
    expect(withMissingTags('', desired)).toBe(' abc DEF xyz ');
    expect(withMissingTags(' XYZ deF aaa ', desired)).toBe(' aaa abc deF XYZ ');
  });
  it('is null when the note has them all', () => {
    expect(withMissingTags(' def xyz abc ', desired)).toBeNull();
  });
});

describe('addTagsToNotes', () => {
  it('changes only notes that lack a tag, marking them modified', async () => {
    const { col, a, b } = await setup();
    expect(addTagsToNotes(col, [a, b, 999], 'shared new')).toBe(2);
    expect(noteRow(col, a)).toMatchObject({ tags: ' keep new Shared ', mod: col.nowSecs(), usn: -1 });
    expect(noteRow(col, b)).toMatchObject({ tags: ' new other shared ', mod: col.nowSecs(), usn: -1 });
    expect(addTagsToNotes(col, [a], 'KEEP')).toBe(0);
    expect(noteRow(col, a)!.tags).toBe(' keep new Shared ');
  });

  it('registers the tags, matching the case of registered ones and their parents', async () => {
    const { col, a } = await setup();
    addTagsToNotes(col, [a], 'Lang');
    addTagsToNotes(col, [a], 'lang::fr');
    expect(noteRow(col, a)!.tags).toBe(' keep Lang Lang::fr Shared ');
    expect(col.col.get('tags')).toEqual({ Lang: -1, 'Lang::fr': -1 });
  });

  it('registers even when no note changes, and touches nothing else', async () => {
    const { col } = await setup();
    const before = col.col.scalars().mod;
    expect(addTagsToNotes(col, [12345], 'lonely')).toBe(0);
    expect(col.col.get('tags')).toEqual({ lonely: -1 });
    expect(col.col.scalars().mod).toBeGreaterThan(before);
  });

  it('bumps col.mod when notes change', async () => {
    const { col, a } = await setup();
    addTagsToNotes(col, [a], 'x');
    expect(col.db.scalar('select mod from col')).toBe(col.nowMs());
  });
});

describe('tagMatcher', () => {
  it('matches a tag or a child of it, ignoring case, as a whole word', () => {
    const two = tagMatcher('one two');
    expect(two.test(' foo ')).toBe(false);
    expect(two.test(' foo one ')).toBe(true);
    expect(two.test(' two foo ')).toBe(true);
    const foo = tagMatcher('foo');
    expect(foo.test('foo')).toBe(true);
    expect(foo.test(' bar FOO baz ')).toBe(true);
    expect(foo.test(' bar foof baz ')).toBe(false);
    expect(foo.test(' barfoo ')).toBe(false);
    expect(foo.test(' foo::bar ')).toBe(true);
  });

  it('escapes regular-expression characters', () => {
    const m = tagMatcher('c++ a.b');
    expect(m.test(' c++ ')).toBe(true);
    expect(m.test(' axb ')).toBe(false);
    expect(m.test(' a.b::c ')).toBe(true);
  });

  it('removes matching tags and their children, keeping the rest in order', () => {
    const m = tagMatcher('foo');
    expect(withoutMatchingTags(' x foo::bar bar::foo x ', m)).toBe(' x bar::foo x ');
    expect(withoutMatchingTags(' FOO ', m)).toBe('');
  });
});

describe('removeTagsFromNotes', () => {
  it('removes from the notes that have the tag, leaving the registry alone', async () => {
    const { col, a, b } = await setup();
    addTagsToNotes(col, [a], 'gone::child');
    expect(removeTagsFromNotes(col, [a, b, 777], 'SHARED gone')).toBe(1);
    expect(noteRow(col, a)).toMatchObject({ tags: ' keep ', mod: col.nowSecs(), usn: -1 });
    expect(noteRow(col, b)).toMatchObject({ tags: ' other ', mod: 100, usn: 5 });
    expect(col.col.get('tags')).toEqual({ 'gone::child': -1 });
  });

  it('with no tags given, re-saves every note as Anki’s empty pattern does, changing no tags', async () => {
    const { col, a, b } = await setup();
    const empty = insertNote(col, { tags: [], mod: 100 });
    expect(removeTagsFromNotes(col, [a, b, empty], '  ')).toBe(3);
    expect(noteRow(col, a)).toMatchObject({ tags: ' keep Shared ', mod: col.nowSecs() });
    expect(noteRow(col, empty)).toMatchObject({ tags: '', mod: col.nowSecs() });
  });
});
