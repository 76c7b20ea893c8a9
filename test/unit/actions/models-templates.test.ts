/** Template and styling actions of the note type group, seen through the API. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { notetypeByName } from '../../../extension/collection/notetypes/lookup.ts';
import { DEFAULT_CSS } from '../../../extension/collection/notetypes/stock.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { cardRows, graves, insertNote } from '../collection/notetypes/note-rows.ts';

const LATER = TEST_NOW + 11_000;
const REVERSED = 'Basic (and reversed card)';
const OPTIONAL = 'Basic (optional reversed card)';
let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  const clock = fixedClock(TEST_NOW);
  col = await newCollection(clock);
  ctx = contextFor(col);
  clock.set(LATER);
});

const nt = (name: string) => notetypeByName(col, name)!;
const templateNames = (name: string) => nt(name).tmpls.map((t) => t.name);
const ords = (nid: number) => cardRows(col, nid).map((c) => c.ord);
const scm = () => col.db.scalar('select scm from col') as number;

describe('reading', () => {
  it('modelTemplates and modelStyling', async () => {
    expect(await ok(ctx, 'modelTemplates', { modelName: 'Basic' })).toEqual({
      'Card 1': { Front: '{{Front}}', Back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
    });
    expect(await ok(ctx, 'modelStyling', { modelName: 'basic' })).toEqual({ css: DEFAULT_CSS });
    expect((await call(ctx, 'modelTemplates', { modelName: 'x' })).error).toBe('model was not found: x');
    expect((await call(ctx, 'modelStyling', { modelName: 'x' })).error).toBe('model was not found: x');
  });
});

describe('updateModelTemplates', () => {
  it('replaces the sides given (empty ones stay), ignores unknown templates, returns null', async () => {
    expect(
      await call(ctx, 'updateModelTemplates', {
        model: { name: REVERSED, templates: { 'Card 1': { Front: '<b>{{Front}}</b>', Back: '' }, Nope: { Front: 'x' } } },
      }),
    ).toEqual({ result: null, error: null });
    expect(nt(REVERSED).tmpls[0]).toMatchObject({ qfmt: '<b>{{Front}}</b>', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' });
    expect(nt(REVERSED).mod).toBe(Math.floor(LATER / 1000));
  });

  it('generates the cards a changed front now calls for', async () => {
    const nid = insertNote(col, nt(OPTIONAL), ['f', 'b', '']);
    await ok(ctx, 'updateModelTemplates', { model: { name: OPTIONAL, templates: { 'Card 2': { Front: '{{Back}}' } } } });
    expect(ords(nid)).toEqual([0, 1]);
  });

  it('refuses bad input and invalid templates, changing nothing', async () => {
    const err = async (model: unknown) => (await call(ctx, 'updateModelTemplates', { model })).error;
    expect(await err({ templates: {} })).toBe("'name'");
    expect(await err({ name: 'Basic' })).toBe("'templates'");
    expect(await err({ name: 'Nope', templates: {} })).toBe('model was not found: Nope');
    expect(await err({ name: 'Basic', templates: [] })).toBe("'list' object has no attribute 'get'");
    expect(await err('Basic')).toBe("string indices must be integers, not 'str'");
    expect(await err({ name: 'Basic', templates: { 'Card 1': { Back: '{{Nope}}' } } })).toBe(
      "Card template \u20681\u2069 in note type '\u2068Basic\u2069' has a problem.<br>Field '\u2068Nope\u2069' not found.",
    );
    expect(nt('Basic').tmpls[0]!.afmt).toBe('{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}');
  });
});

describe('updateModelStyling', () => {
  it('sets the CSS', async () => {
    expect(await call(ctx, 'updateModelStyling', { model: { name: 'Basic', css: '.card { color: red }' } })).toEqual({ result: null, error: null });
    expect(await ok(ctx, 'modelStyling', { modelName: 'Basic' })).toEqual({ css: '.card { color: red }' });
    await ok(ctx, 'updateModelStyling', { model: { name: 'Basic', css: 12 } });
    expect(nt('Basic').css).toBe('');
  });

  it('needs name and css', async () => {
    expect((await call(ctx, 'updateModelStyling', { model: { name: 'Basic' } })).error).toBe("'css'");
    expect((await call(ctx, 'updateModelStyling', { model: { css: '' } })).error).toBe("'name'");
    expect((await call(ctx, 'updateModelStyling', { model: { name: 'No', css: '' } })).error).toBe('model was not found: No');
  });
});

describe('findAndReplaceInModels', () => {
  it('replaces in one note type and counts it', async () => {
    const n = await ok(ctx, 'findAndReplaceInModels', { modelName: 'Basic', findText: '{{Front}}', replaceText: '<i>{{Front}}</i>' });
    expect(n).toBe(1);
    expect(nt('Basic').tmpls[0]!.qfmt).toBe('<i>{{Front}}</i>');
    expect(nt('Basic (and reversed card)').tmpls[0]!.qfmt).toBe('{{Front}}');
  });

  it('with no model name, looks in every note type and saves each one', async () => {
    const n = await ok(ctx, 'findAndReplaceInModels', { modelName: '', findText: 'arial', replaceText: 'serif', front: false, back: false });
    expect(n).toBe(6);
    expect(nt('Basic').css).toContain('font-family: serif;');
    expect(nt('Basic').tmpls[0]!.qfmt).toBe('{{Front}}');
    for (const name of ['Basic', 'Cloze', 'Image Occlusion']) expect(nt(name).mod).toBe(Math.floor(LATER / 1000));
  });

  it('honours the side flags and takes the replacement literally', async () => {
    await ok(ctx, 'findAndReplaceInModels', { modelName: 'Basic', findText: '<hr id=answer>', replaceText: '$&<hr>', front: true, css: false });
    expect(nt('Basic').tmpls[0]!.afmt).toBe('{{FrontSide}}\n\n$&<hr>\n\n{{Back}}');
    expect(await ok(ctx, 'findAndReplaceInModels', { modelName: 'Basic', findText: 'Back', replaceText: 'X', back: false })).toBe(0);
  });

  it('reports bad input as Python does', async () => {
    const err = async (params: Record<string, unknown>) =>
      (await call(ctx, 'findAndReplaceInModels', { modelName: 'Basic', findText: 'Front', replaceText: 'x', ...params })).error;
    expect(await err({ modelName: 'Nope' })).toBe('model was not found: Nope');
    expect(await err({ findText: 3 })).toBe("'in <string>' requires string as left operand, not int");
    expect(await err({ replaceText: null })).toBe('replace() argument 2 must be str, not NoneType');
    expect(await err({ replaceText: '{{Nope}}' })).toContain("Field '\u2068Nope\u2069' not found.");
  });
});

describe('modelTemplateRename', () => {
  it('renames a template; a taken name gets +', async () => {
    await ok(ctx, 'modelTemplateRename', { modelName: REVERSED, oldTemplateName: 'Card 2', newTemplateName: 'Reverse' });
    expect(templateNames(REVERSED)).toEqual(['Card 1', 'Reverse']);
    await ok(ctx, 'modelTemplateRename', { modelName: REVERSED, oldTemplateName: 'Reverse', newTemplateName: 'card 1' });
    expect(templateNames(REVERSED)).toEqual(['Card 1', 'card 1+']);
  });

  it('refuses unknown templates (exact names) and empty names', async () => {
    expect((await call(ctx, 'modelTemplateRename', { modelName: 'Basic', oldTemplateName: 'card 1', newTemplateName: 'x' })).error).toBe(
      'template was not found in Basic: card 1',
    );
    expect((await call(ctx, 'modelTemplateRename', { modelName: 'Basic', oldTemplateName: 'Card 1', newTemplateName: '' })).error).toBe(
      'Empty template name',
    );
  });
});

describe('modelTemplateReposition', () => {
  it('moves the template and renumbers its cards', async () => {
    const nid = insertNote(col, nt(REVERSED), ['f', 'b'], [0, 1]);
    const [c1, c2] = cardRows(col, nid);
    await ok(ctx, 'modelTemplateReposition', { modelName: REVERSED, templateName: 'Card 2', index: 0 });
    expect(templateNames(REVERSED)).toEqual(['Card 2', 'Card 1']);
    expect(cardRows(col, nid).map((c) => [c.id, c.ord])).toEqual([
      [c1!.id, 1],
      [c2!.id, 0],
    ]);
    expect(scm()).toBe(LATER);
  });

  it('refuses bad indexes and unknown templates', async () => {
    const err = async (params: Record<string, unknown>) => (await call(ctx, 'modelTemplateReposition', { modelName: REVERSED, templateName: 'Card 2', ...params })).error;
    expect(await err({ index: null })).toBe("'NoneType' object cannot be interpreted as an integer");
    expect(await err({ templateName: 'Card 3', index: 0 })).toBe(`template was not found in ${REVERSED}: Card 3`);
  });
});

describe('modelTemplateAdd', () => {
  it('adds a template and generates its cards where the front is not empty', async () => {
    const full = insertNote(col, nt('Basic'), ['f', 'b']);
    const noBack = insertNote(col, nt('Basic'), ['f', '']);
    expect(await call(ctx, 'modelTemplateAdd', { modelName: 'Basic', template: { Name: 'Reverse', Front: '{{Back}}', Back: '{{Front}}' } })).toEqual({
      result: null,
      error: null,
    });
    expect(templateNames('Basic')).toEqual(['Card 1', 'Reverse']);
    expect(nt('Basic').req).toEqual([
      [0, 'any', [0]],
      [1, 'any', [1]],
    ]);
    expect(ords(full)).toEqual([0, 1]);
    expect(ords(noBack)).toEqual([0]);
  });

  it('updates a template of the same name instead of adding one', async () => {
    await ok(ctx, 'modelTemplateAdd', { modelName: 'Basic', template: { Name: 'Card 1', Front: '{{Back}}', Back: '{{Front}}' } });
    expect(nt('Basic').tmpls.map((t) => [t.name, t.qfmt, t.afmt])).toEqual([['Card 1', '{{Back}}', '{{Front}}']]);
  });

  it('needs Name, Front and Back, and a valid template', async () => {
    const err = async (template: unknown) => (await call(ctx, 'modelTemplateAdd', { modelName: 'Basic', template })).error;
    expect(await err({ Front: '{{Front}}', Back: '' })).toBe("'Name'");
    expect(await err({ Name: 'x', Back: '' })).toBe("'Front'");
    expect(await err({ Name: 'x', Front: '{{Front}}', Back: '' })).toContain('The front side is identical to card template');
    expect(templateNames('Basic')).toEqual(['Card 1']);
  });
});

describe('modelTemplateRemove', () => {
  it('deletes the template\'s cards with graves and renumbers the others', async () => {
    const nid = insertNote(col, nt(REVERSED), ['f', 'b'], [0, 1]);
    const [c1, c2] = cardRows(col, nid);
    await ok(ctx, 'modelTemplateRemove', { modelName: REVERSED, templateName: 'Card 1' });
    expect(templateNames(REVERSED)).toEqual(['Card 2']);
    expect(cardRows(col, nid)).toEqual([{ id: c2!.id, ord: 0, mod: Math.floor(LATER / 1000), usn: -1 }]);
    expect(graves(col)).toEqual([{ usn: -1, oid: c1!.id, type: 0 }]);
    expect(scm()).toBe(LATER);
  });

  it('refuses to remove the only template, and unknown ones', async () => {
    expect(await call(ctx, 'modelTemplateRemove', { modelName: 'Basic', templateName: 'Card 1' })).toEqual({
      result: null,
      error: 'must have 1 template',
    });
    expect((await call(ctx, 'modelTemplateRemove', { modelName: 'Basic', templateName: 'Card 9' })).error).toBe(
      'template was not found in Basic: Card 9',
    );
  });
});
