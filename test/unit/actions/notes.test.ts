import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../extension/collection/decks/add.ts';
import { notetypeByName } from '../../../extension/collection/notetypes/lookup.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';

let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  col = await newCollection();
  ctx = contextFor(col);
});

const NOW_SECS = Math.floor(TEST_NOW / 1000);

function basicNote(front: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { deckName: 'Default', modelName: 'Basic', fields: { Front: front, Back: 'back' }, ...extra };
}

const add = (note: Record<string, unknown>) => ok<number>(ctx, 'addNote', { note });
const addError = async (note: unknown) => (await call(ctx, 'addNote', { note })).error;
const noteRow = (id: number) => col.db.get<{ flds: string; tags: string; mod: number; mid: number; usn: number }>('select * from notes where id = ?', [id])!;
const cardOrds = (nid: number) => col.db.column<number>('select ord from cards where nid = ? order by ord', [nid]);
const noteCount = () => col.db.scalar('select count() from notes');

describe('addNote', () => {
  it('adds a note with 13-digit id, normalised tags and fields matched case-insensitively', async () => {
    const id = await add({ deckName: 'default', modelName: 'basic', fields: { front: 'hello', BACK: 'world' }, tags: [' b  a ', 'c'] });
    expect(String(id)).toMatch(/^\d{13}$/);
    expect(noteRow(id)).toMatchObject({ flds: 'hello\x1fworld', tags: ' a b c ', mod: NOW_SECS, usn: -1 });
    expect(cardOrds(id)).toEqual([0]);
    expect(col.db.scalar('select did from cards where nid = ?', [id])).toBe(1);
  });

  it('adds one card per non-empty template', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'a', Back: 'b' } });
    expect(cardOrds(id)).toEqual([0, 1]);
    const id2 = await add({ deckName: 'Default', modelName: 'Basic (optional reversed card)', fields: { Front: 'a', Back: 'b' } });
    expect(cardOrds(id2)).toEqual([0]);
  });

  it('gives card 0 when no template makes a card, as Anki does (so the "empty question" error never happens)', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Cloze', fields: { Text: 'no cloze here' }, options: { duplicateScope: 'deck' } });
    expect(cardOrds(id)).toEqual([0]);
  });

  it('reports an unknown model, then an unknown deck, without creating it', async () => {
    expect(await addError(basicNote('x', { modelName: 'Nope' }))).toBe('model was not found: Nope');
    expect(await addError(basicNote('x', { modelName: 'Nope', deckName: 'Missing' }))).toBe('model was not found: Nope');
    expect(await addError(basicNote('x', { deckName: 'Missing' }))).toBe('deck was not found: Missing');
    expect(await addError(basicNote('x', { modelName: 5 }))).toBe('model was not found: 5');
    expect(Object.values(col.col.get('decks')).map((d) => d.name)).toEqual(['Default']);
  });

  it("gives Python's errors for a malformed note", async () => {
    expect(await addError({ deckName: 'Default', modelName: 'Basic' })).toBe("'fields'");
    expect(await addError({ deckName: 'Default', fields: {} })).toBe("'modelName'");
    expect(await addError({ modelName: 'Basic', fields: {} })).toBe("'deckName'");
    expect(await addError('note')).toBe("string indices must be integers, not 'str'");
    expect(await addError([1])).toBe('list indices must be integers or slices, not str');
    expect(await addError(null)).toBe("'NoneType' object is not subscriptable");
    expect(await addError(basicNote('x', { fields: ['a'] }))).toBe("'list' object has no attribute 'items'");
    expect((await call(ctx, 'addNote', {})).error).toBe("AnkiConnect.addNote() missing 1 required positional argument: 'note'");
  });

  it('refuses non-string field values and malformed tags', async () => {
    expect(await addError(basicNote('x', { fields: { Front: 1 } }))).toBe('field value must be a string, not int: Front');
    expect(await addError(basicNote('x', { tags: 'a b' }))).toBe('Must provide tags as a list of strings');
    expect(await addError(basicNote('x', { tags: ['a', 1] }))).toBe('Must provide tags as a list of strings');
    expect(await add(basicNote('x', { tags: null }))).toBeTypeOf('number');
    expect(noteCount()).toBe(1);
  });

  it('refuses an empty first field', async () => {
    expect(await addError(basicNote(''))).toBe('cannot create note because it is empty');
    expect(await addError(basicNote(' <br> '))).toBe('cannot create note because it is empty');
    expect(await addError(basicNote('', { options: { allowDuplicate: true } }))).toBe('cannot create note because it is empty');
    expect(await addError(basicNote('  ', { options: { duplicateScope: 'deck' } }))).toBe('cannot create note because it is empty');
    expect(noteCount()).toBe(0);
  });

  it('refuses duplicates of the same note type unless allowed', async () => {
    await add(basicNote('hello'));
    expect(await addError(basicNote('<b>hello</b>'))).toBe('cannot create note because it is a duplicate');
    expect(await add({ ...basicNote('hello'), modelName: 'Basic (and reversed card)' })).toBeTypeOf('number');
    expect(await add(basicNote('hello', { options: { allowDuplicate: true } }))).toBeTypeOf('number');
    expect(noteCount()).toBe(3);
  });

  it('checks option types as AnkiConnect does', async () => {
    expect(await addError(basicNote('x', { options: { allowDuplicate: 1 } }))).toBe('option parameter "allowDuplicate" must be boolean');
    expect(await addError(basicNote('x', { options: { duplicateScopeOptions: { checkChildren: 'yes' } } }))).toBe(
      'option parameter "duplicateScopeOptions.checkChildren" must be boolean',
    );
    expect(await addError(basicNote('x', { options: { duplicateScopeOptions: { checkAllModels: null } } }))).toBe(
      'option parameter "duplicateScopeOptions.checkAllModels" must be boolean',
    );
    expect(await addError(basicNote('x', { options: null }))).toBe("argument of type 'NoneType' is not iterable");
  });

  it('limits duplicates to a deck (and its children) with duplicateScope "deck"', async () => {
    const words = getOrCreateDeck(col, 'Words');
    getOrCreateDeck(col, 'Words::Sub');
    await add(basicNote('cat', { deckName: 'Words::Sub' }));
    const deckScope = (deckName: string, scopeOptions?: Record<string, unknown>) =>
      basicNote('cat', { deckName, options: { duplicateScope: 'deck', ...(scopeOptions ? { duplicateScopeOptions: scopeOptions } : {}) } });
    expect(await addError(deckScope('Words::Sub'))).toBe('cannot create note because it is a duplicate');
    expect((await call(ctx, 'canAddNote', { note: deckScope('Words') })).result).toBe(true);
    expect((await call(ctx, 'canAddNote', { note: deckScope('Words', { checkChildren: true }) })).result).toBe(false);
    expect((await call(ctx, 'canAddNote', { note: deckScope('Default', { deckName: 'Words::Sub' }) })).result).toBe(false);
    expect((await call(ctx, 'canAddNote', { note: deckScope('Default', { deckName: 'Words', checkChildren: true }) })).result).toBe(false);
    // upstream: a scope deck that does not exist means "not a duplicate".
    expect((await call(ctx, 'canAddNote', { note: deckScope('Words::Sub', { deckName: 'Nope' }) })).result).toBe(true);
    // Any other scope is the whole collection.
    expect((await call(ctx, 'canAddNote', { note: basicNote('cat', { options: { duplicateScope: 'collection' } }) })).result).toBe(false);
    expect(words).toBeGreaterThan(0);
  });

  it('checks every note type with checkAllModels', async () => {
    await add(basicNote('dog'));
    const other = { deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'dog' } };
    expect((await call(ctx, 'canAddNote', { note: other })).result).toBe(true);
    const all = { ...other, options: { duplicateScopeOptions: { checkAllModels: true } } };
    expect(await addError(all)).toBe('cannot create note because it is a duplicate');
  });

  it('reports cloze problems as an unknown reason', async () => {
    expect(await addError(basicNote('{{c1::x}}'))).toBe('cannot create note for unknown reason');
    expect(await addError({ deckName: 'Default', modelName: 'Cloze', fields: { Text: 'none' } })).toBe('cannot create note for unknown reason');
    const id = await add({ deckName: 'Default', modelName: 'Cloze', fields: { Text: '{{c1::a}} {{c3::b}}' } });
    expect(cardOrds(id)).toEqual([0, 2]);
  });

  it('stores attached media into the fields (test/unit/actions/note-media.test.ts has the rest), and accepts empty media', async () => {
    const id = await add(basicNote('m', { picture: { data: 'eA==', filename: 'p.png', fields: ['Back'] } }));
    expect(noteRow(id).flds).toBe('m\x1fback<img src="p.png">');
    expect(await add(basicNote('n', { audio: [], video: null, picture: [null] }))).toBeTypeOf('number');
  });

  it('remembers the deck and note type as Anki does', async () => {
    const did = getOrCreateDeck(col, 'Lang');
    const nt = notetypeByName(col, 'Basic (and reversed card)')!;
    await add({ deckName: 'Lang', modelName: nt.name, fields: { Front: 'a' } });
    const conf = col.col.get('conf');
    expect(conf['curModel']).toBe(nt.id);
    expect(conf[`_nt_${nt.id}_lastDeck`]).toBe(did);
    expect(conf[`_deck_${did}_lastNotetype`]).toBe(nt.id);
  });
});

