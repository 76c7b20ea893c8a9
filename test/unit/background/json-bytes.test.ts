import { describe, expect, it } from 'vitest';
import { jsonBytes, recycle } from '../../../extension/background/json-bytes.ts';
import { StreamedList } from '../../../extension/actions/streamed-list.ts';
import { toJson } from '../../../extension/collection/json.ts';

const same = (v: unknown) => expect(Buffer.from(jsonBytes(v)).toString('utf8')).toBe(toJson(v));

describe('jsonBytes', () => {
  it('writes what JSON.stringify writes, as UTF-8', () => {
    for (const v of [
      null, true, false, 0, -0, 1.5, -1e21, 1e-7, 2 ** 53, NaN, Infinity, -Infinity, '', 'plain', '"quoted" \\ back',
      '\u0000\u0001\u001f\b\t\n\f\r\u007f', 'é 日本語 😀', '\ud800 lone \udc00', 'x\ud83d', [], {}, [1, 'a', null, [2, [3]]],
      { a: 1, b: [true, { c: 'd' }], '': 'empty key', 'é': 'ü' }, { 2: 'b', 1: 'a', z: 1, y: 2 },
      [undefined, () => 1, Symbol('s')], { u: undefined, f: () => 1, s: Symbol('s'), k: 1 },
      Object.assign(Object.create(null) as object, { bare: 1 }), { d: new Date(0) }, { nested: { toJSON: () => 'custom' } },
      { big: 12345678901234567890n, list: [1n] }, { map: new Map([[1, 2]]) },
    ]) same(v);
  });

  it('keeps an own "__proto__" key', () => {
    const o: Record<string, unknown> = { a: 1 };
    Object.defineProperty(o, '__proto__', { value: { x: 1 }, enumerable: true, writable: true, configurable: true });
    same(o);
  });

  it('leaves out non-enumerable properties', () => {
    const o = { shown: 1 };
    Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
    same(o);
  });

  it('agrees with JSON.stringify on random strings of every kind of code unit, and on a large reply', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pools = [[0, 0x20], [0x20, 0x80], [0x80, 0x800], [0x800, 0xd800], [0xd800, 0xe000], [0xe000, 0x10000]] as const;
    const strings: string[] = [];
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let i = 0; i < 40; i++) {
        const [lo, hi] = pools[Math.floor(rand() * pools.length)]!;
        s += String.fromCharCode(lo + Math.floor(rand() * (hi - lo)));
      }
      strings.push(s);
      same(s);
    }
    same(strings.map((s, i) => ({ id: i, [s]: s, fields: { [s.slice(0, 5)]: { value: s, order: i } } })));
  });
});

describe('recycle', () => {
  it('writes the next large reply into a buffer given back, and never hands out one still in use', () => {
    const large = Array.from({ length: 5000 }, (_, i) => ({ i, text: `日本語 ${i}`.repeat(5) }));
    const first = jsonBytes(large);
    const firstText = Buffer.from(first).toString('utf8');
    // Not given back: the next reply gets its own buffer, and the first one's bytes stay as they were.
    const second = jsonBytes(large);
    expect(second.buffer).not.toBe(first.buffer);
    recycle(second);
    const third = jsonBytes(large.slice().reverse());
    expect(third.buffer).toBe(second.buffer);
    expect(Buffer.from(third).toString('utf8')).toBe(toJson(large.slice().reverse()));
    expect(Buffer.from(first).toString('utf8')).toBe(firstText);
    // Small replies never take it.
    recycle(third);
    expect(jsonBytes({ small: 1 }).buffer).not.toBe(third.buffer);
    expect(jsonBytes(large).buffer).toBe(third.buffer);
  });

  it('writes a StreamedList item by item, as the whole list', () => {
    let made = 0;
    const list = new StreamedList(3, (i) => (made++, { i, s: 'é'.repeat(i) }));
    expect(Buffer.from(jsonBytes({ result: list, error: null })).toString('utf8')).toBe(toJson({ result: list.toJSON(), error: null }));
    expect(made).toBe(6);
  });
});
