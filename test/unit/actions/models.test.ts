/** Listing, finding and creating note types through the API, as a client sees it. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { parseJson, toJson } from '../../../extension/collection/json.ts';
import { notetypeByName } from '../../../extension/collection/notetypes/lookup.ts';
import { DEFAULT_CSS, LATEX_POST, LATEX_PRE } from '../../../extension/collection/notetypes/stock.ts';
import type { NotetypeJson } from '../../../extension/collection/notetypes/types.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';

const STOCK_NAMES = [
  'Basic',
  'Basic (and reversed card)',
  'Basic (optional reversed card)',
  'Basic (type in the answer)',
  'Cloze',
  'Image Occlusion',
];
const LATER = TEST_NOW + 5000;
const L = '\u2068';
const R = '\u2069';

let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  const clock = fixedClock(TEST_NOW);
  col = await newCollection(clock);
  ctx = contextFor(col);
  clock.set(LATER);
});

/** The reply as the client parses it (64-bit ids exact). */
async function wire(action: string, params: Record<string, unknown>): Promise<unknown> {
  return parseJson(toJson(await call(ctx, action, params)));
}

const twoFields = { modelName: 'Vocab', inOrderFields: ['Word', 'Meaning'], cardTemplates: [{ Front: '{{Word}}', Back: '{{Meaning}}' }] };

describe('listing', () => {
  it('modelNames lists note types by id', async () => {
    expect(await ok(ctx, 'modelNames')).toEqual(STOCK_NAMES);
    await ok(ctx, 'createModel', { ...twoFields, modelName: 'A first by name, last by id' });
    expect(await ok(ctx, 'modelNames')).toEqual([...STOCK_NAMES, 'A first by name, last by id']);
  });

  it('modelNamesAndIds maps each name to its id', async () => {
    const result = (await ok(ctx, 'modelNamesAndIds')) as Record<string, number>;
    expect(Object.keys(result)).toEqual(STOCK_NAMES);
    expect(Object.values(result)).toEqual(STOCK_NAMES.map((_n, i) => TEST_NOW + i));
  });

  it('modelNameFromId takes ints and numeric strings, and says when it finds nothing', async () => {
    expect(await ok(ctx, 'modelNameFromId', { modelId: TEST_NOW + 4 })).toBe('Cloze');
    expect(await ok(ctx, 'modelNameFromId', { modelId: ` ${TEST_NOW + 1} ` })).toBe('Basic (and reversed card)');
    expect(await call(ctx, 'modelNameFromId', { modelId: 123 })).toEqual({ result: null, error: 'model was not found: 123' });
    expect(await call(ctx, 'modelNameFromId', { modelId: null })).toEqual({ result: null, error: 'model was not found: None' });
    expect((await call(ctx, 'modelNameFromId', { modelId: 'abc' })).error).toBe("invalid literal for int() with base 10: 'abc'");
    expect((await call(ctx, 'modelNameFromId', {})).error).toBe("AnkiConnect.modelNameFromId() missing 1 required positional argument: 'modelId'");
  });
});

describe('findModelsById / findModelsByName', () => {
  it('return the full note type JSON, in the order asked', async () => {
    const [cloze, basic] = (await ok(ctx, 'findModelsById', { modelIds: [TEST_NOW + 4, TEST_NOW] })) as NotetypeJson[];
    expect([cloze!.name, basic!.name]).toEqual(['Cloze', 'Basic']);
    expect(Object.keys(basic!)).toEqual(Object.keys(notetypeByName(col, 'Basic')!));
    expect(basic!.flds.map((f) => f.name)).toEqual(['Front', 'Back']);
    const byName = (await ok(ctx, 'findModelsByName', { modelNames: ['cloze', 'Basic'] })) as NotetypeJson[];
    expect(byName.map((m) => m.id)).toEqual([TEST_NOW + 4, TEST_NOW]);
  });

  it('fail on the first note type not found', async () => {
    expect(await call(ctx, 'findModelsById', { modelIds: [TEST_NOW, 42] })).toEqual({ result: null, error: 'model was not found: 42' });
    expect(await call(ctx, 'findModelsByName', { modelNames: ['Basic', 'Nope'] })).toEqual({
      result: null,
      error: 'model was not found: Nope',
    });
    expect((await call(ctx, 'findModelsByName', { modelNames: 7 })).error).toBe("object of type 'int' has no len()");
  });

  it('hand out copies: changing a reply does not change the collection', async () => {
    const [basic] = (await ok(ctx, 'findModelsByName', { modelNames: ['Basic'] })) as NotetypeJson[];
    basic!.name = 'changed';
    expect(notetypeByName(col, 'Basic')).toBeDefined();
  });
});

