import { describe, expect, test } from 'vitest';
import {
  cardOrdinalsForNote,
  clozeCardOrdinals,
  questionWouldBeEmpty,
} from '../../../../extension/collection/cards/generate.ts';
import { newField, newNotetype, newTemplate, stockNotetypes } from '../../../../extension/collection/notetypes/stock.ts';
import { NotetypeKind, type NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';

const stock = (name: string): NotetypeJson => {
  const nt = stockNotetypes(1000).find((n) => n.name === name);
  if (!nt) throw new Error(name);
  return nt;
};

/** A standard note type with these fields and question templates. */
function custom(fields: string[], qfmts: string[]): NotetypeJson {
  return newNotetype(
    1,
    'Custom',
    NotetypeKind.Standard,
    fields.map((f, i) => newField(f, i)),
    qfmts.map((q, i) => newTemplate(`Card ${i + 1}`, i, q, '{{FrontSide}}')),
    '',
    [],
  );
}

describe('stock note types', () => {
  test('Basic: card 1 when Front is non-empty', () => {
    const nt = stock('Basic');
    expect(cardOrdinalsForNote(nt, ['front', ''])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['', 'back'])).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['<br>', 'back'])).toEqual([]);
  });

  test('Basic (and reversed card): one card per non-empty side', () => {
    const nt = stock('Basic (and reversed card)');
    expect(cardOrdinalsForNote(nt, ['f', 'b'])).toEqual([0, 1]);
    expect(cardOrdinalsForNote(nt, ['f', ''])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['', 'b'])).toEqual([1]);
  });

  test('Basic (optional reversed card): card 2 only when Add Reverse is non-empty', () => {
    const nt = stock('Basic (optional reversed card)');
    expect(cardOrdinalsForNote(nt, ['f', 'b', ''])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['f', 'b', 'y'])).toEqual([0, 1]);
    expect(cardOrdinalsForNote(nt, ['f', '', 'y'])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['', 'b', 'y'])).toEqual([1]);
  });

  test('Basic (type in the answer): Back alone is enough, through {{type:Back}}', () => {
    const nt = stock('Basic (type in the answer)');
    expect(cardOrdinalsForNote(nt, ['', 'b'])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['f', ''])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['', ''])).toEqual([]);
  });

  test('Cloze: one card per cloze number, from any field', () => {
    const nt = stock('Cloze');
    expect(cardOrdinalsForNote(nt, ['{{c1::a}} {{c3::b}}', ''])).toEqual([0, 2]);
    expect(cardOrdinalsForNote(nt, ['{{c2::a}}', '{{c1::extra}}'])).toEqual([0, 1]);
    expect(cardOrdinalsForNote(nt, ['no cloze', 'x'])).toEqual([]);
  });

  test('Image Occlusion: one card per occlusion number', () => {
    const nt = stock('Image Occlusion');
    const occlusion =
      '{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}' +
      '{{c2::image-occlusion:ellipse:left=.5:top=.2:rx=.1:ry=.1:oi=1}}';
    expect(cardOrdinalsForNote(nt, [occlusion, '<img src="a.png">', '', '', ''])).toEqual([0, 1]);
    expect(cardOrdinalsForNote(nt, ['', '<img src="a.png">', 'Header', '', ''])).toEqual([]);
  });
});

describe('cloze ordinals', () => {
  test.each([
    [['{{c1,2::x}}'], [0, 1]],
    [['{{c1::a {{c2::b}}}}'], [0, 1]],
    [['{{c0::x}}'], []],
    [['{{c500::x}}'], [499]],
    [['{{c600::x}} {{c500::y}} {{c499::z}}'], [498, 499]],
    [['{{c3::x}}', '{{c3::y}}'], [2]],
  ])('%j → %j', (fields, expected) => {
    expect(clozeCardOrdinals(fields)).toEqual(expected);
  });
});

