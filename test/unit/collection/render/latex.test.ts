import { describe, expect, test } from 'vitest';
import { extractLatex, latexFilename } from '../../../../extension/collection/render/latex.ts';

describe('extractLatex (latex.rs)', () => {
  test('[latex]: <br> and <div> become newlines, the image is named by sha1', () => {
    const fname = 'latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png';
    expect(extractLatex('a[latex]one<br>and<div>two[/latex]b', false)).toEqual({
      text: `a<img class=latex alt="one&#x0A;and&#x0A;two" src="${fname}">b`,
      filenames: [fname],
    });
  });

  test('[$] is inline math; HTML stripped and entities decoded; svg note types get .svg', () => {
    expect(extractLatex('[$]<b>hello</b>&nbsp; world[/$]', true).filenames).toEqual([
      'latex-060219fbf3ddb74306abddaf4504276ad793b029.svg',
    ]);
  });

  test('[$$] is a displaymath environment', () => {
    const out = extractLatex('x [$$]math &amp; stuff[/$$] y', false);
    expect(out.filenames).toEqual(['latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png']);
    expect(out.text).toBe(
      'x <img class=latex alt="&#x5C;begin&#x7B;displaymath&#x7D;math&#x20;&amp;&#x20;stuff&#x5C;end&#x7B;displaymath&#x7D;" ' +
        'src="latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png"> y',
    );
  });

  test('tags are case-insensitive and span lines; <br /> is not a newline (Anki’s verbose regex)', () => {
    expect(extractLatex('[LaTeX]a\nb[/LATEX]', false).filenames).toEqual([latexFilename('a\nb', false)]);
    expect(extractLatex('[latex]a<br />b[/latex]', false).filenames).toEqual([latexFilename('ab', false)]);
    expect(extractLatex('[latex]a<br/>b[/latex]', false).filenames).toEqual([latexFilename('a\nb', false)]);
  });

  test('text without LaTeX is unchanged', () => {
    expect(extractLatex('no [latex] end', false)).toEqual({ text: 'no [latex] end', filenames: [] });
  });
});
