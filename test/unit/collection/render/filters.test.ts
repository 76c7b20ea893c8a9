import { describe, expect, test } from 'vitest';
import { applyFilters, hintFilter, hintId, ttsFilter } from '../../../../extension/collection/render/filters.ts';

const q1 = { cardOrd: 0, question: true };
const a1 = { cardOrd: 0, question: false };

describe('hint', () => {
  test('Anki’s exact output, with the blake3-derived id', () => {
    expect(hintFilter('foo', 'field')).toBe(
      '\n<a class=hint href="#"\nonclick="this.style.display=\'none\';\n' +
        "document.getElementById('hint83fe48607f0f3a66').style.display='block';\nreturn false;\" draggable=false>\n" +
        'field</a>\n<div id="hint83fe48607f0f3a66" class=hint style="display: none">foo</div>\n',
    );
    expect(hintId('foo', 'field')).toBe('83fe48607f0f3a66');
  });

  test('the id depends on the text and the field name', () => {
    expect(hintId('foo', 'other')).not.toBe(hintId('foo', 'field'));
    expect(hintId('bar', 'field')).not.toBe(hintId('foo', 'field'));
    expect(hintId('x'.repeat(5000), 'f')).toMatch(/^[0-9a-f]{16}$/);
  });

  test('blank text is left as it is', () => {
    expect(hintFilter('  \n', 'f')).toBe('  \n');
    expect(hintFilter('', 'f')).toBe('');
  });
});

describe('applyFilters', () => {
  test('type, type:cloze, type:nc; any other chain ending in type is type', () => {
    expect(applyFilters('ignored', ['type'], 'Back', q1)).toBe('[[type:Back]]');
    expect(applyFilters('ignored', ['cloze', 'type'], 'Text', q1)).toBe('[[type:cloze:Text]]');
    expect(applyFilters('ignored', ['nc', 'type'], 'Text', q1)).toBe('[[type:nc:Text]]');
    expect(applyFilters('ignored', ['some', 'unknown', 'type'], 'Text', q1)).toBe('[[type:Text]]');
    expect(applyFilters('x', ['type', 'text'], 'F', q1)).toBe('[[type:F]]');
  });

  test('text strips HTML and decodes entities', () => {
    expect(applyFilters('<b>a &amp; b</b>&nbsp;c', ['text'], 'F', q1)).toBe('a & b c');
  });

  test('filters apply innermost first', () => {
    // {{text:furigana:F}}: furigana first, then text strips the ruby tags.
    expect(applyFilters('日本[にほん]', ['furigana', 'text'], 'F', q1)).toBe('日本にほん');
    expect(applyFilters('<b>日本[にほん]</b>', ['text', 'kana'], 'F', q1)).toBe('にほん');
  });

  test('an unknown filter stops the chain: later built-in filters do not run', () => {
    expect(applyFilters('<b>x</b>', ['myfilter', 'text'], 'F', q1)).toBe('<b>x</b>');
    expect(applyFilters('<b>x</b>', ['text', 'myfilter'], 'F', q1)).toBe('x');
  });

  test('an empty filter name does nothing', () => {
    expect(applyFilters('<b>x</b>', ['', 'text'], 'F', q1)).toBe('x');
  });

  test('cloze and cloze-only use the card number and side', () => {
    const text = '{{c1::one}} {{c2::two::hint}}';
    expect(applyFilters(text, ['cloze'], 'Text', { cardOrd: 1, question: true })).toBe(
      '<span class="cloze-inactive" data-ordinal="1">one</span> <span class="cloze" data-cloze="two" data-ordinal="2">[hint]</span>',
    );
    expect(applyFilters(text, ['cloze-only'], 'Text', { cardOrd: 1, question: true })).toBe('hint');
    expect(applyFilters(text, ['cloze-only'], 'Text', a1)).toBe('one');
    expect(applyFilters(text, ['cloze'], 'Text', { cardOrd: 2, question: false })).toBe('');
  });

  test('tts wraps the text in a TTS directive', () => {
    expect(applyFilters('foo', ['tts en_US voices=Bob,Jane'], 'F', q1)).toBe('[anki:tts lang=en_US voices=Bob,Jane]foo[/anki:tts]');
    expect(ttsFilter('ja_JP', 'x')).toBe('[anki:tts lang=ja_JP]x[/anki:tts]');
    expect(applyFilters('foo', ['tts'], 'F', q1)).toBe('foo');
  });

  test('hint through applyFilters', () => {
    expect(applyFilters('foo', ['hint'], 'field', q1)).toBe(hintFilter('foo', 'field'));
  });
});
