import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameError, FrameReader, MessageAssembler, MessageSplitter } from '../../../shared/frames.ts';
import { NATIVE_MESSAGE_MAX_BYTES } from '../../../shared/limits.ts';

const utf8 = new TextEncoder();

function roundTrip(message: unknown, splitter = new MessageSplitter(), assembler = new MessageAssembler()): unknown {
  let out: unknown;
  for (const json of splitter.split(message)) {
    const got = assembler.accept(JSON.parse(json));
    if (got !== undefined) out = got;
  }
  return out;
}

describe('MessageSplitter / MessageAssembler', () => {
  it('sends small messages whole and passes them through', () => {
    const splitter = new MessageSplitter();
    const assembler = new MessageAssembler();
    for (const m of [{ type: 'status', listening: true, port: 8765 }, { type: 'response', id: 1, status: 200, headers: {}, body: null }, { a: 'é漢😀' }]) {
      const parts = splitter.split(m);
      expect(parts).toEqual([JSON.stringify(m)]);
      expect(assembler.accept(JSON.parse(parts[0]!))).toEqual(m);
    }
    expect(splitter.splitToObjects({ x: 1 })).toEqual([{ x: 1 }]);
    expect(assembler.pending).toBe(0);
  });

  it('splits a 50 MB message into chunks under 1 MiB and puts it back together', () => {
    const body = randomBytes(50 * 1024 * 1024).toString('base64');
    const message = { type: 'request', id: 7, method: 'POST', path: '/', headers: {}, body };
    const parts = new MessageSplitter().split(message);
    expect(parts.length).toBeGreaterThan(50);
    for (const json of parts) {
      expect(utf8.encode(json).length).toBeLessThanOrEqual(NATIVE_MESSAGE_MAX_BYTES);
      expect(JSON.parse(json)).toMatchObject({ type: 'chunk', count: parts.length });
    }
    const assembler = new MessageAssembler();
    let out: unknown;
    parts.forEach((json, i) => {
      out = assembler.accept(JSON.parse(json));
      if (i < parts.length - 1) expect(out).toBeUndefined();
    });
    expect(out).toEqual(message);
    expect(assembler.pending).toBe(0);
  }, 120_000);

  it('never cuts a surrogate pair, so every chunk is valid Unicode, and fits the limit after escaping', () => {
    const text = 'aé漢😀"\\\n\u0001'.repeat(1000);
    for (const chunkChars of [1, 2, 3, 5, 7, 1000]) {
      const splitter = new MessageSplitter({ maxMessageBytes: 300, chunkChars });
      const parts = splitter.split({ text });
      expect(parts.length).toBeGreaterThan(1);
      for (const json of parts) {
        expect(json).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i); // no lone high surrogate escapes
        expect(utf8.encode(json).length).toBeLessThanOrEqual(300);
        const data = (JSON.parse(json) as { data: string }).data;
        expect(data.isWellFormed()).toBe(true);
      }
      expect(roundTrip({ text }, splitter)).toEqual({ text });
    }
  });

  it('reassembles interleaved chunked messages, in any chunk order', () => {
    const splitter = new MessageSplitter({ maxMessageBytes: 300, chunkChars: 50 });
    const a = { type: 'a', data: 'x'.repeat(1000) };
    const b = { type: 'b', data: 'é'.repeat(700) };
    const pa = splitter.split(a).map((j) => JSON.parse(j) as { cid: number });
    const pb = splitter.split(b).map((j) => JSON.parse(j) as { cid: number });
    expect(pa[0]!.cid).not.toBe(pb[0]!.cid);
    const assembler = new MessageAssembler();
    const done: unknown[] = [];
    const mixed = [];
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      if (pb[i]) mixed.push(pb[i]);
      if (pa[pa.length - 1 - i]) mixed.push(pa[pa.length - 1 - i]); // a backwards
    }
    mixed.push({ type: 'plain' });
    for (const m of mixed) {
      const got = assembler.accept(m);
      if (got !== undefined) done.push(got);
    }
    // Both complete (a although it was sent backwards); the plain message passes straight through.
    expect(done).toHaveLength(3);
    expect(done).toEqual(expect.arrayContaining([a, b]));
    expect(done[2]).toEqual({ type: 'plain' });
    expect(assembler.pending).toBe(0);
  });

  it('splitToObjects yields chunk objects for large messages', () => {
    const splitter = new MessageSplitter({ maxMessageBytes: 300, chunkChars: 40 });
    const m = { data: 'z'.repeat(500) };
    const objects = splitter.splitToObjects(m);
    expect(objects.length).toBeGreaterThan(1);
    const assembler = new MessageAssembler();
    let out: unknown;
    for (const o of objects) out = assembler.accept(o) ?? out;
    expect(out).toEqual(m);
  });

  it('rejects bad chunks', () => {
    const assembler = new MessageAssembler();
    const data = '{}';
    expect(() => assembler.accept({ type: 'chunk', cid: 1, seq: 0, count: 0, data })).toThrow(FrameError);
    expect(() => assembler.accept({ type: 'chunk', cid: 9, seq: 0, count: 1, data: 5 })).toThrow(FrameError);
    expect(() => assembler.accept({ type: 'chunk', cid: 2, seq: 0, count: 1.5, data })).toThrow(FrameError);
    expect(() => assembler.accept({ type: 'chunk', cid: 3, seq: 2, count: 2, data })).toThrow(/bad chunk 2 of 2/);
    expect(() => assembler.accept({ type: 'chunk', cid: 4, seq: -1, count: 2, data })).toThrow(FrameError);
    assembler.accept({ type: 'chunk', cid: 5, seq: 0, count: 2, data });
    expect(() => assembler.accept({ type: 'chunk', cid: 5, seq: 0, count: 2, data })).toThrow(/bad chunk 0 of 2/);
    expect(assembler.pending).toBe(0);

    const limited = new MessageAssembler(10);
    limited.accept({ type: 'chunk', cid: 1, seq: 0, count: 2, data: '"01' });
    expect(() => limited.accept({ type: 'chunk', cid: 1, seq: 1, count: 2, data: '23456789"' })).toThrow(/exceeds 10 characters/);
    expect(limited.pending).toBe(0);
  });
});

