import { beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { addNote } from '../../../../extension/collection/notes/add.ts';
import { removeNotes } from '../../../../extension/collection/notes/remove.ts';
import { cardIdsOfNotes, getNoteRow } from '../../../../extension/collection/notes/rows.ts';
import { removeUnusedNotetypes } from '../../../../extension/collection/notes/unused-notetypes.ts';
import { updateNote } from '../../../../extension/collection/notes/update.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';

let col: Collection;
let commits: number;
beforeEach(async () => {
  col = await newCollection();
  commits = 0;
  col.onCommit = () => commits++;
});

const nt = (name: string) => notetypeByName(col, name)!;
const advance = (ms: number) => (col.clock as unknown as { advance(ms: number): void }).advance(ms);

describe('updateNote (engine)', () => {
  it('does nothing for an unknown or unchanged note', () => {
    const id = addNote(col, { nt: nt('Basic'), deckId: 1, fields: ['a', 'b'], tags: ['t'] });
    commits = 0;
    expect(updateNote(col, 1, { fields: ['x', 'y'] })).toBe(false);
    expect(updateNote(col, id, { fields: ['a', 'b'], tags: ['t'] })).toBe(false);
    expect(commits).toBe(0);
  });

  it('cleans fields, canonifies tags and bumps mod', () => {
    const id = addNote(col, { nt: nt('Basic'), deckId: 1, fields: ['a', 'b'], tags: ['Tag'] });
    advance(2000);
    expect(updateNote(col, id, { fields: ['<b>x\r</b>', 'e\u0301'], tags: ['tag', 'new'] })).toBe(true);
    expect(getNoteRow(col, id)).toMatchObject({
      flds: '<b>x</b>\x1f\u00e9',
      sfld: 'x',
      tags: ' new Tag ',
      mod: Math.floor(TEST_NOW / 1000) + 2,
      usn: -1,
    });
  });

  it('changes the note type and adds the cards the new type makes', () => {
    const id = addNote(col, { nt: nt('Basic'), deckId: 1, fields: ['a', 'b'], tags: [] });
    const target = nt('Basic (and reversed card)');
    expect(updateNote(col, id, { nt: target, fields: ['a', 'b'] })).toBe(true);
    expect(getNoteRow(col, id)!.mid).toBe(target.id);
    expect(col.db.column('select ord from cards where nid = ? order by ord', [id])).toEqual([0, 1]);
  });
});

describe('removeNotes (engine)', () => {
  it('removes cards then the note, with graves, and skips unknown ids', () => {
    const a = addNote(col, { nt: nt('Basic (and reversed card)'), deckId: 1, fields: ['a', 'b'], tags: [] });
    const b = addNote(col, { nt: nt('Basic'), deckId: 1, fields: ['c', ''], tags: [] });
    const cards = cardIdsOfNotes(col, [a, b]);
    commits = 0;
    expect(removeNotes(col, [5, a, a])).toBe(2);
    expect(col.db.rows('select oid, type, usn from graves')).toEqual([
      [cards.get(a)![0]!, 0, -1],
      [cards.get(a)![1]!, 0, -1],
      [a, 1, -1],
    ]);
    expect(col.db.column('select id from notes')).toEqual([b]);
    expect(removeNotes(col, [12345])).toBe(0);
    expect(commits).toBe(1);
  });
});

describe('cardIdsOfNotes', () => {
  it('batches past SQLite’s parameter limit and orders by ordinal', () => {
    const id = addNote(col, { nt: nt('Basic (and reversed card)'), deckId: 1, fields: ['a', 'b'], tags: [] });
    const many = [...Array.from({ length: 1500 }, (_, i) => i + 1), id];
    const map = cardIdsOfNotes(col, many);
    expect([...map.keys()]).toEqual([id]);
    expect(map.get(id)).toEqual(col.db.column('select id from cards where nid = ? order by ord', [id]));
  });
});

describe('removeUnusedNotetypes', () => {
  it('keeps used types, makes the oldest remaining current and marks the schema modified', () => {
    addNote(col, { nt: nt('Cloze'), deckId: 1, fields: ['{{c1::x}}', ''], tags: [] });
    addNote(col, { nt: nt('Basic (and reversed card)'), deckId: 1, fields: ['y', ''], tags: [] });
    advance(3000);
    expect(removeUnusedNotetypes(col)).toHaveLength(4);
    expect(Object.values(col.col.get('models')).map((m) => m.name).sort()).toEqual(['Basic (and reversed card)', 'Cloze']);
    expect(col.col.get('conf')['curModel']).toBe(nt('Basic (and reversed card)').id);
    expect(col.db.scalar('select scm from col')).toBe(TEST_NOW + 3000);
  });
});