describe('addNotes', () => {
  it('adds all notes and returns their ids in order', async () => {
    const ids = await ok<number[]>(ctx, 'addNotes', { notes: [basicNote('a'), basicNote('b', { tags: ['t'] })] });
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(noteRow(ids[1]!).tags).toBe(' t ');
  });

  it('adds nothing when any note fails, and lists every error as Python prints a list', async () => {
    await add(basicNote('dup'));
    const r = await call(ctx, 'addNotes', {
      notes: [basicNote('new1'), basicNote('dup'), basicNote('new2', { modelName: 'Nope' }), { deckName: 'Default', modelName: 'Basic' }],
    });
    expect(r).toEqual({
      result: null,
      error: "['cannot create note because it is a duplicate', 'model was not found: Nope', \"'fields'\"]",
    });
    expect(noteCount()).toBe(1);
    expect(col.db.scalar('select count() from cards')).toBe(1);
  });

  it('counts an earlier note of the same batch as a duplicate', async () => {
    const r = await call(ctx, 'addNotes', { notes: [basicNote('same'), basicNote('same')] });
    expect(r.error).toBe("['cannot create note because it is a duplicate']");
    expect(noteCount()).toBe(0);
  });

  it('takes an empty list, and refuses a non-list', async () => {
    expect(await ok(ctx, 'addNotes', { notes: [] })).toEqual([]);
    expect((await call(ctx, 'addNotes', { notes: 5 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'addNotes', { notes: null })).error).toBe("'NoneType' object is not iterable");
  });

  it('adds 10,000 notes quickly in one transaction', async () => {
    let commits = 0;
    col.onCommit = () => commits++;
    const notes = Array.from({ length: 10_000 }, (_, i) => basicNote(`word ${i}`, { tags: ['yomitan'] }));
    const t = performance.now();
    const ids = await ok<number[]>(ctx, 'addNotes', { notes });
    const ms = performance.now() - t;
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(commits).toBe(1);
    expect(col.db.scalar('select count() from cards')).toBe(10_000);
    // Generous for a shared test machine; the engine alone takes well under 2 s.
    expect(ms).toBeLessThan(10_000);
  });
});

describe('canAddNote(s) and their error details', () => {
  it('answers without adding', async () => {
    await add(basicNote('seen'));
    const notes = [basicNote('fresh'), basicNote('seen'), basicNote(''), { modelName: 'Basic' }];
    expect(await ok(ctx, 'canAddNotes', { notes })).toEqual([true, false, false, false]);
    expect(await ok(ctx, 'canAddNotesWithErrorDetail', { notes })).toEqual([
      { canAdd: true },
      { canAdd: false, error: 'cannot create note because it is a duplicate' },
      { canAdd: false, error: 'cannot create note because it is empty' },
      { canAdd: false, error: "'deckName'" },
    ]);
    expect(await ok(ctx, 'canAddNote', { note: basicNote('fresh') })).toBe(true);
    expect(await ok(ctx, 'canAddNote', { note: 'junk' })).toBe(false);
    expect(await ok(ctx, 'canAddNoteWithErrorDetail', { note: basicNote('seen') })).toEqual({
      canAdd: false,
      error: 'cannot create note because it is a duplicate',
    });
    expect(await ok(ctx, 'canAddNoteWithErrorDetail', { note: basicNote('x', { options: { allowDuplicate: true } }) })).toEqual({ canAdd: true });
    expect(noteCount()).toBe(1);
    expect((await call(ctx, 'canAddNotes', { notes: 1 })).error).toBe("'int' object is not iterable");
  });
});

describe('updateNoteFields', () => {
  it('changes only the named fields (exact names), bumps mod and keeps cards', async () => {
    const id = await add(basicNote('front'));
    const clock = col.clock as unknown as { advance(ms: number): void };
    clock.advance(5000);
    expect(await ok(ctx, 'updateNoteFields', { note: { id, fields: { Back: 'new <b>back</b>', front: 'ignored', Nope: 'x' } } })).toBeNull();
    expect(noteRow(id)).toMatchObject({ flds: 'front\x1fnew <b>back</b>', mod: NOW_SECS + 5, usn: -1 });
    expect(cardOrds(id)).toEqual([0]);
  });

  it('writes nothing when nothing changes', async () => {
    const id = await add(basicNote('front'));
    (col.clock as unknown as { advance(ms: number): void }).advance(5000);
    let commits = 0;
    col.onCommit = () => commits++;
    await ok(ctx, 'updateNoteFields', { note: { id, fields: { Front: 'front' } } });
    expect(noteRow(id).mod).toBe(NOW_SECS);
    expect(commits).toBe(0);
  });

  it('recomputes sfld/csum and generates the cards the new content makes', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Basic (optional reversed card)', fields: { Front: 'a', Back: 'b' } });
    expect(cardOrds(id)).toEqual([0]);
    await ok(ctx, 'updateNoteFields', { note: { id, fields: { 'Add Reverse': 'y', Front: '<i>hello</i>' } } });
    expect(cardOrds(id)).toEqual([0, 1]);
    expect(col.db.get('select sfld, csum from notes where id = ?', [id])).toEqual({ sfld: 'hello', csum: 2868168221 });
  });

  it('reports a missing or unknown note and bad input', async () => {
    expect((await call(ctx, 'updateNoteFields', { note: { id: 123, fields: {} } })).error).toBe('Note was not found: 123');
    expect((await call(ctx, 'updateNoteFields', { note: { fields: {} } })).error).toBe("'id'");
    const id = await add(basicNote('x'));
    expect((await call(ctx, 'updateNoteFields', { note: { id } })).error).toBe("'fields'");
    expect((await call(ctx, 'updateNoteFields', { note: { id, fields: { Front: 2 } } })).error).toBe('field value must be a string, not int: Front');
    expect((await call(ctx, 'updateNoteFields', { note: { id, fields: {}, audio: 5 } })).error).toBe("'int' object is not subscriptable");
  });
});

