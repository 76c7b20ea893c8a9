import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  fieldChecksum,
  sortFieldValue,
  stripHtml,
  stripHtmlPreservingMediaFilenames,
} from '../../../../extension/collection/notes/text.ts';

describe('fieldChecksum', () => {
  it('is the big-endian u32 of the first 4 bytes of sha1', () => {
    expect(fieldChecksum('hello')).toBe(2868168221);
    // Anki's own test values (notes/mod.rs).
    expect(fieldChecksum('test')).toBe(2840236005);
    expect(fieldChecksum('今日')).toBe(1464653051);
    expect(fieldChecksum('')).toBe(0xda39a3ee);
  });
});

describe('stripHtml', () => {
  it('removes tags, comments, style and script blocks', () => {
    expect(stripHtml('test')).toBe('test');
    expect(stripHtml('t<b>e</b>st')).toBe('test');
    expect(stripHtml('so<SCRIPT>t<b>e</b>st</script>me')).toBe('some');
    expect(stripHtml('a<!-- <b>x</b>\n -->b')).toBe('ab');
    expect(stripHtml('a<style type="x">.c{}\n</STYLE>b')).toBe('ab');
    expect(stripHtml('a<br\n/>b')).toBe('ab');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and turns nbsp into a space', () => {
    expect(decodeEntities('a&amp;b&lt;c&gt;&quot;')).toBe('a&b<c>"');
    expect(decodeEntities('&#65;&#x42;&#x43;&eacute;')).toBe('ABCé');
    expect(decodeEntities('a&nbsp;b&#160;c')).toBe('a b c');
    expect(decodeEntities('&#x1F600;')).toBe('😀');
  });
  it('leaves the whole text alone when any entity is malformed or unknown', () => {
    expect(decodeEntities('Tom & Jerry &amp; co')).toBe('Tom & Jerry &amp; co');
    expect(decodeEntities('&amp; &apos;')).toBe('&amp; &apos;');
    expect(decodeEntities('&amp; &AMP;')).toBe('&amp; &AMP;');
    expect(decodeEntities('&#X41; &amp;')).toBe('&#X41; &amp;');
    expect(decodeEntities('&#xD800; &amp;')).toBe('&#xD800; &amp;');
    expect(decodeEntities('&#x; &amp;')).toBe('&#x; &amp;');
    expect(decodeEntities('&; &amp;')).toBe('&; &amp;');
    expect(decodeEntities('&amp')).toBe('&amp');
  });
});

describe('stripHtmlPreservingMediaFilenames', () => {
  it('keeps media filenames (Anki text.rs tests)', () => {
    expect(stripHtmlPreservingMediaFilenames('<img src=foo.jpg>')).toBe(' foo.jpg ');
    expect(stripHtmlPreservingMediaFilenames("<img src='foo.jpg'><html>")).toBe(' foo.jpg ');
    expect(stripHtmlPreservingMediaFilenames('<html>')).toBe('');
  });
  it('handles quoting, other attributes, case and other media tags', () => {
    expect(stripHtmlPreservingMediaFilenames('a<IMG class="x>y" SRC="b c.png" alt=z>d')).toBe('a b c.png d');
    expect(stripHtmlPreservingMediaFilenames('<audio controls src=x.mp3 autoplay></audio>')).toBe(' x.mp3 ');
    expect(stripHtmlPreservingMediaFilenames('<object data="o.svg"></object>')).toBe(' o.svg ');
    expect(stripHtmlPreservingMediaFilenames('<image src=x.png>')).toBe('');
    expect(stripHtmlPreservingMediaFilenames('<img xsrc=x.png>')).toBe('');
    expect(stripHtmlPreservingMediaFilenames('<img alt="a"><b>&amp;</b>')).toBe('&');
    expect(stripHtmlPreservingMediaFilenames('<img src="1.jpg"><img src="2.jpg">')).toBe(' 1.jpg  2.jpg ');
  });
  it('stays fast on tags that never match', () => {
    const html = '<img ' + 'a="b" '.repeat(2000) + 'c>'.repeat(1) + 'text';
    const t = performance.now();
    expect(stripHtmlPreservingMediaFilenames(html)).toBe('text');
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('sortFieldValue', () => {
  it('is the stripped field', () => {
    expect(sortFieldValue('<b>x</b> <img src="a.jpg">')).toBe('x  a.jpg ');
    expect(sortFieldValue('12')).toBe('12');
  });
});
