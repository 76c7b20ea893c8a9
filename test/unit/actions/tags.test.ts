/** Tag actions as a client sees them (version 6 replies). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { canonifyTags } from '../../../extension/collection/tags/canonify.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { insertNote, noteRow } from '../../helpers/rows.ts';

/** AnkiConnect's test setup: two notes tagged tag1 and tag2. */
async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  col.transact(() => canonifyTags(col, ['tag1', 'tag2']));
  const note1 = insertNote(col, { tags: ['tag1'], mod: 100 });
  const note2 = insertNote(col, { tags: ['tag2'], mod: 100 });
  clock.advance(60_000);
  return { col, ctx: contextFor(col), note1, note2 };
}

describe('getNoteTags', () => {
  it('lists a note’s tags', async () => {
    const { ctx, note1 } = await setup();
    expect(await call(ctx, 'getNoteTags', { note: note1 })).toEqual({ result: ['tag1'], error: null });
  });

  it('reports an unknown note, a non-integer id and a missing argument', async () => {
    const { ctx } = await setup();
    expect(await call(ctx, 'getNoteTags', { note: 123 })).toEqual({ result: null, error: 'Note was not found: 123' });
    expect((await call(ctx, 'getNoteTags', { note: 'abc' })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'getNoteTags', {})).error).toBe("AnkiConnect.getNoteTags() missing 1 required positional argument: 'note'");
  });
});

describe('addTags and removeTags', () => {
  it('adds space-separated tags and returns null', async () => {
    const { col, ctx, note1 } = await setup();
    expect(await call(ctx, 'addTags', { notes: [note1], tags: 'tag2 Extra' })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['Extra', 'tag1', 'tag2']);
    expect(noteRow(col, note1)).toMatchObject({ mod: col.nowSecs(), usn: -1 });
    expect(await ok(ctx, 'getTags')).toEqual(['Extra', 'tag1', 'tag2']);
  });

  it('removes tags (and their children) when add is false or falsy', async () => {
    const { ctx, note1, note2 } = await setup();
    await ok(ctx, 'addTags', { notes: [note1], tags: 'tag1::sub other' });
    await ok(ctx, 'addTags', { notes: [note1], tags: 'TAG1', add: false });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['other']);
    await ok(ctx, 'addTags', { notes: [note1], tags: 'other', add: 0 });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual([]);
    expect(await call(ctx, 'removeTags', { notes: [note2], tags: 'tag2' })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'getNoteTags', { note: note2 })).toEqual([]);
  });

  it('ignores unknown note ids', async () => {
    const { ctx } = await setup();
    expect(await call(ctx, 'addTags', { notes: [42], tags: 'x' })).toEqual({ result: null, error: null });
    expect(await call(ctx, 'removeTags', { notes: [42], tags: 'x' })).toEqual({ result: null, error: null });
  });

  it('refuses notes that are not a list of ids and tags that are not a string', async () => {
    const { ctx, note1 } = await setup();
    expect((await call(ctx, 'addTags', { notes: 5, tags: 'x' })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'addTags', { notes: ['x'], tags: 'x' })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'addTags', { notes: [note1], tags: ['x'] })).error).toBe('expected tags as str, got list');
    expect((await call(ctx, 'removeTags', { notes: [note1], tags: null })).error).toBe('expected tags as str, got NoneType');
    expect((await call(ctx, 'removeTags', { notes: null, tags: 'x' })).error).toBe("'NoneType' object is not iterable");
    expect((await call(ctx, 'addTags', { notes: [note1] })).error).toBe("AnkiConnect.addTags() missing 1 required positional argument: 'tags'");
    expect((await call(ctx, 'addTags', { notes: [note1], tags: 'x', tag: 'y' })).error).toBe(
      "AnkiConnect.addTags() got an unexpected keyword argument 'tag'",
    );
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['tag1']);
  });
});