describe('updateNote', () => {
  it('updates fields and tags', async () => {
    const id = await add(basicNote('a', { tags: ['old'] }));
    expect(await ok(ctx, 'updateNote', { note: { id, fields: { Back: 'B' }, tags: ['x', 'Y'] } })).toBeNull();
    expect(noteRow(id)).toMatchObject({ flds: 'a\x1fB', tags: ' x Y ' });
    await ok(ctx, 'updateNote', { note: { id, tags: [] } });
    expect(noteRow(id).tags).toBe('');
  });

  it('needs fields or tags', async () => {
    const id = await add(basicNote('a'));
    expect((await call(ctx, 'updateNote', { note: { id } })).error).toBe('Must provide a "fields" or "tags" property.');
    expect((await call(ctx, 'updateNote', { note: [] })).error).toBe("'list' object has no attribute 'keys'");
  });

  it('keeps the new fields when the tags are then refused (as upstream)', async () => {
    const id = await add(basicNote('a', { tags: ['keep'] }));
    expect((await call(ctx, 'updateNote', { note: { id, fields: { Back: 'saved' }, tags: [1] } })).error).toBe(
      'Must provide tags as a list of strings',
    );
    expect(noteRow(id)).toMatchObject({ flds: 'a\x1fsaved', tags: ' keep ' });
  });
});

