/** Field actions of the note type group, seen through the API. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { fieldChecksum } from '../../../extension/collection/notes/text.ts';
import { notetypeByName } from '../../../extension/collection/notetypes/lookup.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { insertNote, noteRow } from '../collection/notetypes/note-rows.ts';

const LATER = TEST_NOW + 7000;
let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  const clock = fixedClock(TEST_NOW);
  col = await newCollection(clock);
  ctx = contextFor(col);
  clock.set(LATER);
});

const nt = (name: string) => notetypeByName(col, name)!;
const fieldNames = (name: string) => nt(name).flds.map((f) => f.name);
const curModel = () => (col.col.get('conf') as { curModel: unknown }).curModel;
const scm = () => col.db.scalar('select scm from col') as number;

describe('reading fields', () => {
  it('modelFieldNames, modelFieldDescriptions and modelFieldFonts', async () => {
    expect(await ok(ctx, 'modelFieldNames', { modelName: 'basic (optional reversed card)' })).toEqual(['Front', 'Back', 'Add Reverse']);
    nt('Basic').flds[1]!.description = 'the answer';
    expect(await ok(ctx, 'modelFieldDescriptions', { modelName: 'Basic' })).toEqual(['', 'the answer']);
    delete (nt('Basic').flds[0] as { description?: string }).description;
    expect(await ok(ctx, 'modelFieldDescriptions', { modelName: 'Basic' })).toEqual(['', '']);
    expect(await ok(ctx, 'modelFieldFonts', { modelName: 'Cloze' })).toEqual({
      Text: { font: 'Arial', size: 20 },
      'Back Extra': { font: 'Arial', size: 20 },
    });
  });

  it('modelFieldsOnTemplates lists fields per side as AnkiConnect\'s regex sees them', async () => {
    expect(await ok(ctx, 'modelFieldsOnTemplates', { modelName: 'Basic (and reversed card)' })).toEqual({
      'Card 1': [['Front'], ['Back']],
      'Card 2': [['Back'], ['Front']],
    });
    expect(await ok(ctx, 'modelFieldsOnTemplates', { modelName: 'Basic (optional reversed card)' })).toEqual({
      'Card 1': [['Front'], ['Back']],
      'Card 2': [['Back'], ['Front']],
    });
    // upstream quirks: {{^F}} is listed with its caret, repeats stay, {{FrontSide}} is skipped
    Object.assign(nt('Basic').tmpls[0]!, { qfmt: '{{^Back}}{{Front}}{{/Back}}{{text:Front}}', afmt: '{{FrontSide}}{{Front}}{{ Back }}' });
    expect(await ok(ctx, 'modelFieldsOnTemplates', { modelName: 'Basic' })).toEqual({
      'Card 1': [['^Back', 'Front', 'Front'], [' Back ']],
    });
    expect(await ok(ctx, 'modelFieldsOnTemplates', { modelName: 'Basic (type in the answer)' })).toEqual({
      'Card 1': [['Front', 'Back'], []],
    });
  });

  it('each says when the note type is missing', async () => {
    for (const action of ['modelFieldNames', 'modelFieldDescriptions', 'modelFieldFonts', 'modelFieldsOnTemplates']) {
      expect(await call(ctx, action, { modelName: 'Nope' })).toEqual({ result: null, error: 'model was not found: Nope' });
    }
  });
});

describe('modelFieldRename', () => {
  it('renames the field and its template references, keeps note data, makes the type current', async () => {
    const nid = insertNote(col, nt('Basic'), ['f', 'b']);
    expect(await call(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'Front', newFieldName: 'Word' })).toEqual({
      result: null,
      error: null,
    });
    expect(fieldNames('Basic')).toEqual(['Word', 'Back']);
    expect(nt('Basic').tmpls[0]!.qfmt).toBe('{{Word}}');
    expect(noteRow(col, nid).flds).toBe('f\x1fb');
    expect(curModel()).toBe(nt('Basic').id);
    expect(nt('Basic').mod).toBe(Math.floor(LATER / 1000));
  });

  it('appends + when the new name is taken; refuses unknown fields (case-sensitive) and empty names', async () => {
    await ok(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'Back', newFieldName: 'FRONT' });
    expect(fieldNames('Basic')).toEqual(['Front', 'FRONT+']);
    expect(await call(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'front', newFieldName: 'x' })).toEqual({
      result: null,
      error: 'field was not found in Basic: front',
    });
    expect((await call(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'Front', newFieldName: '' })).error).toBe('Empty field name');
    expect((await call(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'Front', newFieldName: 3 })).error).toBe(
      'invalid type: integer `3`, expected a string',
    );
    expect((await call(ctx, 'modelFieldRename', { modelName: 'x', oldFieldName: 'Front', newFieldName: 'y' })).error).toBe('model was not found: x');
  });
});

describe('modelFieldReposition', () => {
  it('moves note data with the field; the sort field follows', async () => {
    const nid = insertNote(col, nt('Basic (optional reversed card)'), ['f', 'b', 'r']);
    await ok(ctx, 'modelFieldReposition', { modelName: 'Basic (optional reversed card)', fieldName: 'Add Reverse', index: 0 });
    expect(fieldNames('Basic (optional reversed card)')).toEqual(['Add Reverse', 'Front', 'Back']);
    expect(nt('Basic (optional reversed card)').sortf).toBe(1);
    expect(noteRow(col, nid)).toMatchObject({ flds: 'r\x1ff\x1fb', sfld: 'f', csum: fieldChecksum('r'), usn: -1 });
    expect(scm()).toBe(LATER);
  });

  it('uses Python list.insert positions and refuses non-integer indexes', async () => {
    await ok(ctx, 'modelFieldReposition', { modelName: 'Basic (optional reversed card)', fieldName: 'Front', index: 99 });
    expect(fieldNames('Basic (optional reversed card)')).toEqual(['Back', 'Add Reverse', 'Front']);
    await ok(ctx, 'modelFieldReposition', { modelName: 'Basic (optional reversed card)', fieldName: 'Front', index: -1 });
    expect(fieldNames('Basic (optional reversed card)')).toEqual(['Back', 'Front', 'Add Reverse']);
    const bad = await call(ctx, 'modelFieldReposition', { modelName: 'Basic', fieldName: 'Front', index: '1' });
    expect(bad.error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'modelFieldReposition', { modelName: 'Basic', fieldName: 'Nope', index: 0 })).error).toBe(
      'field was not found in Basic: Nope',
    );
  });
});

describe('modelFieldAdd', () => {
  it('appends an empty field to every note, or inserts it at index', async () => {
    const nid = insertNote(col, nt('Basic'), ['f', 'b']);
    await ok(ctx, 'modelFieldAdd', { modelName: 'Basic', fieldName: 'Extra' });
    expect(fieldNames('Basic')).toEqual(['Front', 'Back', 'Extra']);
    expect(noteRow(col, nid).flds).toBe('f\x1fb\x1f');
    await ok(ctx, 'modelFieldAdd', { modelName: 'Basic', fieldName: 'First', index: 0 });
    expect(fieldNames('Basic')).toEqual(['First', 'Front', 'Back', 'Extra']);
    expect(noteRow(col, nid)).toMatchObject({ flds: '\x1ff\x1fb\x1f', csum: fieldChecksum(''), sfld: 'f' });
    expect(nt('Basic').sortf).toBe(1);
    expect(curModel()).toBe(nt('Basic').id);
  });

  it('repositions a field that already exists instead of adding it', async () => {
    await ok(ctx, 'modelFieldAdd', { modelName: 'Basic', fieldName: 'Back', index: 0 });
    expect(fieldNames('Basic')).toEqual(['Back', 'Front']);
    await ok(ctx, 'modelFieldAdd', { modelName: 'Basic', fieldName: 'back' });
    expect(fieldNames('Basic')).toEqual(['Back', 'Front', 'back+']);
  });

  it('refuses a missing model and a non-string name', async () => {
    expect((await call(ctx, 'modelFieldAdd', { modelName: 'Nope', fieldName: 'x' })).error).toBe('model was not found: Nope');
    expect((await call(ctx, 'modelFieldAdd', { modelName: 'Basic', fieldName: 5 })).error).toBe('field name should be a string: 5');
  });
});

describe('modelFieldRemove', () => {
  it('drops the field\'s data from every note and its references from templates', async () => {
    const name = 'Basic (optional reversed card)';
    const nid = insertNote(col, nt(name), ['f', 'b', 'y']);
    await ok(ctx, 'modelFieldRemove', { modelName: name, fieldName: 'Add Reverse' });
    const m = nt(name);
    expect(m.flds.map((f) => [f.name, f.ord])).toEqual([
      ['Front', 0],
      ['Back', 1],
    ]);
    expect(m.tmpls[1]!.qfmt).toBe('{{Back}}');
    expect(m.req).toEqual([
      [0, 'any', [0]],
      [1, 'any', [1]],
    ]);
    expect(noteRow(col, nid)).toMatchObject({ flds: 'f\x1fb', sfld: 'f', csum: fieldChecksum('f') });
  });

  it('is refused, as in Anki, when it would leave two templates with the same front', async () => {
    const nid = insertNote(col, nt('Basic (and reversed card)'), ['f', 'b']);
    const { error } = await call(ctx, 'modelFieldRemove', { modelName: 'Basic (and reversed card)', fieldName: 'Front' });
    expect(error).toBe(
      "Card template \u20682\u2069 in note type '\u2068Basic (and reversed card)\u2069' has a problem.<br>The front side is identical to card template \u20681\u2069.",
    );
    expect(fieldNames('Basic (and reversed card)')).toEqual(['Front', 'Back']);
    expect(noteRow(col, nid).flds).toBe('f\x1fb');
  });

  it('refuses to remove the last field, and unknown fields', async () => {
    await ok(ctx, 'modelFieldRemove', { modelName: 'Basic', fieldName: 'Back' });
    expect(await call(ctx, 'modelFieldRemove', { modelName: 'Basic', fieldName: 'Front' })).toEqual({ result: null, error: '1 field required' });
    expect(fieldNames('Basic')).toEqual(['Front']);
    expect((await call(ctx, 'modelFieldRemove', { modelName: 'Basic', fieldName: 'Back' })).error).toBe('field was not found in Basic: Back');
  });
});

describe('font, size and description', () => {
  it('set the field\'s settings; set description returns true', async () => {
    await ok(ctx, 'modelFieldSetFont', { modelName: 'Basic', fieldName: 'Back', font: 'Noto Serif' });
    await ok(ctx, 'modelFieldSetFontSize', { modelName: 'Basic', fieldName: 'Back', fontSize: 32 });
    expect(await call(ctx, 'modelFieldSetDescription', { modelName: 'Basic', fieldName: 'Back', description: 'meaning' })).toEqual({
      result: true,
      error: null,
    });
    expect(nt('Basic').flds[1]).toMatchObject({ font: 'Noto Serif', size: 32, description: 'meaning' });
    expect(await ok(ctx, 'modelFieldFonts', { modelName: 'Basic' })).toEqual({
      Front: { font: 'Arial', size: 20 },
      Back: { font: 'Noto Serif', size: 32 },
    });
  });

  it('check their values after the model and field', async () => {
    const err = async (action: string, params: Record<string, unknown>) => (await call(ctx, action, { modelName: 'Basic', fieldName: 'Back', ...params })).error;
    expect(await err('modelFieldSetFont', { font: 12 })).toBe('font should be a string: 12');
    expect(await err('modelFieldSetFontSize', { fontSize: '12' })).toBe('fontSize should be an integer: 12');
    expect(await err('modelFieldSetFontSize', { fontSize: 1.5 })).toBe('fontSize should be an integer: 1.5');
    expect(await err('modelFieldSetFontSize', { fontSize: -1 })).toBe('invalid value: integer `-1`, expected u16');
    expect(await err('modelFieldSetDescription', { description: null })).toBe('description should be a string: None');
    expect(await err('modelFieldSetFont', { fieldName: 'Nope', font: 3 })).toBe('field was not found in Basic: Nope');
    expect(await err('modelFieldSetFontSize', { modelName: 'Nope', fontSize: 3 })).toBe('model was not found: Nope');
    expect(nt('Basic').flds[1]).toMatchObject({ font: 'Arial', size: 20, description: '' });
  });
});

describe('through the note actions', () => {
  it('a renamed and moved field keeps each note\'s text', async () => {
    const added = await call(ctx, 'addNote', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'q', Back: 'a' } } });
    expect(added.error).toBeNull();
    await ok(ctx, 'modelFieldRename', { modelName: 'Basic', oldFieldName: 'Back', newFieldName: 'Answer' });
    await ok(ctx, 'modelFieldReposition', { modelName: 'Basic', fieldName: 'Answer', index: 0 });
    const [info] = (await ok(ctx, 'notesInfo', { notes: [added.result] })) as { fields: Record<string, { value: string; order: number }> }[];
    expect(info!.fields).toEqual({ Answer: { value: 'a', order: 0 }, Front: { value: 'q', order: 1 } });
  });
});