describe('encodeFrame / FrameReader', () => {
  const texts = ['{}', '{"a":"é漢😀"}', JSON.stringify({ big: 'q'.repeat(70_000) }), '[1,2,3]'];

  it('writes a 4-byte little-endian length and UTF-8 JSON', () => {
    const frame = encodeFrame('{"a":"é"}');
    const body = utf8.encode('{"a":"é"}');
    expect(Array.from(frame.subarray(0, 4))).toEqual([body.length, 0, 0, 0]);
    expect(Array.from(frame.subarray(4))).toEqual(Array.from(body));
    const ascii = encodeFrame('x'.repeat(300));
    expect(Array.from(ascii.subarray(0, 4))).toEqual([44, 1, 0, 0]);
  });

  it('reads several frames from one push', () => {
    const stream = Buffer.concat(texts.map(encodeFrame));
    const reader = new FrameReader();
    expect(reader.push(stream)).toEqual(texts);
    expect(reader.buffered).toBe(0);
  });

  it('reads frames split at every byte boundary', () => {
    const stream = Buffer.concat(texts.slice(0, 2).map(encodeFrame));
    for (let cut = 0; cut <= stream.length; cut++) {
      const reader = new FrameReader();
      const got = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      expect(got).toEqual(texts.slice(0, 2));
      expect(reader.buffered).toBe(0);
    }
  });

  it('reads a stream fed one byte at a time, and in uneven pieces', () => {
    const stream = Buffer.concat(texts.map(encodeFrame));
    const small = Buffer.concat(texts.slice(0, 2).map(encodeFrame));
    const reader = new FrameReader();
    const got: string[] = [];
    for (let i = 0; i < small.length; i++) got.push(...reader.push(small.subarray(i, i + 1)));
    expect(got).toEqual(texts.slice(0, 2));

    const pieces: string[] = [];
    const sizes = [1, 3, 4, 5, 1000, 65536, 7];
    for (let at = 0, k = 0; at < stream.length; k++) {
      const n = sizes[k % sizes.length]!;
      pieces.push(...reader.push(stream.subarray(at, at + n)));
      at += n;
    }
    expect(pieces).toEqual(texts);
    expect(reader.buffered).toBe(0);
  });

  it('keeps a partial frame buffered and rejects oversized lengths', () => {
    const reader = new FrameReader(100);
    expect(reader.push(encodeFrame('{"x":1}').subarray(0, 6))).toEqual([]);
    expect(reader.buffered).toBe(6);
    expect(() => new FrameReader(100).push(encodeFrame('x'.repeat(101)).subarray(0, 4))).toThrow(FrameError);
    expect(() => new FrameReader(100).push(Buffer.concat([encodeFrame('1'), encodeFrame('x'.repeat(200))]))).toThrow(FrameError);
  });
});
