/** The small formats of a package: media names, media lists, meta, protobuf floats, zip order. */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { sha1 } from '@noble/hashes/legacy.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PackageError } from '../../../../extension/collection/packages/errors.ts';
import { decodeMediaEntries, legacyMediaMapBytes, parseLegacyMediaMap } from '../../../../extension/collection/packages/media-map.ts';
import {
  addHashSuffixToFileStem,
  isStaticMediaName,
  mediaNameIsSafe,
  normalizeMediaName,
} from '../../../../extension/collection/packages/media-names.ts';
import { encodeMeta, readPackageVersion } from '../../../../extension/collection/packages/meta.ts';
import { f32, ProtoMessage } from '../../../../extension/collection/packages/proto.ts';
import { writeZip, ZipReader, zipMemberNames } from '../../../../extension/collection/packages/zip.ts';

describe('media names', () => {
  it('normalises as Anki does', () => {
    expect(normalizeMediaName('a:b*c?.jpg')).toBe('abc.jpg');
    expect(normalizeMediaName('e\u0301.png')).toBe('é.png');
    expect(normalizeMediaName('non\u00a0break.mp3')).toBe('non break.mp3');
    expect(normalizeMediaName('con.txt')).toBe('con_.txt');
    expect(normalizeMediaName('trailing.')).toBe('trailing._');
    expect(new TextEncoder().encode(normalizeMediaName(`${'x'.repeat(200)}.jpeg`)).length).toBeLessThanOrEqual(120);
    expect(normalizeMediaName(`${'x'.repeat(200)}.jpeg`).endsWith('.jpeg')).toBe(true);
  });

  it('accepts only plain names inside the media folder', () => {
    for (const bad of ['', '.', '..', 'a/b.jpg', '../x', 'a\\b']) expect(mediaNameIsSafe(bad)).toBe(false);
    expect(mediaNameIsSafe('_ok.css')).toBe(true);
  });

  it('adds the sha1 before the extension', () => {
    const hex = 'ab'.repeat(20);
    expect(addHashSuffixToFileStem('foo.wav', hex)).toBe(`foo-${hex}.wav`);
    expect(addHashSuffixToFileStem('noext', hex)).toBe(`noext-${hex}.`);
  });

  it('knows template files', () => {
    expect(isStaticMediaName('_font.ttf')).toBe(true);
    expect(isStaticMediaName('latex-abc.png')).toBe(true);
    expect(isStaticMediaName('cat.jpg')).toBe(false);
  });
});

describe('media lists', () => {
  it('reads a legacy JSON list, normalising names', () => {
    expect(parseLegacyMediaMap(strToU8('{"0": "a.jpg", "3": "e\u0301.png"}'))).toEqual([
      { index: 0, name: 'a.jpg', sha1: null },
      { index: 3, name: 'é.png', sha1: null },
    ]);
    expect(() => parseLegacyMediaMap(strToU8('["a.jpg"]'))).toThrow(PackageError);
    expect(() => parseLegacyMediaMap(strToU8('{"x": "a.jpg"}'))).toThrow(PackageError);
  });

  it('writes the legacy list as Python json.dumps does', () => {
    expect(new TextDecoder().decode(legacyMediaMapBytes(['a.jpg', 'é "x".mp3']))).toBe('{"0": "a.jpg", "1": "\\u00e9 \\"x\\".mp3"}');
    expect(new TextDecoder().decode(legacyMediaMapBytes([]))).toBe('{}');
  });

  it('reads a modern protobuf list; its names must already be normal', () => {
    const entry = (name: string, data: Uint8Array) =>
      new BinaryWriter().tag(1, WireType.LengthDelimited).string(name).tag(2, WireType.Varint).uint32(data.length).tag(3, WireType.LengthDelimited).bytes(sha1(data)).finish();
    const list = (...entries: Uint8Array[]) => {
      const w = new BinaryWriter();
      for (const e of entries) w.tag(1, WireType.LengthDelimited).bytes(e);
      return w.finish();
    };
    const decoded = decodeMediaEntries(list(entry('a.jpg', strToU8('a')), entry('b.mp3', strToU8('b'))));
    expect(decoded.map((e) => [e.index, e.name])).toEqual([[0, 'a.jpg'], [1, 'b.mp3']]);
    expect(decoded[0]!.sha1).toEqual(sha1(strToU8('a')));
    expect(() => decodeMediaEntries(list(entry('a:b.jpg', strToU8('a'))))).toThrow(/media list is damaged/);
    expect(() => decodeMediaEntries(list(entry('../a.jpg', strToU8('a'))))).toThrow(/outside the media folder/);
  });
});

