/** AnkiConnect's tag replacement: Python Note remove_tag/add_tag, then a save that canonifies. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { replacedTagList, replaceTagInAllNotes, replaceTagInNotes } from '../../../../extension/collection/tags/replace.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertNote, noteRow } from '../../../helpers/rows.ts';

async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  const n1 = insertNote(col, { tags: ['tag1', 'zeta'], mod: 100 });
  const n2 = insertNote(col, { tags: ['TAG1::child'], mod: 100 });
  const n3 = insertNote(col, { tags: ['alpha', 'Tag1'], mod: 100 });
  clock.advance(1000_000);
  return { col, n1, n2, n3 };
}

describe('replacedTagList', () => {
  it('drops every spelling of the tag and appends the replacement', () => {
    expect(replacedTagList(['a', 'B', 'b', 'c'], 'b', 'x')).toEqual(['a', 'c', 'x']);
  });
  it('is null when the note lacks the tag (children do not count)', () => {
    expect(replacedTagList(['b::c'], 'b', 'x')).toBeNull();
  });
});

describe('replaceTagInNotes', () => {
  it('replaces on the listed notes only, case-insensitively, skipping unknown ids', async () => {
    const { col, n1, n2, n3 } = await setup();
    expect(replaceTagInNotes(col, [n1, n2, 123], 'TAG1', 'foo')).toBe(1);
    expect(noteRow(col, n1)).toMatchObject({ tags: ' foo zeta ', mod: col.nowSecs(), usn: -1 });
    expect(noteRow(col, n2)).toMatchObject({ tags: ' TAG1::child ', mod: 100 });
    expect(noteRow(col, n3)).toMatchObject({ tags: ' alpha Tag1 ', mod: 100 });
    expect(col.col.get('tags')).toMatchObject({ foo: -1, zeta: -1 });
  });

  it('splits a replacement with spaces, and an empty one just removes the tag', async () => {
    const { col, n1, n3 } = await setup();
    replaceTagInNotes(col, [n1], 'tag1', 'b a');
    expect(noteRow(col, n1)!.tags).toBe(' a b zeta ');
    replaceTagInNotes(col, [n3], 'tag1', '');
    expect(noteRow(col, n3)!.tags).toBe(' alpha ');
  });

  it('does not save a note whose tag list comes out the same', async () => {
    const { col, n3 } = await setup();
    expect(replaceTagInNotes(col, [n3], 'tag1', 'Tag1')).toBe(0);
    expect(noteRow(col, n3)!.mod).toBe(100);
  });

  it('saves when only the order changed, and stores the canonical order', async () => {
    const { col, n1 } = await setup();
    expect(replaceTagInNotes(col, [n1], 'tag1', 'tag1')).toBe(1);
    expect(noteRow(col, n1)).toMatchObject({ tags: ' tag1 zeta ', mod: col.nowSecs() });
  });
});

describe('replaceTagInAllNotes', () => {
  it('replaces on every note that has the tag', async () => {
    const { col, n1, n2, n3 } = await setup();
    expect(replaceTagInAllNotes(col, 'tag1', 'new')).toBe(2);
    expect(noteRow(col, n1)!.tags).toBe(' new zeta ');
    expect(noteRow(col, n2)!.tags).toBe(' TAG1::child ');
    expect(noteRow(col, n3)!.tags).toBe(' alpha new ');
  });
});
