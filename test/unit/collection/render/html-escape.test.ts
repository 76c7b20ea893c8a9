import { describe, expect, test } from 'vitest';
import { encodeAttribute, encodeMinimal } from '../../../../extension/collection/render/html-escape.ts';

describe('encodeMinimal (htmlescape::encode_minimal)', () => {
  test.each([
    ['<em>Hej!</em>', '&lt;em&gt;Hej!&lt;/em&gt;'],
    [`Found '{{X}}' & "y"`, 'Found &#x27;{{X}}&#x27; &amp; &quot;y&quot;'],
    ['plain text, ünïcode 日本', 'plain text, ünïcode 日本'],
  ])('%j', (input, expected) => expect(encodeMinimal(input)).toBe(expected));
});

describe('encodeAttribute (htmlescape::encode_attribute)', () => {
  test.each([
    ['"No", he said.', '&quot;No&quot;&#x2C;&#x20;he&#x20;said&#x2E;'],
    ['Canberra', 'Canberra'],
    ['abcXYZ019', 'abcXYZ019'],
    [
      'bar <span class="cloze-inactive" data-ordinal="2">baz</span>',
      'bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;inactive&quot;&#x20;data&#x2D;ordinal&#x3D;&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;',
    ],
    ["it's", 'it&#x27;s'],
    ['a\nb\tc', 'a&#x0A;b&#x09;c'],
    // Latin-1 characters are encoded too; anything from U+0100 up is kept.
    ['é ß ÿ', '&#xE9;&#x20;&#xDF;&#x20;&#xFF;'],
    ['日本語 Ā 😀', '日本語&#x20;Ā&#x20;😀'],
    ['', ''],
  ])('%j', (input, expected) => expect(encodeAttribute(input)).toBe(expected));
});
