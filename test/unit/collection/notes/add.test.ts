import { describe, expect, it } from 'vitest';
import { addNote, addNotesOrNone, NotesNotAddedError } from '../../../../extension/collection/notes/add.ts';
import { getNoteRow } from '../../../../extension/collection/notes/rows.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { newField, newNotetype, newTemplate } from '../../../../extension/collection/notetypes/stock.ts';
import { saveNotetype } from '../../../../extension/collection/notetypes/lookup.ts';
import { NotetypeKind, type NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';

const basic = (col: Collection) => notetypeByName(col, 'Basic')!;

function addType(col: Collection, name: string, fields: string[], qfmts: string[]): NotetypeJson {
  const nt = newNotetype(
    TEST_NOW + 100,
    name,
    NotetypeKind.Standard,
    fields.map((f, i) => newField(f, i)),
    qfmts.map((q, i) => newTemplate(`Card ${i + 1}`, i, q, '{{FrontSide}}')),
    '',
    [],
  );
  col.transact(() => saveNotetype(col, nt));
  return nt;
}

describe('addNote (engine)', () => {
  it('writes the row as Anki does', async () => {
    const col = await newCollection();
    const nt = basic(col);
    const id = addNote(col, { nt, deckId: 1, fields: ['<b>hello</b>\r\n', 'back\x00'], tags: [' b  a ', 'A'] });
    expect(String(id)).toMatch(/^\d{13}$/);
    expect(id).toBe(TEST_NOW);
    const row = getNoteRow(col, id)!;
    expect(row).toMatchObject({
      mid: nt.id,
      mod: Math.floor(TEST_NOW / 1000),
      usn: -1,
      tags: ' a b ',
      flds: '<b>hello</b>\n\x1fback',
      sfld: 'hello\n',
      flags: 0,
      data: '',
    });
    expect(row.csum).toBe(
      // csum of the stripped, cleaned first field
      (await import('../../../../extension/collection/notes/text.ts')).fieldChecksum('hello\n'),
    );
    expect(row.guid.length).toBeGreaterThanOrEqual(8);
    const conf = col.col.get('conf');
    expect(conf[`_nt_${nt.id}_lastDeck`]).toBe(1);
    expect(conf['_deck_1_lastNotetype']).toBe(nt.id);
    expect(conf['curModel']).toBe(nt.id);
    expect(col.db.column('select ord from cards where nid = ?', [id])).toEqual([0]);
  });

  it('stores numeric sort fields as numbers (integer affinity)', async () => {
    const col = await newCollection();
    const id = addNote(col, { nt: basic(col), deckId: 1, fields: ['12', ''], tags: [] });
    expect(col.db.scalar('select typeof(sfld) from notes where id = ?', [id])).toBe('integer');
    expect(getNoteRow(col, id)!.tags).toBe('');
  });

  it('uses the sort field for sfld and the first field for csum', async () => {
    const col = await newCollection();
    const nt = basic(col);
    nt.sortf = 1;
    const id = addNote(col, { nt, deckId: 1, fields: ['hello', '<i>z</i>'], tags: [] });
    expect(getNoteRow(col, id)).toMatchObject({ sfld: 'z', csum: 2868168221 });
  });

  it('gives a note card 0 when no template would make a card', async () => {
    const col = await newCollection();
    const nt = addType(col, 'Two', ['A', 'B'], ['{{B}}', '{{#A}}{{B}}{{/A}}']);
    const id = addNote(col, { nt, deckId: 1, fields: ['a', ''], tags: [] });
    expect(col.db.column('select ord from cards where nid = ?', [id])).toEqual([0]);
    const id2 = addNote(col, { nt, deckId: 1, fields: ['a', 'b'], tags: [] });
    expect(col.db.column('select ord from cards where nid = ? order by ord', [id2])).toEqual([0, 1]);
  });

  it('puts the cards in the given deck and bumps ids past taken ones', async () => {
    const col = await newCollection();
    const did = getOrCreateDeck(col, 'Japanese::Words');
    const a = addNote(col, { nt: basic(col), deckId: did, fields: ['a', ''], tags: [] });
    const b = addNote(col, { nt: basic(col), deckId: did, fields: ['b', ''], tags: [] });
    expect(b).toBe(a + 1);
    expect(col.db.column('select distinct did from cards')).toEqual([did]);
  });
});

describe('addNotesOrNone', () => {
  it('adds all in one transaction', async () => {
    const col = await newCollection();
    let statements = 0;
    col.onCommit = (s) => (statements += s.length > 0 ? 1 : 0);
    const ids = addNotesOrNone(col, ['x', 'y', 'z'], (f) => ({ nt: basic(col), deckId: 1, fields: [f, ''], tags: ['t'] }));
    expect(ids).toHaveLength(3);
    expect(statements).toBe(1);
    expect(col.db.scalar('select count() from cards')).toBe(3);
  });

  it('rolls everything back when one fails, reporting every failure', async () => {
    const col = await newCollection();
    const before = col.export();
    let err: unknown;
    try {
      addNotesOrNone(col, ['x', 'bad1', 'y', 'bad2'], (f) => {
        if (f.startsWith('bad')) throw new Error(f);
        return { nt: basic(col), deckId: 1, fields: [f, ''], tags: ['new-tag'] };
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotesNotAddedError);
    expect((err as NotesNotAddedError).messages).toEqual(['bad1', 'bad2']);
    expect(col.db.scalar('select count() from notes')).toBe(0);
    expect(col.db.scalar('select count() from cards')).toBe(0);
    expect(col.col.get('tags')).toEqual({});
    expect(col.export()).toEqual(before);
  });

  it('writes nothing for an empty list', async () => {
    const col = await newCollection();
    let commits = 0;
    col.onCommit = () => commits++;
    expect(addNotesOrNone(col, [], () => ({ nt: basic(col), deckId: 1, fields: ['', ''], tags: [] }))).toEqual([]);
    expect(commits).toBe(0);
  });
});
