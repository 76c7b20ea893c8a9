/**
 * Yomitan's add flow (clients.md §1), request for request as Yomitan sends
 * them: version 2, so results come back bare and errors as {result, error}.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { handleRequest } from '../../../extension/background/handler.ts';
import { contextFor, newCollection } from '../../helpers/builders.ts';

let ctx: ActionContext;

/** One request exactly as Yomitan's anki-connect.js builds it. */
const yomitan = (action: string, params?: Record<string, unknown>) =>
  handleRequest(ctx, params === undefined ? { action, version: 2 } : { action, params, version: 2 });

const FIELDS = ['Word', 'Reading', 'Sentence', 'Audio'];

function note(fields: Record<string, string>, options: Record<string, unknown> = {}, deckName = 'Mock Deck') {
  return {
    fields,
    tags: ['yomitan'],
    deckName,
    modelName: 'Mock Model',
    options: {
      allowDuplicate: false,
      duplicateScope: 'collection',
      duplicateScopeOptions: { deckName: null, checkChildren: false, checkAllModels: false },
      ...options,
    },
  };
}

const full = { Word: '読む', Reading: 'よむ', Sentence: '本を<b>読む</b>。', Audio: '[sound:yomitan_audio.mp3]' };

beforeEach(async () => {
  ctx = contextFor(await newCollection());
  // Seed the deck and model the Yomitan integration test uses.
  expect(await yomitan('createDeck', { deck: 'Mock Deck' })).toBeTypeOf('number');
  const model = await yomitan('createModel', {
    modelName: 'Mock Model',
    inOrderFields: FIELDS,
    cardTemplates: [{ Name: 'Card 1', Front: '{{Word}}', Back: '{{FrontSide}}<hr>{{Reading}}' }],
  });
  expect(model).toMatchObject({ name: 'Mock Model' });
});

describe('Yomitan add flow (version 2)', () => {
  it('checks, adds, finds the duplicate, reads and overwrites the note', async () => {
    expect(await yomitan('version')).toBe(6);
    expect(await yomitan('deckNames', {})).toEqual(['Default', 'Mock Deck']);
    expect(await yomitan('modelNames', {})).toContain('Mock Model');
    expect(await yomitan('modelFieldNames', { modelName: 'Mock Model' })).toEqual(FIELDS);

    // Popup: first field only, duplicates not allowed.
    const probe = note({ Word: '読む' });
    expect(await yomitan('canAddNotesWithErrorDetail', { notes: [probe] })).toEqual([{ canAdd: true }]);
    expect(await yomitan('canAddNotes', { notes: [probe, { ...probe, options: { ...probe.options, allowDuplicate: true } }] })).toEqual([true, true]);

    // Add: a bare note id.
    const id = await yomitan('addNote', { note: note(full) });
    expect(typeof id).toBe('number');
    expect(String(id)).toMatch(/^\d{13}$/);

    // The next lookup sees the duplicate, by the error text Yomitan searches for.
    const [detail] = (await yomitan('canAddNotesWithErrorDetail', { notes: [probe] })) as { canAdd: boolean; error?: string }[];
    expect(detail!.canAdd).toBe(false);
    expect(detail!.error).toContain('cannot create note because it is a duplicate');
    expect(await yomitan('canAddNotes', { notes: [probe, { ...probe, options: { ...probe.options, allowDuplicate: true } }] })).toEqual([
      false,
      true,
    ]);

    // notesInfo: every item has a numeric noteId, fields {value, order}, tags and cards.
    const [info] = (await yomitan('notesInfo', { notes: [id] })) as Record<string, unknown>[];
    expect(info).toMatchObject({ noteId: id, modelName: 'Mock Model', tags: ['yomitan'] });
    expect(info!['fields']).toEqual({
      Word: { value: '読む', order: 0 },
      Reading: { value: 'よむ', order: 1 },
      Sentence: { value: '本を<b>読む</b>。', order: 2 },
      Audio: { value: '[sound:yomitan_audio.mp3]', order: 3 },
    });
    expect(info!['cards']).toHaveLength(1);

    // Overwrite mode.
    expect(await yomitan('updateNoteFields', { note: { id, fields: { Sentence: '新しい文。' } } })).toBeNull();
    const [after] = (await yomitan('notesInfo', { notes: [id] })) as { fields: Record<string, { value: string }> }[];
    expect(after!.fields['Sentence']!.value).toBe('新しい文。');
    expect(after!.fields['Word']!.value).toBe('読む');
  });

  it('uses deck scope with the root deck and its children ("deck-root" setting)', async () => {
    await yomitan('createDeck', { deck: 'Mock Deck::Sub' });
    await yomitan('createDeck', { deck: 'Other' });
    expect(await yomitan('addNote', { note: note(full, {}, 'Mock Deck::Sub') })).toBeTypeOf('number');
    const rootScope = {
      duplicateScope: 'deck',
      duplicateScopeOptions: { deckName: 'Mock Deck', checkChildren: true, checkAllModels: false },
    };
    const deckScope = { duplicateScope: 'deck', duplicateScopeOptions: { deckName: null, checkChildren: false, checkAllModels: false } };
    const result = await yomitan('canAddNotesWithErrorDetail', {
      notes: [note({ Word: '読む' }, rootScope, 'Mock Deck'), note({ Word: '読む' }, deckScope, 'Other'), note({ Word: '読む' }, deckScope, 'Mock Deck::Sub')],
    });
    expect(result).toEqual([
      { canAdd: false, error: 'cannot create note because it is a duplicate' },
      { canAdd: true },
      { canAdd: false, error: 'cannot create note because it is a duplicate' },
    ]);
  });

  it('adds in bulk (deck generator) and reports errors in the version-2 error shape', async () => {
    const ids = (await yomitan('addNotes', { notes: [note({ Word: 'a' }), note({ Word: 'b' })] })) as number[];
    expect(ids).toHaveLength(2);
    expect(await yomitan('addNotes', { notes: [note({ Word: 'c' }), note({ Word: 'a' })] })).toEqual({
      result: null,
      error: "['cannot create note because it is a duplicate']",
    });
    expect(await yomitan('addNote', { note: note({ Word: 'x' }, {}, 'No Such Deck') })).toEqual({
      result: null,
      error: 'deck was not found: No Such Deck',
    });
    expect(await yomitan('addNote', { note: note({ Word: '' }) })).toEqual({ result: null, error: 'cannot create note because it is empty' });
  });
});