describe('updateNoteModel', () => {
  const change = (note: unknown) => call(ctx, 'updateNoteModel', { note });

  it('moves a note to another type, mapping fields by name and keeping cards by ordinal', async () => {
    const id = await add(basicNote('front', { tags: ['t'] }));
    const target = notetypeByName(col, 'Basic (and reversed card)')!;
    expect((await change({ id, modelName: target.name, fields: { FRONT: 'F', back: 'B', other: 'x' } })).error).toBeNull();
    expect(noteRow(id)).toMatchObject({ mid: target.id, flds: 'F\x1fB', tags: '' });
    expect(cardOrds(id)).toEqual([0, 1]);
  });

  it('empties fields that are not given, and keeps given tags', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'a', Back: 'b' } });
    await ok(ctx, 'updateNoteModel', { note: { id, modelName: 'Basic', fields: { Front: 'only' }, tags: ['k'] } });
    expect(noteRow(id)).toMatchObject({ flds: 'only\x1f', tags: ' k ' });
    // Cards follow by ordinal: the old second card stays.
    expect(cardOrds(id)).toEqual([0, 1]);
  });

  it('gives the upstream errors in the upstream order', async () => {
    const id = await add(basicNote('a'));
    expect((await change({ modelName: 'Basic', fields: { Front: 'x' } })).error).toBe('Note ID is required');
    expect((await change({ id: 0, modelName: 'Basic', fields: { Front: 'x' } })).error).toBe('Note ID is required');
    expect((await change({ id, fields: { Front: 'x' } })).error).toBe('Model name is required');
    expect((await change({ id, modelName: 'Basic', fields: {} })).error).toBe('Fields must be provided as a dictionary');
    expect((await change({ id, modelName: 'Basic', fields: ['x'] })).error).toBe('Fields must be provided as a dictionary');
    expect((await change({ id: 99, modelName: 'Nope', fields: { Front: 'x' } })).error).toBe('Note was not found: 99');
    expect((await change({ id, modelName: 'Nope', fields: { Front: 'x' } })).error).toBe("Model 'Nope' not found");
    expect((await change([1])).error).toBe("'list' object has no attribute 'get'");
    expect(noteRow(id).flds).toBe('a\x1fback');
  });
});

