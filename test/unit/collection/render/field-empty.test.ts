import { describe, expect, test } from 'vitest';
import { fieldIsEmpty } from '../../../../extension/collection/render/field-empty.ts';

describe('fieldIsEmpty', () => {
  test.each([
    [''],
    [' '],
    ['\t\n\r\f\v'],
    ['<br>'],
    ['<BR>'],
    ['<br/>'],
    ['<br />'],
    ['<div />'],
    ['<div></div>'],
    [' <div> <br> </div>\n'],
    ['<Div><bR></DIV>'],
  ])('%j is empty', (text) => {
    expect(fieldIsEmpty(text)).toBe(true);
  });

  test.each([
    ['x'],
    [' <div>x</div>\n'],
    ['&nbsp;'],
    ['\u00a0'],
    ['\u3000'],
    ['<p></p>'],
    ['<br  >'],
    ['<br class="x">'],
    ['<img src="a.jpg">'],
    ['<div'],
    ['0'],
  ])('%j is not empty', (text) => {
    expect(fieldIsEmpty(text)).toBe(false);
  });
});