describe('createModel', () => {
  it('returns the new note type as Anki stores it', async () => {
    const m = (await ok(ctx, 'createModel', {
      ...twoFields,
      cardTemplates: [{ Front: '{{Word}}', Back: '{{FrontSide}}<hr>{{Meaning}}' }, { Name: 'Recall', Front: '{{Meaning}}', Back: '{{Word}}' }],
    })) as NotetypeJson;
    expect(Object.keys(m)).toEqual([
      'id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css', 'latexPre', 'latexPost', 'latexsvg', 'req', 'originalStockKind',
    ]);
    expect(m).toMatchObject({
      id: LATER,
      name: 'Vocab',
      type: 0,
      mod: LATER / 1000,
      usn: -1,
      sortf: 0,
      did: null,
      css: DEFAULT_CSS,
      latexPre: LATEX_PRE,
      latexPost: LATEX_POST,
      latexsvg: false,
      req: [
        [0, 'any', [0]],
        [1, 'any', [1]],
      ],
      originalStockKind: 1,
    });
    expect(m.tmpls.map(({ id: _id, ...t }) => t)).toEqual([
      { name: 'Card 1', ord: 0, qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr>{{Meaning}}', bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 },
      { name: 'Recall', ord: 1, qfmt: '{{Meaning}}', afmt: '{{Word}}', bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 },
    ]);
    expect(m.flds.map(({ id: _id, ...f }) => f)).toEqual(
      ['Word', 'Meaning'].map((name, ord) => ({
        name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, description: '', plainText: false,
        collapsed: false, excludeFromSearch: false, tag: null, preventDeletion: false,
      })),
    );
    expect((await ok(ctx, 'modelNames')) as string[]).toContain('Vocab');
    expect((col.col.get('conf') as { curModel: unknown }).curModel).toBe(LATER);
  });

  it('keeps 64-bit field and template ids exact through the wire', async () => {
    const created = (await wire('createModel', twoFields)) as { result: NotetypeJson };
    const found = (await wire('findModelsByName', { modelNames: ['Vocab'] })) as { result: NotetypeJson[] };
    const ids = (m: NotetypeJson) => [...m.flds, ...m.tmpls].map((x) => String(x.id));
    expect(ids(found.result[0]!)).toEqual(ids(created.result));
    expect(ids(created.result).every((id) => /^[1-9]\d*$/.test(id))).toBe(true);
    // a stored id above 2^53 comes out digit for digit
    notetypeByName(col, 'Vocab')!.flds[0]!.id = 9007199254740993n;
    const text = toJson(await call(ctx, 'findModelsByName', { modelNames: ['Vocab'] }));
    expect(text).toContain('"id":9007199254740993,');
  });

  it('makes a cloze type with the default (non-cloze) CSS, and uses css when given', async () => {
    const cloze = (await ok(ctx, 'createModel', {
      modelName: 'MyCloze',
      inOrderFields: ['Text'],
      cardTemplates: [{ Front: '{{cloze:Text}}', Back: '{{cloze:Text}}' }],
      isCloze: true,
      css: '.card {}',
    })) as NotetypeJson;
    expect([cloze.type, cloze.css]).toEqual([1, '.card {}']);
    const plain = (await ok(ctx, 'createModel', { ...twoFields, isCloze: 0, css: 5 })) as NotetypeJson;
    expect([plain.type, plain.css]).toEqual([0, '']);
  });

  it('refuses what Anki refuses', async () => {
    const err = async (params: Record<string, unknown>) => (await call(ctx, 'createModel', { ...twoFields, ...params })).error;
    expect(await err({ inOrderFields: [] })).toBe('Must provide at least one field for inOrderFields');
    expect(await err({ cardTemplates: [] })).toBe('Must provide at least one card for cardTemplates');
    expect(await err({ modelName: 'Basic' })).toBe('Model name already exists');
    expect(await err({ inOrderFields: 3 })).toBe("object of type 'int' has no len()");
    expect(await err({ inOrderFields: ['ok', 4] })).toBe('field name should be a string: 4');
    expect(await err({ cardTemplates: [{ Front: '{{Word}}' }] })).toBe("'Back'");
    expect(await err({ cardTemplates: ['{{Word}}'] })).toBe("string indices must be integers, not 'str'");
    expect(await err({ cardTemplates: [7] })).toBe("argument of type 'int' is not iterable");
    expect(await err({ cardTemplates: [{ Front: 1, Back: '' }] })).toBe('invalid type: integer `1`, expected a string');
    expect(await err({ modelName: null })).toBe('invalid type: null, expected a string');
    expect(await err({ cardTemplates: [{ Front: 'no field', Back: '' }] })).toBe(
      `Card template ${L}1${R} in note type '${L}Vocab${R}' has a problem.<br>Expected to find a field replacement on the front of the card template.`,
    );
    expect(await err({ cardTemplates: [{ Front: '{{word}}', Back: '' }] })).toBe(
      `Card template ${L}1${R} in note type '${L}Vocab${R}' has a problem.<br>Field '${L}word${R}' not found.`,
    );
    expect(await err({ isCloze: true })).toContain("Expected to find '{{cloze:Text}}' or similar");
    expect(await err({ inOrderFields: [''] })).toBe('Empty field name');
    expect(await err({ cardTemplates: [{ Name: '', Front: '{{Word}}', Back: '' }] })).toBe('Empty template name');
    expect(await ok(ctx, 'modelNames')).toEqual(STOCK_NAMES);
  });

  it('names fields from a string character by character and cleans names as Anki does', async () => {
    const m = (await ok(ctx, 'createModel', {
      modelName: 'Chars "quoted"',
      inOrderFields: 'ab',
      cardTemplates: [{ Name: 'Same', Front: '{{a}}', Back: '' }, { Name: 'same', Front: '{{b}}', Back: '' }],
    })) as NotetypeJson;
    expect(m.name).toBe('Chars quoted');
    expect(m.flds.map((f) => f.name)).toEqual(['a', 'b']);
    expect(m.tmpls.map((t) => t.name)).toEqual(['Same', 'same+']);
  });

  it('gives a name that differs only in case a suffix, as pylib does', async () => {
    const m = (await ok(ctx, 'createModel', { ...twoFields, modelName: 'basic' })) as NotetypeJson;
    expect(m.name).toMatch(/^basic-[0-9a-f]{5}$/);
  });

  it('gives each new type its own id', async () => {
    const a = (await ok(ctx, 'createModel', twoFields)) as NotetypeJson;
    const b = (await ok(ctx, 'createModel', { ...twoFields, modelName: 'Other' })) as NotetypeJson;
    expect([a.id, b.id]).toEqual([LATER, LATER + 1]);
  });
});