describe('notesInfo', () => {
  it('returns the upstream shape, with {} for unknown ids', async () => {
    const id = await add({ deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'f', Back: 'b' }, tags: ['z', 'a'] });
    const cards = col.db.column<number>('select id from cards where nid = ? order by ord', [id]);
    const info = await ok(ctx, 'notesInfo', { notes: [id, 42] });
    expect(info).toEqual([
      {
        noteId: id,
        profile: 'User 1',
        tags: ['a', 'z'],
        fields: { Front: { value: 'f', order: 0 }, Back: { value: 'b', order: 1 } },
        modelName: 'Basic (and reversed card)',
        mod: NOW_SECS,
        cards,
      },
      {},
    ]);
    expect(Object.keys((info as Record<string, unknown>[])[0]!)).toEqual(['noteId', 'profile', 'tags', 'fields', 'modelName', 'mod', 'cards']);
  });

  it('needs notes or a query', async () => {
    expect((await call(ctx, 'notesInfo', {})).error).toBe('Must provide either "notes" or a "query"');
    expect(await ok(ctx, 'notesInfo', { notes: [] })).toEqual([]);
    expect((await call(ctx, 'notesInfo', { notes: ['x'] })).error).toBe("'str' object cannot be interpreted as an integer");
  });

  it('finds the notes of a query (and the query wins over notes)', async () => {
    const a = await add(basicNote('apple'));
    await add(basicNote('pear'));
    const info = (await ok(ctx, 'notesInfo', { notes: [1, 2, 3], query: 'front:apple' })) as { noteId: number }[];
    expect(info.map((n) => n.noteId)).toEqual([a]);
    expect(await ok(ctx, 'notesInfo', { query: 'nothing-matches-this' })).toEqual([]);
    expect((await call(ctx, 'notesInfo', { query: 5 })).error).toBe('query must be a string, not int');
  });
});