describe('meta', () => {
  const zipWith = (files: Record<string, Uint8Array>) => ZipReader.open(zipSync(files));

  it('tells the package kind from meta, else from the collection member', () => {
    expect(readPackageVersion(zipWith({ 'collection.anki2': strToU8('x') }))).toBe(1);
    expect(readPackageVersion(zipWith({ 'collection.anki21': strToU8('x') }))).toBe(2);
    expect(readPackageVersion(zipWith({ meta: encodeMeta(3) }))).toBe(3);
    expect(encodeMeta(2)).toEqual(new Uint8Array([0x08, 0x02]));
  });

  it('refuses a version it does not know', () => {
    expect(() => readPackageVersion(zipWith({ meta: new Uint8Array([0x08, 0x07]) }))).toThrow(/newer version of Anki/);
    expect(() => readPackageVersion(zipWith({ meta: new Uint8Array([]) }))).toThrow(/newer version of Anki/);
  });
});

describe('protobuf reading', () => {
  it('reads floats as their shortest decimal and 64-bit ids exactly', () => {
    const bytes = new BinaryWriter()
      .tag(1, WireType.Bit32).float(1.3)
      .tag(2, WireType.Varint).int64(-4611686018427387904n)
      .tag(3, WireType.Varint).int64(1700000000000)
      .tag(4, WireType.LengthDelimited).fork().float(0.5).float(2.3).join()
      .finish();
    const m = new ProtoMessage(bytes);
    expect(m.float(1)).toBe(1.3);
    expect(m.int64(2)).toBe(-4611686018427387904n);
    expect(m.int64(3)).toBe(1700000000000);
    expect(m.floats(4)).toEqual([0.5, 2.3]);
    expect(m.uint32(9)).toBe(0);
    expect(m.has(9)).toBe(false);
    expect(f32(Math.fround(0.9))).toBe(0.9);
  });
});

describe('zip', () => {
  it('writes members in the order given, deflating only where asked', () => {
    const bytes = writeZip([
      { name: 'collection.anki2', bytes: strToU8('a'.repeat(1000)), deflate: true },
      { name: '0', bytes: strToU8('b'.repeat(1000)), deflate: false },
      { name: 'media', bytes: strToU8('{}'), deflate: true },
    ]);
    expect(zipMemberNames(bytes)).toEqual(['collection.anki2', '0', 'media']);
    expect(new TextDecoder().decode(unzipSync(bytes)['0'])).toBe('b'.repeat(1000));
    expect(bytes.length).toBeLessThan(1500);
  });

  it('reads stored and deflated members, also from a package of thousands of files, without rescanning', () => {
    const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (let i = 0; i < 3000; i++) files[String(i)] = [strToU8(`file ${i} `.repeat(20)), { level: i % 2 ? 6 : 0 }];
    const zip = ZipReader.open(zipSync(files));
    const started = performance.now();
    for (let i = 0; i < 3000; i++) expect(new TextDecoder().decode(zip.read(String(i)))).toBe(`file ${i} `.repeat(20));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(() => zip.read('3000')).toThrow(/has no "3000" inside/);
  });
});
