import { describe, expect, test } from 'vitest';
import { classifyHandlebar, lexTemplate } from '../../../../extension/collection/render/template-lex.ts';

describe('lexTemplate', () => {
  test('empty template has no tokens', () => {
    expect(lexTemplate('')).toEqual([]);
  });

  test('text, handlebars and comments', () => {
    expect(lexTemplate('a {{B}} <!-- {{C}} --> {{#D}}x{{/D}}')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'replacement', text: 'B' },
      { kind: 'text', text: ' ' },
      { kind: 'comment', text: ' {{C}} ' },
      { kind: 'text', text: ' ' },
      { kind: 'open', key: 'D' },
      { kind: 'text', text: 'x' },
      { kind: 'close', key: 'D' },
    ]);
  });

  test('an unclosed {{ or <!-- is text', () => {
    expect(lexTemplate('a {{B')).toEqual([{ kind: 'text', text: 'a {{B' }]);
    expect(lexTemplate('<!--{{foo}}')).toEqual([
      { kind: 'text', text: '<!--' },
      { kind: 'replacement', text: 'foo' },
    ]);
    expect(lexTemplate('{{foo}}-->')).toEqual([
      { kind: 'replacement', text: 'foo' },
      { kind: 'text', text: '-->' },
    ]);
    expect(lexTemplate('text }} more')).toEqual([{ kind: 'text', text: 'text }} more' }]);
  });

  test('a handlebar that starts before a comment runs to the first }}', () => {
    expect(lexTemplate('{{a <!-- }} -->')).toEqual([
      { kind: 'replacement', text: 'a <!--' },
      { kind: 'text', text: ' -->' },
    ]);
  });

  test('extra braces are dropped from the start only', () => {
    expect(lexTemplate('{{{Front}}}')).toEqual([
      { kind: 'replacement', text: 'Front' },
      { kind: 'text', text: '}' },
    ]);
  });

  test('legacy <% %> delimiters after {{=<% %>=}}', () => {
    expect(lexTemplate('\n{{=<% %>=}}\n{{#foo}}\n<%Front%>\n{{/foo}}\n')).toEqual([
      { kind: 'text', text: '\n{{#foo}}\n' },
      { kind: 'replacement', text: 'Front' },
      { kind: 'text', text: '\n{{/foo}}\n' },
    ]);
  });

  test('the directive only counts at the start', () => {
    expect(lexTemplate('x{{=<% %>=}}<%F%>')).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'replacement', text: '=<% %>=' },
      { kind: 'text', text: '<%F%>' },
    ]);
  });

  test('many unclosed openings stay linear', () => {
    const text = '{{a <!-- '.repeat(20000);
    const started = performance.now();
    expect(lexTemplate(text)).toEqual([{ kind: 'text', text }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('classifyHandlebar', () => {
  test.each([
    [' tag ', { kind: 'replacement', text: 'tag' }],
    ['# Back ', { kind: 'open', key: 'Back' }],
    ['^ Back', { kind: 'openNegated', key: 'Back' }],
    ['/ Back', { kind: 'close', key: 'Back' }],
    ['#', { kind: 'replacement', text: '#' }],
    ['/', { kind: 'replacement', text: '/' }],
    ['', { kind: 'replacement', text: '' }],
    ['{#A', { kind: 'open', key: 'A' }],
    ['é', { kind: 'replacement', text: 'é' }],
    ['text:Front', { kind: 'replacement', text: 'text:Front' }],
  ])('%j', (inner, token) => {
    expect(classifyHandlebar(inner)).toEqual(token);
  });
});
