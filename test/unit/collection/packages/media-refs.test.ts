import { describe, expect, it } from 'vitest';
import { extractMediaRefs, replaceMediaRefs } from '../../../../extension/collection/packages/media-refs.ts';

describe('extractMediaRefs', () => {
  it.each([
    ['<img src="a.jpg">', ['a.jpg']],
    ["<IMG alt='x' SRC='b c.png'>", ['b c.png']],
    ['<img src=bare.gif>', ['bare.gif']],
    ['<img src=bare.gif width=3>', ['bare.gif']],
    ['<audio controls src="s.mp3"></audio><video src="v.mp4">', ['s.mp3', 'v.mp4']],
    ['<object data="o.svg"></object><source src="x.ogg">', ['o.svg', 'x.ogg']],
    ['[sound:one.mp3] and [sound:two.wav]', ['one.mp3', 'two.wav']],
    ['<img src="&amp;.jpg">', ['&.jpg']],
    ['<imgsrc="no.jpg"> <image src="no.jpg">', []],
    ['no media here', []],
    ['[sound:x.mp3]<img src="y.jpg">', ['y.jpg', 'x.mp3']],
  ])('%s', (text, names) => {
    expect(extractMediaRefs(text)).toEqual(names);
  });
});

describe('replaceMediaRefs', () => {
  const rename = (map: Record<string, string>) => (name: string) => map[name] ?? null;

  it('replaces names in tags and sound references, leaving the rest', () => {
    const text = 'x <img class="a" src="a.jpg"> y [sound:a.jpg] <img src="b.jpg">';
    expect(replaceMediaRefs(text, rename({ 'a.jpg': 'a-1.jpg' }))).toBe('x <img class="a" src="a-1.jpg"> y [sound:a-1.jpg] <img src="b.jpg">');
  });

  it('encodes the new name where the old one was written with entities', () => {
    expect(replaceMediaRefs('<img src="a&amp;b.jpg">', rename({ 'a&b.jpg': 'c&d.jpg' }))).toBe('<img src="c&amp;d.jpg">');
  });

  it('leaves the text alone when nothing is renamed', () => {
    const text = '<img src="a.jpg"> [sound:b.mp3]';
    expect(replaceMediaRefs(text, () => null)).toBe(text);
  });
});
