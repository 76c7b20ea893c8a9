import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { addNote } from '../../../../extension/collection/notes/add.ts';
import {
  containsCloze,
  deckAndDescendantIds,
  fieldsCheck,
  FieldsState,
  scopedDuplicateState,
} from '../../../../extension/collection/notes/checks.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { newCollection } from '../../../helpers/builders.ts';

const nt = (col: Collection, name: string) => notetypeByName(col, name)!;

describe('containsCloze', () => {
  it('finds numbered top-level clozes only', () => {
    expect(containsCloze('a {{c1::b}}')).toBe(true);
    expect(containsCloze('a {{c0::b}}')).toBe(false);
    expect(containsCloze('a {{c1::b')).toBe(false);
    expect(containsCloze('plain')).toBe(false);
  });
});

describe('fieldsCheck (Anki note_fields_check)', () => {
  it('reports empty, duplicate and normal', async () => {
    const col = await newCollection();
    const basic = nt(col, 'Basic');
    expect(fieldsCheck(col, basic, [' <br> ', 'x'])).toBe(FieldsState.Empty);
    expect(fieldsCheck(col, basic, ['&nbsp;', 'x'])).toBe(FieldsState.Empty);
    expect(fieldsCheck(col, basic, ['hello', 'x'])).toBe(FieldsState.Normal);
    const id = addNote(col, { nt: basic, deckId: 1, fields: ['<b>hello</b>', ''], tags: [] });
    expect(fieldsCheck(col, basic, ['hello', 'y'])).toBe(FieldsState.Duplicate);
    expect(fieldsCheck(col, basic, ['<i>hello</i>', 'y'])).toBe(FieldsState.Duplicate);
    expect(fieldsCheck(col, basic, ['Hello', 'y'])).toBe(FieldsState.Normal);
    // The note itself is not its own duplicate.
    expect(fieldsCheck(col, basic, ['hello', 'y'], id)).toBe(FieldsState.Normal);
    // Another note type is not a duplicate.
    expect(fieldsCheck(col, nt(col, 'Basic (and reversed card)'), ['hello', 'y'])).toBe(FieldsState.Normal);
  });

  it('compares NFC-normalised text', async () => {
    const col = await newCollection();
    const basic = nt(col, 'Basic');
    addNote(col, { nt: basic, deckId: 1, fields: ['caf\u00e9', ''], tags: [] });
    expect(fieldsCheck(col, basic, ['cafe\u0301', ''])).toBe(FieldsState.Duplicate);
  });

  it('reports cloze problems', async () => {
    const col = await newCollection();
    expect(fieldsCheck(col, nt(col, 'Basic'), ['{{c1::x}}', ''])).toBe(FieldsState.NotetypeNotCloze);
    const cloze = nt(col, 'Cloze');
    expect(fieldsCheck(col, cloze, ['no cloze', ''])).toBe(FieldsState.MissingCloze);
    expect(fieldsCheck(col, cloze, ['{{c1::x}}', ''])).toBe(FieldsState.Normal);
    expect(fieldsCheck(col, cloze, ['{{c1::x}}', '{{c2::y}}'])).toBe(FieldsState.FieldNotCloze);
    // An empty first field wins over a missing cloze.
    expect(fieldsCheck(col, cloze, ['', ''])).toBe(FieldsState.Empty);
  });
});

describe('scopedDuplicateState (AnkiConnect deck scope / all models)', () => {
  it('looks in the given decks, by checksum', async () => {
    const col = await newCollection();
    const basic = nt(col, 'Basic');
    const parent = getOrCreateDeck(col, 'P');
    const child = getOrCreateDeck(col, 'P::C');
    const other = getOrCreateDeck(col, 'Other');
    addNote(col, { nt: basic, deckId: child, fields: ['word', ''], tags: [] });
    const scope = (deckIds: Set<number> | null, allNotetypes = false) => ({ deckIds, allNotetypes });
    expect(scopedDuplicateState(col, basic.id, 'word', scope(new Set([child])))).toBe(FieldsState.Duplicate);
    expect(scopedDuplicateState(col, basic.id, 'word', scope(new Set([parent])))).toBe(FieldsState.Normal);
    expect(scopedDuplicateState(col, basic.id, 'word', scope(deckAndDescendantIds(col, parent)))).toBe(FieldsState.Duplicate);
    expect(scopedDuplicateState(col, basic.id, 'word', scope(new Set([other])))).toBe(FieldsState.Normal);
    expect(scopedDuplicateState(col, basic.id, '<b>word</b>', scope(null))).toBe(FieldsState.Duplicate);
    const reversed = nt(col, 'Basic (and reversed card)');
    expect(scopedDuplicateState(col, reversed.id, 'word', scope(null))).toBe(FieldsState.Normal);
    expect(scopedDuplicateState(col, reversed.id, 'word', scope(null, true))).toBe(FieldsState.Duplicate);
    expect(scopedDuplicateState(col, basic.id, ' \x1f\n', scope(null))).toBe(FieldsState.Empty);
    // Python's strip() leaves HTML: "<br>" is not empty here.
    expect(scopedDuplicateState(col, basic.id, '<br>', scope(null))).toBe(FieldsState.Normal);
  });

  it('lists a deck with all its descendants, case-insensitively', async () => {
    const col = await newCollection();
    const a = getOrCreateDeck(col, 'A');
    const ab = getOrCreateDeck(col, 'A::b');
    const abc = getOrCreateDeck(col, 'a::B::c');
    getOrCreateDeck(col, 'AB');
    expect(deckAndDescendantIds(col, a)).toEqual(new Set([a, ab, abc]));
    expect(deckAndDescendantIds(col, abc)).toEqual(new Set([abc]));
  });
});