describe('getTags and clearUnusedTags', () => {
  it('lists the tag registry sorted, and clears tags no note uses', async () => {
    const { ctx, note2 } = await setup();
    expect(await ok(ctx, 'getTags')).toEqual(['tag1', 'tag2']);
    await ok(ctx, 'removeTags', { notes: [note2], tags: 'tag2' });
    expect(await ok(ctx, 'getTags')).toEqual(['tag1', 'tag2']);
    expect(await call(ctx, 'clearUnusedTags')).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'getTags')).toEqual(['tag1']);
  });
});

describe('replaceTags and replaceTagsInAllNotes', () => {
  it('replaces on the listed notes, skipping unknown ids', async () => {
    const { ctx, note1, note2 } = await setup();
    expect(await call(ctx, 'replaceTags', { notes: [note1, 123], tag_to_replace: 'TAG1', replace_with_tag: 'foo' })).toEqual({
      result: null,
      error: null,
    });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['foo']);
    expect(await ok(ctx, 'getNoteTags', { note: note2 })).toEqual(['tag2']);
    expect(await ok(ctx, 'getTags')).toEqual(['foo', 'tag1', 'tag2']);
  });

  it('replaces on every note', async () => {
    const { ctx, note1, note2 } = await setup();
    await ok(ctx, 'addTags', { notes: [note2], tags: 'tag1' });
    await ok(ctx, 'replaceTagsInAllNotes', { tag_to_replace: 'tag1', replace_with_tag: 'foo' });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['foo']);
    expect(await ok(ctx, 'getNoteTags', { note: note2 })).toEqual(['foo', 'tag2']);
  });

  it('refuses tags that are not strings', async () => {
    const { ctx, note1 } = await setup();
    expect((await call(ctx, 'replaceTags', { notes: [note1], tag_to_replace: 1, replace_with_tag: 'x' })).error).toBe(
      "'int' object has no attribute 'lower'",
    );
    expect((await call(ctx, 'replaceTagsInAllNotes', { tag_to_replace: 'tag1', replace_with_tag: 2 })).error).toBe(
      'expected tags as str, got int',
    );
    expect((await call(ctx, 'replaceTags', { notes: 7, tag_to_replace: 'a', replace_with_tag: 'b' })).error).toBe(
      "'int' object is not iterable",
    );
    expect((await call(ctx, 'replaceTagsInAllNotes', { tag_to_replace: 'a' })).error).toBe(
      "AnkiConnect.replaceTagsInAllNotes() missing 1 required positional argument: 'replace_with_tag'",
    );
  });
});

describe('updateNoteTags', () => {
  it('sets a note’s tags from a string or a list', async () => {
    const { ctx, note1 } = await setup();
    expect(await call(ctx, 'updateNoteTags', { note: note1, tags: 'footag' })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['footag']);
    await ok(ctx, 'updateNoteTags', { note: note1, tags: ['foo', 'bar', 'baz', 'BAR'] });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['bar', 'baz', 'foo']);
    await ok(ctx, 'updateNoteTags', { note: note1, tags: [] });
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual([]);
  });

  it('saves the note whenever it had tags, even if they stay the same', async () => {
    const { col, ctx, note1 } = await setup();
    const bare = insertNote(col, { tags: [], mod: 100 });
    await ok(ctx, 'updateNoteTags', { note: bare, tags: [] });
    expect(noteRow(col, bare)!.mod).toBe(100);
    await ok(ctx, 'updateNoteTags', { note: note1, tags: ['tag1'] });
    expect(noteRow(col, note1)).toMatchObject({ tags: ' tag1 ', mod: col.nowSecs() });
  });

  it('needs a list of strings and an existing note', async () => {
    const { ctx, note1 } = await setup();
    for (const tags of [[1], 5, null, { a: 1 }, ['ok', false]]) {
      expect(await call(ctx, 'updateNoteTags', { note: note1, tags })).toEqual({ result: null, error: 'Must provide tags as a list of strings' });
    }
    expect((await call(ctx, 'updateNoteTags', { note: 999, tags: ['x'] })).error).toBe('Note was not found: 999');
    expect(await ok(ctx, 'getNoteTags', { note: note1 })).toEqual(['tag1']);
  });
});