describe('conditional templates', () => {
  test('{{#A}}{{B}}{{/A}} needs both', () => {
    const nt = custom(['A', 'B'], ['{{#A}}{{B}}{{/A}}']);
    expect(cardOrdinalsForNote(nt, ['a', 'b'])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['', 'b'])).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['a', ''])).toEqual([]);
  });

  test('{{^A}}{{B}}{{/A}} needs A empty and B', () => {
    const nt = custom(['A', 'B'], ['{{^A}}{{B}}{{/A}}']);
    expect(cardOrdinalsForNote(nt, ['', 'b'])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['a', 'b'])).toEqual([]);
  });

  test('nested sections', () => {
    const nt = custom(['A', 'B', 'C'], ['{{#A}}{{^B}}{{C}}{{/B}}{{/A}}']);
    expect(cardOrdinalsForNote(nt, ['a', '', 'c'])).toEqual([0]);
    expect(cardOrdinalsForNote(nt, ['a', 'b', 'c'])).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['', '', 'c'])).toEqual([]);
  });

  test('a template that does not parse makes no card', () => {
    const nt = custom(['A'], ['{{#A}}{{A}}', '{{A}}']);
    expect(cardOrdinalsForNote(nt, ['a'])).toEqual([1]);
  });

  test('templates are checked by their question only', () => {
    const nt = custom(['A', 'B'], ['{{A}}']);
    nt.tmpls[0]!.afmt = '{{B}}';
    expect(cardOrdinalsForNote(nt, ['', 'b'])).toEqual([]);
  });
});

describe('special fields', () => {
  test('FrontSide never counts', () => {
    const nt = custom(['A'], ['{{FrontSide}}', '{{#FrontSide}}{{A}}{{/FrontSide}}']);
    expect(cardOrdinalsForNote(nt, ['a'])).toEqual([]);
  });

  test('Tags counts only when the note has tags', () => {
    const nt = custom(['A'], ['{{Tags}}', '{{#Tags}}{{A}}{{/Tags}}']);
    expect(cardOrdinalsForNote(nt, ['a'])).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['a'], { tags: '' })).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['a'], { tags: '   ' })).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['a'], { tags: ' vocab ' })).toEqual([0, 1]);
    expect(cardOrdinalsForNote(nt, [''], { tags: 'vocab' })).toEqual([0]);
  });

  test.each(['Deck', 'Subdeck', 'Card', 'CardFlag', 'Type', 'CardID'])('%s counts as non-empty', (name) => {
    const nt = custom(['A'], [`{{${name}}}`]);
    expect(cardOrdinalsForNote(nt, [''])).toEqual([0]);
  });

  test('a real field with a special name wins', () => {
    const nt = custom(['Front', 'Deck'], ['{{#Deck}}{{Front}}{{/Deck}}']);
    expect(cardOrdinalsForNote(nt, ['hello', ''])).toEqual([]);
    expect(cardOrdinalsForNote(nt, ['hello', 'Custom deck'])).toEqual([0]);
  });

  test('cloze-number sections are not fields', () => {
    const nt = custom(['A'], ['{{#c1}}{{A}}{{/c1}}']);
    expect(cardOrdinalsForNote(nt, ['a'])).toEqual([]);
  });

  test('field names are case-sensitive', () => {
    const nt = custom(['Front'], ['{{front}}']);
    expect(cardOrdinalsForNote(nt, ['x'])).toEqual([]);
  });
});

describe('empty fields', () => {
  test.each([
    ['', false],
    ['  ', false],
    ['<br>', false],
    ['<div></div>', false],
    ['<div><br /></div>\n', false],
    ['&nbsp;', true],
    ['\u00a0', true],
    ['<img src="a.jpg">', true],
  ])('Front %j gives a card: %s', (front, expected) => {
    expect(cardOrdinalsForNote(stock('Basic'), [front, ''])).toEqual(expected ? [0] : []);
  });

  test('missing values count as empty', () => {
    expect(cardOrdinalsForNote(stock('Basic (and reversed card)'), ['f'])).toEqual([0]);
  });
});

describe('questionWouldBeEmpty', () => {
  test('true only when no card would be made', () => {
    expect(questionWouldBeEmpty(stock('Basic'), ['', 'back'])).toBe(true);
    expect(questionWouldBeEmpty(stock('Basic'), ['front', ''])).toBe(false);
    expect(questionWouldBeEmpty(stock('Cloze'), ['no cloze', ''])).toBe(true);
    expect(questionWouldBeEmpty(stock('Cloze'), ['{{c1::x}}', ''])).toBe(false);
    const tagged = custom(['A'], ['{{Tags}}']);
    expect(questionWouldBeEmpty(tagged, [''])).toBe(true);
    expect(questionWouldBeEmpty(tagged, [''], { tags: 't' })).toBe(false);
  });
});