describe('notesModTime', () => {
  it('returns noteId and mod, {} for unknown ids', async () => {
    const id = await add(basicNote('a'));
    expect(await ok(ctx, 'notesModTime', { notes: [id, 7] })).toEqual([{ noteId: id, mod: NOW_SECS }, {}]);
  });
});

describe('deleteNotes', () => {
  it('deletes notes and their cards and writes graves', async () => {
    const keep = await add(basicNote('keep'));
    const gone = await add({ deckName: 'Default', modelName: 'Basic (and reversed card)', fields: { Front: 'x', Back: 'y' } });
    const cards = col.db.column<number>('select id from cards where nid = ? order by id', [gone]);
    expect(await ok(ctx, 'deleteNotes', { notes: [gone, 999] })).toBeNull();
    expect(col.db.column('select id from notes')).toEqual([keep]);
    expect(col.db.scalar('select count() from cards where nid = ?', [gone])).toBe(0);
    expect(col.db.rows('select usn, oid, type from graves')).toEqual([
      [-1, cards[0]!, 0],
      [-1, cards[1]!, 0],
      [-1, gone, 1],
    ]);
    expect((await call(ctx, 'deleteNotes', { notes: 5 })).error).toBe("'int' object is not iterable");
  });
});

describe('removeEmptyNotes', () => {
  it('removes every note type without notes (stock ones too)', async () => {
    await add(basicNote('a'));
    const basic = notetypeByName(col, 'Basic')!;
    const cloze = notetypeByName(col, 'Cloze')!;
    col.transact(() => {
      const conf = col.col.get('conf');
      conf[`_nt_${cloze.id}_lastDeck`] = 1;
      conf['curModel'] = cloze.id;
      col.col.save('conf', conf, col.nowMs());
    });
    (col.clock as unknown as { advance(ms: number): void }).advance(1000);
    expect(await ok(ctx, 'removeEmptyNotes')).toBeNull();
    expect(Object.values(col.col.get('models')).map((m) => m.name)).toEqual(['Basic']);
    const conf = col.col.get('conf');
    expect(conf['curModel']).toBe(basic.id);
    expect(conf[`_nt_${cloze.id}_lastDeck`]).toBeUndefined();
    expect(conf[`_nt_${basic.id}_lastDeck`]).toBe(1);
    expect(col.col.scalars().scm).toBe(TEST_NOW + 1000);
  });

  it('adds a new Basic when no note type is left', async () => {
    (col.clock as unknown as { advance(ms: number): void }).advance(60_000);
    await ok(ctx, 'removeEmptyNotes');
    const models = Object.values(col.col.get('models'));
    expect(models.map((m) => m.name)).toEqual(['Basic']);
    expect(models[0]!.id).toBe(TEST_NOW + 60_000);
    expect(models[0]).toMatchObject({ usn: -1, mod: NOW_SECS + 60 });
    expect(col.col.get('conf')['curModel']).toBe(models[0]!.id);
    expect(await ok(ctx, 'addNote', { note: basicNote('works') })).toBeTypeOf('number');
  });

  it('changes nothing when every note type is used', async () => {
    await add(basicNote('used'));
    await ok(ctx, 'removeEmptyNotes');
    let commits = 0;
    col.onCommit = () => commits++;
    await ok(ctx, 'removeEmptyNotes');
    expect(commits).toBe(0);
  });
});
