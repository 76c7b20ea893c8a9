import { describe, expect, test } from 'vitest';
import { extractAvTags } from '../../../../extension/collection/render/sound.ts';

describe('extractAvTags', () => {
  test('sound and TTS tags become numbered play markers for the side', () => {
    const text = 'foo [sound:bar.mp3] baz [anki:tts lang=en_US][...][/anki:tts]';
    expect(extractAvTags(text, true)).toBe('foo [anki:play:q:0] baz [anki:play:q:1]');
    expect(extractAvTags(text, false)).toBe('foo [anki:play:a:0] baz [anki:play:a:1]');
    expect(extractAvTags('[sound:a.mp3][sound:b.mp3]', true)).toBe('[anki:play:q:0][anki:play:q:1]');
  });

  test('a TTS tag without lang is an error text and takes no number', () => {
    expect(extractAvTags('[anki:tts]foo[/anki:tts]', true)).toBe("[Error in directive 'anki:tts': 'lang' not set]");
    expect(extractAvTags('[anki:tts lang=]x[/anki:tts] [sound:a.mp3]', true)).toBe(
      "[Error in directive 'anki:tts': 'lang' not set] [anki:play:q:0]",
    );
  });

  test('existing play markers are text, so a FrontSide copy keeps its q markers', () => {
    expect(extractAvTags('[anki:play:q:0]\n\n<hr id=answer>\n\n[sound:b.mp3]', false)).toBe(
      '[anki:play:q:0]\n\n<hr id=answer>\n\n[anki:play:a:0]',
    );
  });

  test.each([
    'plain',
    '[sound:]',
    '[anki:][/anki:]',
    '[anki:foo][/anki:bar]',
    'abc[anki:foo]def[/anki:bar]ghi][[anki:bar][',
    '[sound:unclosed',
    '[anki:foo bar]x[/anki:foo]',
  ])('text with no complete tag is unchanged: %j', (text) => {
    expect(extractAvTags(text, true)).toBe(text);
  });

  test('other directives are written back with normalised options', () => {
    expect(extractAvTags('[anki:foo\nbar=baz ][/anki:foo]', true)).toBe('[anki:foo bar=baz][/anki:foo]');
    expect(extractAvTags('[anki:foo a="b c"]]x[[/anki:foo]', true)).toBe('[anki:foo a="b c"]]x[[/anki:foo]');
    expect(extractAvTags('[anki:foo\na=b\tc=d e=f]x[/anki:foo] [sound:s.mp3]', false)).toBe(
      '[anki:foo a=b c=d e=f]x[/anki:foo] [anki:play:a:0]',
    );
  });

  test('TTS options are read whatever their order; a quoted value may hold spaces', () => {
    expect(extractAvTags('[anki:tts voices=Alice,Bob speed=0.5 lang=ja_JP]x[/anki:tts]', true)).toBe('[anki:play:q:0]');
    expect(extractAvTags('[anki:tts lang="en US"]x[/anki:tts]', true)).toBe('[anki:play:q:0]');
  });
});
