/**
 * The note cache stays exact: after notes are added, changed, deleted, a
 * transaction rolled back, the table emptied (SQLite's truncate skips the
 * update hook) or ids changed, the next search sees the database as it is.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { fieldChecksum } from '../../../../extension/collection/notes/text.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { findCardIds, findNoteIds } from '../../../../extension/collection/search/index.ts';
import { hasNoteCache, noteCache } from '../../../../extension/collection/search/note-cache.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { insertCard, insertNote } from '../../../helpers/rows.ts';
import { referenceIds } from './reference.ts';

let col: Collection;

const note = (id: number, front: string, back = 'back', tags: string[] = []) =>
  insertNote(col, { id, fields: [front, back], tags, sfld: front, csum: fieldChecksum(front) });
const search = (query: string) => findNoteIds(col, query);

/** The search's answer, checked against SQLite alone. */
function exact(query: string): number[] {
  const ids = search(query);
  expect(ids, query).toEqual(referenceIds(col, query, 'notes'));
  return ids;
}

beforeEach(async () => {
  col = await newCollection();
  note(1, 'apple pie', 'dessert', ['food']);
  note(2, 'Apple juice', 'drink', ['food', 'drink']);
  note(3, 'banana', 'fruit 123');
});

describe('note cache', () => {
  it('is built on the first text search, not before', () => {
    expect(hasNoteCache(col.db)).toBe(false);
    search('deck:Default');
    expect(hasNoteCache(col.db)).toBe(false);
    expect(exact('apple')).toEqual([1, 2]);
    expect(hasNoteCache(col.db)).toBe(true);
    expect(noteCache(col.db)!.size).toBe(3);
  });

  it('is not built for a search an id or a checksum narrows', () => {
    expect(exact('nid:1 apple')).toEqual([1]);
    expect(exact('"front:apple pie" pie')).toEqual([1]);
    expect(hasNoteCache(col.db)).toBe(false);
  });

  it('sees a note added, changed and deleted', () => {
    expect(exact('apple')).toEqual([1, 2]);
    note(4, 'pineapple');
    expect(exact('apple')).toEqual([1, 2, 4]);
    col.transact(() => col.db.run("update notes set flds = 'cherry\x1fback', sfld = 'cherry' where id = 1"));
    expect(exact('apple')).toEqual([2, 4]);
    expect(exact('cherry')).toEqual([1]);
    col.transact(() => col.db.run("update notes set tags = ' fresh ' where id = 3"));
    expect(exact('tag:fresh')).toEqual([3]);
    col.transact(() => col.db.run('delete from notes where id = 2'));
    expect(exact('apple')).toEqual([4]);
    expect(noteCache(col.db)!.size).toBe(3);
  });

  it('sees a rolled-back change undone, also after searching inside the transaction', () => {
    expect(exact('apple')).toEqual([1, 2]);
    expect(() =>
      col.transact(() => {
        col.db.run("update notes set flds = 'cherry\x1fback', sfld = 'cherry' where id = 1");
        col.db.run('delete from notes where id = 2');
        expect(search('cherry')).toEqual([1]);
        expect(search('apple')).toEqual([]);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(exact('apple')).toEqual([1, 2]);
    expect(exact('cherry')).toEqual([]);
    // A change alone (the row count stays).
    expect(() =>
      col.transact(() => {
        col.db.run("update notes set tags = ' gone ' where id = 1");
        expect(search('tag:gone')).toEqual([1]);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(exact('tag:gone')).toEqual([]);
    expect(exact('tag:food')).toEqual([1, 2]);
  });

  it('sees the table emptied without the update hook (truncate), then filled again', () => {
    expect(exact('apple')).toEqual([1, 2]);
    col.db.raw.run('delete from notes');
    expect(exact('apple')).toEqual([]);
    expect(exact('banana')).toEqual([]);
    // As many notes again, under other ids and with other text.
    note(11, 'apple tart');
    note(12, 'plum');
    note(13, 'kiwi');
    expect(exact('apple')).toEqual([11]);
    expect(exact('banana')).toEqual([]);
  });

  it('sees the table emptied and refilled with the same ids', () => {
    expect(exact('apple')).toEqual([1, 2]);
    col.db.raw.run('delete from notes');
    note(1, 'cherry');
    note(2, 'apple crumble');
    note(3, 'plum');
    expect(exact('apple')).toEqual([2]);
    expect(exact('banana')).toEqual([]);
  });

  it('sees notes whose id changed', () => {
    expect(exact('apple')).toEqual([1, 2]);
    col.transact(() => col.db.run('update notes set id = id + 100'));
    expect(exact('apple')).toEqual([101, 102]);
  });

  it('reads everything again after many changes', () => {
    expect(exact('apple')).toEqual([1, 2]);
    col.transact(() => {
      for (let id = 100; id < 300; id++) {
        col.db.run('insert into notes values (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, ?)', [id, `g${id}`, Number(notetypeByName(col, 'Basic')!.id), '', `apple ${id}\x1fx`, `apple ${id}`, '']);
      }
    });
    expect(exact('apple').length).toBe(202);
    expect(noteCache(col.db)!.size).toBe(203);
  });

  it('stays exact through many small deletions (and compacts its slots)', () => {
    const mid = Number(notetypeByName(col, 'Basic')!.id);
    col.transact(() => {
      for (let id = 100; id < 2100; id++) col.db.run('insert into notes values (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, ?)', [id, `g${id}`, mid, '', `pear ${id}\x1fx`, `pear ${id}`, '']);
    });
    expect(exact('pear').length).toBe(2000);
    for (let round = 0; round < 20; round++) {
      col.transact(() => col.db.run('delete from notes where id >= ? and id < ?', [100 + round * 60, 160 + round * 60]));
      expect(search('pear').length).toBe(2000 - 60 * (round + 1));
    }
    expect(exact('pear')).toEqual(Array.from({ length: 800 }, (_, i) => 1300 + i));
    expect(noteCache(col.db)!.ids.length).toBeLessThan(2000);
    expect(exact('apple')).toEqual([1, 2]);
  });

  it('tests cards through their notes, and drops cards whose note is gone', () => {
    insertCard(col, { id: 21, nid: 2, did: 1 });
    insertCard(col, { id: 22, nid: 2, did: 1, ord: 1, queue: -1 });
    insertCard(col, { id: 99, nid: 999, did: 1 });
    for (const query of ['apple', 'apple -is:suspended', 'juice or nid:999', '-apple']) {
      expect(findCardIds(col, query), query).toEqual(referenceIds(col, query, 'cards'));
    }
    expect(findCardIds(col, 'apple')).toEqual([21, 22]);
  });

  it('is not used for a collection with ids sql.js cannot report', () => {
    col.db.raw.run('insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) values (9007199254740993, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)', ['']);
    expect(exact('apple')).toEqual([1, 2]);
    expect(hasNoteCache(col.db)).toBe(false);
  });
});
