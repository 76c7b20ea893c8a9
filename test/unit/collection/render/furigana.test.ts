import { describe, expect, test } from 'vitest';
import { furiganaFilter, kanaFilter, kanjiFilter } from '../../../../extension/collection/render/furigana.ts';

describe('ruby filters', () => {
  test('Anki’s own example', () => {
    const text = 'test first[second] third[fourth]';
    expect(kanaFilter(text)).toBe('testsecondfourth');
    expect(kanjiFilter(text)).toBe('testfirstthird');
    expect(furiganaFilter('first[second]')).toBe('<ruby><rb>first</rb><rt>second</rt></ruby>');
  });

  test('the base runs back to a space or ">", and one space before it is dropped', () => {
    expect(furiganaFilter('私は 日本[にほん]に')).toBe('私は<ruby><rb>日本</rb><rt>にほん</rt></ruby>に');
    expect(furiganaFilter('<b>漢字[かんじ]</b>')).toBe('<b><ruby><rb>漢字</rb><rt>かんじ</rt></ruby></b>');
    expect(kanaFilter('<b>漢字[かんじ]</b>')).toBe('<b>かんじ</b>');
  });

  test('&nbsp; counts as a space (and stays one)', () => {
    expect(kanjiFilter('a&nbsp;日本[にほん]')).toBe('a日本');
    expect(kanaFilter('x&nbsp;y')).toBe('x y');
  });

  test('sound tags are left alone', () => {
    const text = 'word[sound:word.mp3] 犬[いぬ]';
    expect(furiganaFilter(text)).toBe('word[sound:word.mp3]<ruby><rb>犬</rb><rt>いぬ</rt></ruby>');
    expect(kanaFilter(text)).toBe('word[sound:word.mp3]いぬ');
  });

  test('a reading does not run over a newline; text without readings is unchanged', () => {
    expect(kanaFilter('a[b\nc]')).toBe('a[b\nc]');
    expect(furiganaFilter('no readings here')).toBe('no readings here');
  });
});
