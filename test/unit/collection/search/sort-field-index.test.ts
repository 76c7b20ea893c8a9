/**
 * Exact first-field searches on long ASCII values narrow through the
 * lower(sfld) expression index (the checksum index cannot: 2^n case
 * variants), and find exactly what the LIKE finds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { findNoteIds } from '../../../../extension/collection/search/index.ts';
import { SORT_FIELD_INDEX, sortFieldKey } from '../../../../extension/collection/search/sort-field-index.ts';
import { contextFor, newCollection, ok } from '../../../helpers/builders.ts';

let col: Collection;
const ids: Record<string, number> = {};

beforeEach(async () => {
  col = await newCollection();
  const ctx = contextFor(col);
  await ok(ctx, 'createDeck', { deck: 'Words::Verbs' });
  const fronts = ['Favanneate: Verb Form', 'favanneate: verb form ', 'Extraordinarily Long', 'extraordinarily long!', '<b>Bold Headword Entry</b>', '1e5', 'Ünicode Headword Entry'];
  for (const front of fronts) {
    ids[front] = await ok<number>(ctx, 'addNote', { note: { deckName: 'Words::Verbs', modelName: 'Basic', fields: { Front: front, Back: 'x' } } });
  }
});

describe('sortFieldKey', () => {
  it.each([
    ['Favanneate: Verb', 'favanneate: verb'],
    ['abc', 'abc'],
    ['<b>x</b>', null],
    ['a &amp; b', null],
    ['12345', null],
    ['1e5', null],
    ['日本語', null],
  ])('%s → %s', (value, key) => {
    expect(sortFieldKey(value)).toBe(key);
  });
});

describe('exact sort-field search on long ASCII values', () => {
  it('finds the notes the LIKE matches, case-insensitively for ASCII, and uses the index', () => {
    expect(findNoteIds(col, '"front:FAVANNEATE: VERB FORM"')).toEqual([ids['Favanneate: Verb Form']]);
    expect(findNoteIds(col, '"deck:Words::Verbs" "front:favanneate: verb form"')).toEqual([ids['Favanneate: Verb Form']]);
    expect(findNoteIds(col, '"front:extraordinarily long"')).toEqual([ids['Extraordinarily Long']]);
    expect(findNoteIds(col, '"front:extraordinarily long!"')).toEqual([ids['extraordinarily long!']]);
    // HTML in the field: the raw field must match, as in Anki.
    expect(findNoteIds(col, '"front:bold headword entry"')).toEqual([]);
    expect(findNoteIds(col, '"front:<b>bold headword entry</b>"')).toEqual([ids['<b>Bold Headword Entry</b>']]);
    // Non-ASCII letters compare exactly under LIKE.
    expect(findNoteIds(col, '"front:ünicode headword entry"')).toEqual([]);
    expect(findNoteIds(col, '"front:Ünicode HEADWORD ENTRY"')).toEqual([ids['Ünicode Headword Entry']]);
    expect(findNoteIds(col, 'front:1e5')).toEqual([ids['1e5']]);
    const indexes = col.db.column<string>("select name from sqlite_master where type = 'index'");
    expect(indexes).toContain(SORT_FIELD_INDEX);
    const plan = col.db.rows("explain query plan select n.id from notes n where lower(n.sfld) = 'extraordinarily long'").flat().join(' ');
    expect(plan).toContain(SORT_FIELD_INDEX);
  });

  it('agrees with a plain scan on every note', () => {
    for (const front of Object.keys(ids)) {
      const q = `"front:${front.replace(/"/g, '\\"')}"`;
      const scanned = col.db.column<number>(
        "select id from notes where flds like ? || char(31) || '%' escape '\\'",
        [front.replace(/[\\%_]/g, (c) => '\\' + c)],
      );
      expect(findNoteIds(col, q), q).toEqual(scanned.sort((a, b) => a - b));
    }
  });

  it('does not create the index inside a write transaction', async () => {
    const fresh = await newCollection();
    fresh.transact(() => findNoteIds(fresh, '"front:extraordinarily long"'));
    expect(fresh.db.column<string>("select name from sqlite_master where type = 'index'")).not.toContain(SORT_FIELD_INDEX);
    findNoteIds(fresh, '"front:extraordinarily long"');
    expect(fresh.db.column<string>("select name from sqlite_master where type = 'index'")).toContain(SORT_FIELD_INDEX);
  });
});
