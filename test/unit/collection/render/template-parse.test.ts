import { describe, expect, test } from 'vitest';
import {
  clozeFieldsReferenced,
  fieldsReferenced,
  isClozeConditional,
  parseTemplate,
  TemplateError,
  type TemplateNode,
} from '../../../../extension/collection/render/template-parse.ts';
import { templateToString } from '../../../../extension/collection/render/template-write.ts';

const text = (t: string): TemplateNode => ({ type: 'text', text: t });
const comment = (t: string): TemplateNode => ({ type: 'comment', text: t });
const field = (fieldName: string, filters: string[] = []): TemplateNode => ({ type: 'replacement', fieldName, filters });
const cond = (name: string, children: TemplateNode[], negated = false): TemplateNode => ({
  type: 'conditional',
  name,
  negated,
  children,
});

function parseError(template: string): string {
  try {
    parseTemplate(template);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${template}`);
}

describe('parseTemplate', () => {
  test('empty', () => {
    expect(parseTemplate('')).toEqual([]);
  });

  test('text, replacements and sections', () => {
    expect(parseTemplate('foo {{bar}} {{#baz}} quux {{/baz}}')).toEqual([
      text('foo '),
      field('bar'),
      text(' '),
      cond('baz', [text(' quux ')]),
    ]);
    expect(parseTemplate('{{^baz}}{{/baz}}')).toEqual([cond('baz', [], true)]);
  });

  test('filters come in the order they apply; empty ones are kept', () => {
    expect(parseTemplate('{{one:two:B}}')).toEqual([field('B', ['two', 'one'])]);
    expect(parseTemplate('{{type:Back}}')).toEqual([field('Back', ['type'])]);
    expect(parseTemplate('{{one::text:B}}')).toEqual([field('B', ['text', '', 'one'])]);
    expect(parseTemplate('{{filter:}}')).toEqual([field('', ['filter'])]);
    expect(parseTemplate('{{tts en_US voices=A:Front}}')).toEqual([field('Front', ['tts en_US voices=A'])]);
  });

  test('blanks around a handlebar are trimmed, inside a name they stay', () => {
    expect(parseTemplate('{{ tag }}')).toEqual([field('tag')]);
    expect(parseTemplate('{{# Back Extra }}x{{/Back Extra}}')).toEqual([cond('Back Extra', [text('x')])]);
    expect(parseTemplate('{{text: Front}}')).toEqual([field(' Front', ['text'])]);
  });

  test('nesting', () => {
    expect(parseTemplate('{{#A}}{{^B}}{{C}}{{/B}}{{/A}}')).toEqual([cond('A', [cond('B', [field('C')], true)])]);
  });

  test('comments keep their contents and hide handlebars', () => {
    const src =
      'foo <!--{{bar }} --> {{#baz}} --> <!-- <!-- {{#def}} --> \u0123-->\u0456<!-- 2 --><!----> <!-- quux {{/baz}} <!-- {{nc:abc}}';
    expect(parseTemplate(src)).toEqual([
      text('foo '),
      comment('{{bar }} '),
      text(' '),
      cond('baz', [
        text(' --> '),
        comment(' <!-- {{#def}} '),
        text(' \u0123-->\u0456'),
        comment(' 2 '),
        comment(''),
        text(' <!-- quux '),
      ]),
      text(' <!-- '),
      field('abc', ['nc']),
    ]);
    expect(templateToString(parseTemplate(src))).toBe(src);
    expect(parseTemplate('<!--{{#mis}}{{/matched}}-->')).toEqual([comment('{{#mis}}{{/matched}}')]);
  });

  test('legacy delimiters', () => {
    expect(parseTemplate('\n{{=<% %>=}}\n<%Front%>\n<% #Back %>\n<%/Back%>')).toEqual([
      text('\n'),
      field('Front'),
      text('\n'),
      cond('Back', [text('\n')]),
    ]);
  });

  test('round trip through templateToString', () => {
    for (const src of [
      'foo {{one:two}} {{one:two:three}} {{^baz}} {{/baz}} {{foo:}}',
      'foo {{one:two}} <!--<!--abc {{^def}}-->--> {{one:two:three}} {{^baz}} <!-- {{/baz}} 🙂 --> {{/baz}} {{foo:}}',
    ]) {
      expect(templateToString(parseTemplate(src))).toBe(src);
    }
  });

  test('errors in the words Anki uses', () => {
    expect(parseError('{{#mis}}{{/matched}}')).toBe("Found '{{/matched}}', but expected '{{/mis}}'");
    expect(parseError('{{/matched}}')).toBe("Found '{{/matched}}', but missing '{{#matched}}' or '{{^matched}}'");
    expect(parseError('{{#mis}}')).toBe("Missing '{{/mis}}'");
    expect(parseError('{{#mis}}<!--{{/matched}}-->')).toBe("Missing '{{/mis}}'");
    expect(parseError('{{#A}}{{^B}}{{/A}}{{/B}}')).toBe("Found '{{/A}}', but expected '{{/B}}'");
  });

  test('no error for stray or unclosed markers', () => {
    expect(parseTemplate('<!--{{foo}}')).toEqual([text('<!--'), field('foo')]);
    expect(parseTemplate('{{foo}}-->')).toEqual([field('foo'), text('-->')]);
    expect(parseTemplate('{{Front')).toEqual([text('{{Front')]);
  });

  test('the error carries its kind', () => {
    try {
      parseTemplate('{{#A}}');
    } catch (e) {
      expect((e as TemplateError).detail).toEqual({ kind: 'conditionalNotClosed', tag: 'A' });
    }
    expect.assertions(1);
  });
});

describe('fieldsReferenced', () => {
  test('replacements and sections, each once, in order; not cloze-number sections', () => {
    const nodes = parseTemplate('{{#Header}}{{Header}}{{/Header}}{{text:Front}}{{#c1}}{{cloze:Text}}{{/c1}}{{FrontSide}}{{^Back}}{{Front}}{{/Back}}');
    expect(fieldsReferenced(nodes)).toEqual(['Header', 'Front', 'Text', 'FrontSide', 'Back']);
  });

  test('nothing inside comments', () => {
    expect(fieldsReferenced(parseTemplate('<!-- {{A}} -->{{B}}'))).toEqual(['B']);
  });

  test('cloze fields', () => {
    const nodes = parseTemplate('{{#X}}{{cloze:Text}}{{/X}}{{text:cloze:Other}}{{Back Extra}}');
    expect(clozeFieldsReferenced(nodes)).toEqual(['Text', 'Other']);
  });
});

describe('isClozeConditional', () => {
  test.each([
    ['c1', true],
    ['c0', true],
    ['c12', true],
    ['c+2', true],
    ['c4294967295', true],
    ['c4294967296', false],
    ['c', false],
    ['C1', false],
    ['c1a', false],
    ['c-1', false],
  ])('%s → %s', (name, expected) => {
    expect(isClozeConditional(name)).toBe(expected);
  });
});
