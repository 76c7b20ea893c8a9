import { describe, expect, test } from 'vitest';
import { revealClozeText } from '../../../../extension/collection/render/cloze-render.ts';
import { imageClozeData, parseImageCloze } from '../../../../extension/collection/render/image-occlusion.ts';

describe('image occlusion deletions', () => {
  test('a rect on the question side of its card', () => {
    expect(revealClozeText('{{c1::image-occlusion:rect:left=10.0:top=20:width=30:height=10}}', 1, true)).toBe(
      '<div class="cloze" data-ordinal="1" data-shape="rect" data-left="10.0" data-top="20" data-width="30" data-height="10" ></div>',
    );
  });

  test('inactive, answer-side highlight, and ordinal 0', () => {
    const text = '{{c2::image-occlusion:ellipse:left=.1:top=.2:rx=.3:ry=0:oi=1}}';
    const attrs = 'data-shape="ellipse" data-left=".1" data-top=".2" data-rx=".3" data-occludeInactive="1" ';
    expect(revealClozeText(`{{c1::x}}${text}`, 1, true)).toContain(`<div class="cloze-inactive" data-ordinal="2" ${attrs}></div>`);
    expect(revealClozeText(text, 2, false)).toBe(`<div class="cloze-highlight" data-ordinal="2" ${attrs}></div>`);
    expect(revealClozeText('{{c1::a}}{{c0::image-occlusion:rect:left=1}}', 1, false)).toContain(
      '<div class="cloze" data-ordinal="0" data-shape="rect" data-left="1" ></div>',
    );
  });

  test('attributes Anki writes, leaves out, and renames', () => {
    expect(imageClozeData('rect:left=10:top=20:width=30:height=10')).toBe(
      'data-shape="rect" data-left="10" data-top="20" data-width="30" data-height="10" ',
    );
    expect(imageClozeData('polygon:points=1,2 3,4 bad 5,6:angle=0:fill=#fff:scale=0:fs=12:unknown=1:width=0')).toBe(
      'data-shape="polygon" data-points="1,2 3,4 5,6" data-angle="0" data-fill="#fff" data-font-size="12" ',
    );
    expect(imageClozeData('blob:left=1')).toBe('data-left="1" ');
    expect(imageClozeData('text:text=a "b":left=1')).toBe('data-shape="text" data-text="a&#x20;&quot;b&quot;" data-left="1" ');
    expect(imageClozeData('nocolon')).toBe('');
  });

  test('escaped colons and backslashes in values; parsing stops at a bad property', () => {
    const shape = parseImageCloze('text:left=10:top=20:text=\\:l\\\\ol\\::width=30:height=40');
    expect(shape?.shape).toBe('text');
    expect(shape?.properties).toEqual([
      { name: 'left', value: '10' },
      { name: 'top', value: '20' },
      { name: 'text', value: ':l\\ol:' },
      { name: 'width', value: '30' },
      { name: 'height', value: '40' },
    ]);
    expect(parseImageCloze('rect:left=:top=2')?.properties).toEqual([]);
    expect(parseImageCloze('rect:left=1:top=a\\x:width=3')?.properties).toEqual([{ name: 'left', value: '1' }]);
    expect(parseImageCloze('rect:left=1:top=')?.properties).toEqual([
      { name: 'left', value: '1' },
      { name: 'top', value: '' },
    ]);
  });
});
