import { describe, expect, test } from 'vitest';
import { stripHtml } from '../../../../extension/collection/notes/text.ts';
import {
  clozeFilter,
  revealClozeText,
  revealClozeTextOnly,
  stripHtmlInsideMathjax,
} from '../../../../extension/collection/render/cloze-render.ts';
import { encodeAttribute } from '../../../../extension/collection/render/html-escape.ts';

const plain = (text: string, ord: number, question: boolean) => stripHtml(revealClozeText(text, ord, question));

describe('revealClozeText', () => {
  const text = '{{c1::one}} {{c2::two::hint}}';

  test('question and answer markup, active and inactive', () => {
    expect(revealClozeText(text, 1, true)).toBe(
      '<span class="cloze" data-cloze="one" data-ordinal="1">[...]</span> <span class="cloze-inactive" data-ordinal="2">two</span>',
    );
    expect(revealClozeText(text, 2, true)).toBe(
      '<span class="cloze-inactive" data-ordinal="1">one</span> <span class="cloze" data-cloze="two" data-ordinal="2">[hint]</span>',
    );
    expect(revealClozeText(text, 2, false)).toBe(
      '<span class="cloze-inactive" data-ordinal="1">one</span> <span class="cloze" data-ordinal="2">two</span>',
    );
  });

  test('a card number found in no deletion renders as ""', () => {
    expect(revealClozeText(text, 3, true)).toBe('');
    expect(revealClozeText('no clozes at all', 1, false)).toBe('');
  });

  test('data-cloze is the attribute-encoded inner HTML', () => {
    expect(revealClozeText('{{c1::<b>Can berra</b>}}', 1, true)).toBe(
      '<span class="cloze" data-cloze="&lt;b&gt;Can&#x20;berra&lt;&#x2F;b&gt;" data-ordinal="1">[...]</span>',
    );
  });

  test('nested deletions (Anki’s cases)', () => {
    expect(plain('foo {{c1::bar {{c2::baz}}}}', 1, true)).toBe('foo [...]');
    expect(plain('foo {{c1::bar {{c2::baz}}}}', 1, false)).toBe('foo bar baz');
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 2, true)).toBe('foo bar [...]');
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 1, true)).toBe('foo [qux]');
    expect(revealClozeText('foo {{c1::bar {{c2::baz}}}}', 1, true)).toBe(
      `foo <span class="cloze" data-cloze="${encodeAttribute('bar <span class="cloze-inactive" data-ordinal="2">baz</span>')}" data-ordinal="1">[...]</span>`,
    );
    expect(revealClozeText('foo {{c1::bar {{c2::baz}}}}', 1, false)).toBe(
      'foo <span class="cloze" data-ordinal="1">bar <span class="cloze-inactive" data-ordinal="2">baz</span></span>',
    );
    expect(revealClozeText('foo {{c1::bar {{c2::baz}}::qux}}', 2, true)).toBe(
      'foo <span class="cloze-inactive" data-ordinal="1">bar <span class="cloze" data-cloze="baz" data-ordinal="2">[...]</span></span>',
    );
    expect(plain('{{c1::outer {{c1::inner}}}}', 1, true)).toBe('[...]');
  });

  test('one deletion on several cards: {{c1,2::x}}', () => {
    const multi = '{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}';
    expect(plain(multi, 1, true)).toBe('[...] word and [...] vs second');
    expect(plain(multi, 2, true)).toBe('[...] word and first vs [...]');
    expect(plain(multi, 1, false)).toBe('shared word and first vs second');
    expect(revealClozeText('{{c1,2,3::multi}}', 2, true)).toContain('data-ordinal="1,2,3"');
    expect(plain('{{c1,2::answer::hint}}', 2, true)).toBe('[hint]');
    expect(plain('{{c1,2::outer {{c3::inner}}}}', 3, true)).toBe('outer [...]');
  });

  test('unclosed deletions vanish, stray }} stay', () => {
    expect(revealClozeText('a }} {{c1::b}} {{c1::never', 1, false)).toBe('a }} <span class="cloze" data-ordinal="1">b</span> ');
  });
});

describe('revealClozeTextOnly (cloze-only)', () => {
  test.each([
    ['foo', 1, true, ''],
    ['foo {{c1::bar}}', 1, true, '...'],
    ['foo {{c1::bar::baz}}', 1, true, 'baz'],
    ['foo {{c1::bar}}', 1, false, 'bar'],
    ['foo {{c1::bar}}', 2, false, ''],
    ['{{c1::foo}} {{c1::bar}}', 1, false, 'foo, bar'],
    ['{{c1,2::shared}} and {{c1::first}} vs {{c2::second}}', 2, false, 'shared, second'],
    ['{{c1,2::shared}} and {{c1::first}} vs {{c2::second}}', 1, true, '..., ...'],
  ])('%j card %i question %s', (text, ord, question, expected) => {
    expect(revealClozeTextOnly(text, ord, question)).toBe(expected);
  });
});

describe('MathJax inside clozes', () => {
  test('HTML inside \\(…\\) is stripped, entities kept', () => {
    expect(stripHtmlInsideMathjax('\\(<foo>&lt;&gt;</foo>\\)')).toBe('\\(&lt;&gt;\\)');
    expect(stripHtmlInsideMathjax('<b>x</b> \\[<i>y</i>\\]')).toBe('<b>x</b> \\[y\\]');
  });

  test('the cloze filter strips it after revealing', () => {
    expect(clozeFilter('{{c1::\\(<b>x</b>^2\\)}}', 1, false)).toBe('<span class="cloze" data-ordinal="1">\\(x^2\\)</span>');
    expect(clozeFilter('{{c2::a}} \\(<b>y</b>\\)', 2, true)).toBe(
      '<span class="cloze" data-cloze="a" data-ordinal="2">[...]</span> \\(y\\)',
    );
  });
});
