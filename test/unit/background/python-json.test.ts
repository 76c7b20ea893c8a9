import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Python, parseJsonPython } from '../../../extension/background/python-json.ts';

/**
 * Expected texts come from a real CPython. Set PYTHON_JSON_REF to a 3.13
 * interpreter to compare everything directly; with an older python3 (3.11 on
 * the dev box) the 3.13-only trailing-comma messages are translated back to
 * what older versions say, and are asserted literally below.
 */
function findPython(): { cmd: string; minor: number } | undefined {
  for (const cmd of [process.env.PYTHON_JSON_REF, 'python3.13', 'python3']) {
    if (!cmd) continue;
    const r = spawnSync(cmd, ['-c', 'import sys; print(sys.version_info[1] if sys.version_info[0] == 3 else 0)'], {
      encoding: 'utf8',
    });
    const minor = Number(r.stdout?.trim());
    if (r.status === 0 && minor >= 11) return { cmd, minor };
  }
  return undefined;
}
const python = findPython();

/** Runs `body` (which reads `items` and appends to `out`) in Python over JSON-encoded input. */
function runPython(body: string, items: readonly string[]): Array<{ ok?: unknown; error?: string }> {
  const script = `import json, sys\nitems = json.load(sys.stdin)\nout = []\n${body}\nsys.stdout.write(json.dumps(out))`;
  const r = spawnSync(python!.cmd, ['-c', script], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Array<{ ok?: unknown; error?: string }>;
}

const PY_JSON = `for s in items:
    try:
        out.append({"ok": json.dumps(json.loads(s))})
    except Exception as e:
        out.append({"error": str(e)})`;

const PY_UTF8 = `for h in items:
    try:
        out.append({"ok": bytes.fromhex(h).decode("utf-8")})
    except UnicodeDecodeError as e:
        out.append({"error": str(e)})`;

/** Python's ": line L column C (char N)" suffix for a code-point position. */
function where(text: string, pos: number): string {
  const cps = Array.from(text).slice(0, pos);
  const nl = cps.lastIndexOf('\n');
  return `line ${cps.filter((c) => c === '\n').length + 1} column ${pos - nl} (char ${pos})`;
}

/** What Python < 3.13 reports where 3.13 reports an illegal trailing comma. */
function beforePy313(text: string, error: string): string {
  const m = /^Illegal trailing comma before end of (object|array): .*\(char (\d+)\)$/.exec(error);
  if (!m) return error;
  const cps = Array.from(text);
  let pos = Number(m[2]) + 1;
  while (' \t\n\r'.includes(cps[pos]!)) pos++;
  const msg = m[1] === 'object' ? 'Expecting property name enclosed in double quotes' : 'Expecting value';
  return `${msg}: ${where(text, pos)}`;
}

function compareJson(corpus: readonly string[]): void {
  const expected = runPython(PY_JSON, corpus);
  corpus.forEach((text, i) => {
    const got = parseJsonPython(text);
    const want = expected[i]!;
    if ('error' in got) {
      const adjusted = python!.minor >= 13 ? got.error : beforePy313(text, got.error);
      expect({ text, error: adjusted }).toEqual({ text, error: want.error });
    } else {
      expect(want.error, `python rejected ${JSON.stringify(text)}`).toBeUndefined();
      const pyValue = parseJsonPython(want.ok as string); // json.dumps may write NaN/Infinity
      expect('value' in pyValue && pyValue.value).toEqual(got.value);
    }
  });
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MALFORMED = [
  '', ' ', '\n\n  ', '{', '[', '"', '}', ']', ':', ',', 'x', 'nul', 'tru', 'fals', 'nulll', 'True', 'None',
  '-', '-a', '--1', '+1', '01', '00', '-01', '1.', '.5', '1.e5', '1e', '1e+', '1E-', '[1e]', '[1.]', '[-]', '1 2',
  '{"a"}', '{"a" 1}', '{"a":}', '{"a":1 "b":2}', '{"a":1,,}', '{,}', '{1:2}', "{'a':1}", '{"a":1}}', '{"a":1',
  '[1 2]', '[1,,2]', '[,]', '[1', '[1,', '["a",', '[[]', '[]]', '{"a":[1,2}', '{"a\n":1}',
  '"abc', '"a\u0001b"', '"tab\there"', '"\\x"', '"\\', '"\\u', '"\\u12"', '"\\u1234', '"\\u123x"', '"\\uZZZZ"',
  '"\\u0x12"', '"\\ud800\\u"', '"\\ud800\\udc0"', '"\\ud800\\udc00', '"\\ud800\\uzzzz"', '"\\ud800\\u12345"',
  '\ufeff{}', '\ufeff', ' \ufeff{}', '{"😀": x}', '["😀", "é", 😀]', '"😀\n"', '[\n1,\n2\n3]', '{\r\n"a":\r\n}',
  '\u00a0{}', '{}\u00a0', '[1]\u2028', 'NaN1', 'nan', 'inf', '-inf', 'Infinit', '-Infinit', '[Infinity,]',
  '{"a":NaN,"b"}', '[1,2,]', '{"a":1,}', '[1 , ]', '{"a":1\n,\n}', '{"x":[1,]}',
];

const ACCEPTED = [
  'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity, Infinity]', '{"a": NaN}', ' \t\n\r1\r\n', '"\\ud800"',
  '"\\udc00\\ud800"', '"\\ud83d\\ude00"', '"\\ud800\\u0041"', '{"__proto__": 1, "a": [NaN]}', '{"a":1,"a":2}',
  '-0.0', '1e400', '[1E+2, 2e-2, 0.5]', '"é😀\\/\\b"',
];

describe('decodeUtf8Python', () => {
  const hex = (b: readonly number[]): string => Buffer.from(b).toString('hex');

  it('decodes valid UTF-8 and keeps a BOM', () => {
    expect(decodeUtf8Python(new TextEncoder().encode('héllo 😀'))).toEqual({ text: 'héllo 😀' });
    expect(decodeUtf8Python(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ text: '\ufeff{}' });
    expect(decodeUtf8Python(new Uint8Array([]))).toEqual({ text: '' });
  });

  it('reports errors in CPython wording', () => {
    const err = (b: number[]) => (decodeUtf8Python(new Uint8Array(b)) as { error: string }).error;
    expect(err([0x61, 0x62, 0x63, 0xe7, 0x41])).toBe(
      "'utf-8' codec can't decode byte 0xe7 in position 3: invalid continuation byte",
    );
    expect(err([0x61, 0x62, 0x63, 0xe2, 0x82])).toBe(
      "'utf-8' codec can't decode bytes in position 3-4: unexpected end of data",
    );
    expect(err([0x61, 0x62, 0x63, 0x64, 0x65, 0xe2])).toBe(
      "'utf-8' codec can't decode byte 0xe2 in position 5: unexpected end of data",
    );
    expect(err([0x80])).toBe("'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte");
    expect(err([0xed, 0xa0, 0x80])).toBe("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
    expect(err([0xf0, 0x9f, 0x98, 0x41])).toBe(
      "'utf-8' codec can't decode bytes in position 0-2: invalid continuation byte",
    );
  });

  it.skipIf(!python)('matches CPython on lead x continuation byte combinations and random bytes', () => {
    const corpus: string[] = [];
    const seconds = [-1, 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
    const thirds = [-1, 0x41, 0x80, 0xbf, 0xc0];
    const fourths = [-1, 0x80, 0x41];
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (const b2 of seconds) for (const b3 of thirds) for (const b4 of fourths) {
        corpus.push(hex([0x61, 0x62, lead, b2, b3, b4].filter((b) => b >= 0)));
      }
    }
    const rand = rng(1);
    const pool = [0x41, 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xc0, 0xff];
    for (let n = 0; n < 3000; n++) {
      const len = Math.floor(rand() * 9);
      corpus.push(hex(Array.from({ length: len }, () => pool[Math.floor(rand() * pool.length)]!)));
    }
    const expected = runPython(PY_UTF8, corpus);
    corpus.forEach((h, i) => {
      const got = decodeUtf8Python(new Uint8Array(Buffer.from(h, 'hex')));
      const want = expected[i]!;
      expect({ h, ...got }).toEqual(want.error !== undefined ? { h, error: want.error } : { h, text: want.ok });
    });
  });
});

describe('parseJsonPython', () => {
  it('uses JSON.parse results for ordinary documents', () => {
    expect(parseJsonPython('{"action":"version","version":6,"params":{"a":[1,2.5,null,true]}}')).toEqual({
      value: { action: 'version', version: 6, params: { a: [1, 2.5, null, true] } },
    });
  });

  it('accepts what Python accepts beyond JSON', () => {
    expect(parseJsonPython('NaN')).toEqual({ value: NaN });
    expect(parseJsonPython('[Infinity, -Infinity, 1e400]')).toEqual({ value: [Infinity, -Infinity, Infinity] });
    expect(parseJsonPython('{"a": NaN, "b": "\\ud800", "c": "\\ud83d\\ude00"}')).toEqual({
      value: { a: NaN, b: '\ud800', c: '😀' },
    });
    const proto = parseJsonPython('{"__proto__": {"x": 1}, "n": NaN}') as { value: Record<string, unknown> };
    expect(Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
    expect(Object.keys(proto.value)).toEqual(['__proto__', 'n']);
  });

  it('gives the literal messages named in the brief', () => {
    expect(parseJsonPython('')).toEqual({ error: 'Expecting value: line 1 column 1 (char 0)' });
    expect(parseJsonPython('"\\x"')).toEqual({ error: 'Invalid \\escape: line 1 column 2 (char 1)' });
    expect(parseJsonPython('\ufeff{}')).toEqual({
      error: 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)',
    });
    expect(parseJsonPython('{"😀":1 x')).toEqual({ error: "Expecting ',' delimiter: line 1 column 8 (char 7)" });
  });

  it('reports Python 3.13 trailing-comma messages', () => {
    expect(parseJsonPython('[1,]')).toEqual({ error: 'Illegal trailing comma before end of array: line 1 column 3 (char 2)' });
    expect(parseJsonPython('[1, ]')).toEqual({ error: 'Illegal trailing comma before end of array: line 1 column 3 (char 2)' });
    expect(parseJsonPython('{"a":1,}')).toEqual({ error: 'Illegal trailing comma before end of object: line 1 column 7 (char 6)' });
    expect(parseJsonPython('{"a":1 ,\n }')).toEqual({ error: 'Illegal trailing comma before end of object: line 1 column 8 (char 7)' });
    expect(parseJsonPython('[1,,]')).toEqual({ error: 'Expecting value: line 1 column 4 (char 3)' });
  });

  it('refuses integers over 4300 digits like int() does', () => {
    const msg = (n: number) =>
      `Exceeds the limit (4300 digits) for integer string conversion: value has ${n} digits; use sys.set_int_max_str_digits() to increase the limit`;
    expect(parseJsonPython('1'.repeat(4301))).toEqual({ error: msg(4301) });
    expect(parseJsonPython(`[-${'9'.repeat(5000)}]`)).toEqual({ error: msg(5000) });
    expect('value' in parseJsonPython(`[${'1'.repeat(4300)}, "${'2'.repeat(5000)}", 1${'0'.repeat(5000)}.5]`)).toBe(true);
  });

  it('does not overflow on deep nesting in the slow path', () => {
    const deep = (n: number) => `${'['.repeat(n)}NaN${']'.repeat(n)}`;
    expect('value' in parseJsonPython(deep(5000))).toBe(true);
    expect(parseJsonPython(deep(20_000))).toEqual({
      error: 'maximum recursion depth exceeded while decoding a JSON array from a unicode string',
    });
  });

  it.skipIf(!python)('matches CPython on a malformed and accepted corpus', () => {
    compareJson([...MALFORMED, ...ACCEPTED]);
    compareJson([`[${'1'.repeat(4301)}]`, `{"a": [1, x, ${'2'.repeat(4400)}]}`]);
  });

  it.skipIf(!python)('matches CPython on random token soups and mutated documents', () => {
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const tokens = [
      '{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\t', '\r', '1', '0', '-', '.', 'e', 'E', '+', '\\', 'u', 'a',
      'F', 'x', 'null', 'true', 'NaN', 'Infinity', '-Infinity', '"k"', '"v"', '\\u', '\\ud83d', '\\ude00', '😀', 'é',
      '\u0001', '\ufeff', '12', '3.5', '{"a":', '[1,', '"s\\n"',
    ];
    const corpus: string[] = [];
    for (let n = 0; n < 4000; n++) {
      corpus.push(Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pick(tokens)).join(''));
    }
    const docs = [
      '{"action": "addNote", "version": 6, "params": {"note": {"deckName": "Default", "fields": {"Front": "é😀\\u00e9"}, "tags": ["a", "b"]}}}',
      '[1, -2.5e+3, true, false, null, "x\\ty", {"k": [[], {}]}, NaN]',
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {"c": "\\ud83d\\ude00"}\n}',
    ];
    const junk = ['', ',', ']', '}', '"', '\\', ':', ' ', '\n', 'x', '0', '-', 'e', '.', '\u0002', '😀', '\\u12'];
    for (let n = 0; n < 4000; n++) {
      let doc = pick(docs);
      for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) {
        const at = Math.floor(rand() * (doc.length + 1));
        const cut = Math.floor(rand() * 3);
        doc = doc.slice(0, at) + pick(junk) + doc.slice(at + cut);
      }
      corpus.push(doc);
    }
    compareJson(corpus);
  });
});
