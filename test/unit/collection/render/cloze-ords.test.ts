import { describe, expect, test } from 'vitest';
import { clozeNumbersInFields, clozeNumbersInText } from '../../../../extension/collection/render/cloze-ords.ts';
import { parseClozes } from '../../../../extension/collection/render/cloze-parse.ts';

const numbers = (text: string): number[] => [...clozeNumbersInText(text)].sort((a, b) => a - b);

describe('clozeNumbersInText', () => {
  test.each([
    ['test', []],
    ['{{c2::te}}{{c1::s}}t{{', [1, 2]],
    ['{{c0::te}}s{{c2::t}}s', [2]],
    ['{{c2::te{{c1::s}}}}t{{', [1, 2]],
    ['{{c1,2,3::multi}}', [1, 2, 3]],
    ['{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}', [1, 2]],
    ['{{c3::a::hint}}', [3]],
    ['öaöaöööaö', []],
    ['{{c01::x}}', [1]],
    ['{{c1,,2,::x}}', [1, 2]],
    ['{{c500::x}}', [500]],
    ['{{c65535::x}}', [65535]],
    ['{{c65536::x}}', []],
    ['{{c::x}}', []],
    ['{{c,::x}}', []],
    ['{{c1:x}}', []],
    ['{{C1::x}}', []],
    ['{{c1::never closed', []],
    ['{{c1::a}} {{c2::unclosed', [1]],
    ['}} {{c4::x}}', [4]],
    ['{{c1::{{c2::{{c3::deep}}}}}}', [1, 2, 3]],
    ['{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}', [1]],
  ])('%j → %j', (text, expected) => {
    expect(numbers(text)).toEqual(expected);
  });

  test('an unclosed outer deletion hides the closed ones inside it', () => {
    expect(numbers('{{c1::a {{c2::b}}')).toEqual([]);
  });

  test('deeper than 10 levels: the 11th opening is ignored, its }} closes the 10th', () => {
    const opens = Array.from({ length: 11 }, (_, i) => `{{c${i + 1}::`).join('');
    // 11 closings: the extra one closes level 10 early, and the last is stray text.
    expect(numbers(`${opens}x${'}}'.repeat(11)}`)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbers(`${opens}x${'}}'.repeat(10)}`)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // with only 9 closings level 1 stays open, so nothing counts
    expect(numbers(`${opens}x${'}}'.repeat(9)}`)).toEqual([]);
  });

  test('many openings without closings stay fast', () => {
    const text = '{{c1::a'.repeat(50000);
    const started = performance.now();
    expect(numbers(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('clozeNumbersInFields', () => {
  test('any field counts', () => {
    expect([...clozeNumbersInFields(['{{c1::a}}', 'x {{c3::b}}'])].sort()).toEqual([1, 3]);
  });
});

describe('parseClozes', () => {
  test('tree with hints and nesting', () => {
    expect(parseClozes('a {{c1::b {{c2::c::h2}}::h1}} }}')).toEqual([
      { type: 'text', text: 'a ' },
      {
        type: 'cloze',
        ordinals: [1],
        hint: 'h1',
        children: [
          { type: 'text', text: 'b ' },
          { type: 'cloze', ordinals: [2], hint: 'h2', children: [{ type: 'text', text: 'c' }] },
          { type: 'text', text: '' },
        ],
      },
      { type: 'text', text: ' ' },
      { type: 'text', text: '}}' },
    ]);
  });

  test('ordinals are deduplicated and sorted; image occlusion text keeps its colons', () => {
    expect(parseClozes('{{c3,1,3::x}}')).toEqual([
      { type: 'cloze', ordinals: [1, 3], hint: null, children: [{ type: 'text', text: 'x' }] },
    ]);
    expect(parseClozes('{{c1::image-occlusion:rect::x}}')).toEqual([
      { type: 'cloze', ordinals: [1], hint: null, children: [{ type: 'text', text: 'image-occlusion:rect::x' }] },
    ]);
  });
});
