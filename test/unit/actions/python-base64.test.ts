import { describe, expect, it } from 'vitest';
import { pyB64decode } from '../../../extension/actions/python-base64.ts';

const decoded = (s: unknown) => Buffer.from(pyB64decode(s)).toString('latin1');
const failure = (s: unknown) => {
  try {
    pyB64decode(s);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('pyB64decode (Python base64.b64decode, not strict)', () => {
  // Expectations from CPython 3.11's base64.b64decode.
  it.each([
    ['QQ==', 'A'],
    ['QR==', 'A'],
    ['QUJD', 'ABC'],
    ['QU JD', 'ABC'],
    ['QQ==QUJD', 'A'],
    ['=QQ==', 'A'],
    ['Q=Q==', 'A'],
    ['QUJD\n', 'ABC'],
    ['QUJD====', 'ABC'],
    ['QUJDRA==garbage', 'ABCD'],
    ['QQ=,=', 'A'],
    ['', ''],
  ])('%j decodes', (input, out) => {
    expect(decoded(input)).toBe(out);
  });

  it.each([
    ['QQ', 'Incorrect padding'],
    ['QQ=', 'Incorrect padding'],
    ['QUJDRA', 'Incorrect padding'],
    ['QUJDRA=x', 'Incorrect padding'],
    ['QUJDRAA', 'Incorrect padding'],
    ['Q', 'Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4'],
    ['Q===', 'Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4'],
    ['QUJDR', 'Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4'],
    ['é', 'string argument should contain only ASCII characters'],
    [1, "argument should be a bytes-like object or ASCII string, not 'int'"],
    [[1], "argument should be a bytes-like object or ASCII string, not 'list'"],
    [{ a: 1 }, "argument should be a bytes-like object or ASCII string, not 'dict'"],
    [true, "argument should be a bytes-like object or ASCII string, not 'bool'"],
    [1.5, "argument should be a bytes-like object or ASCII string, not 'float'"],
  ])('%j fails', (input, message) => {
    expect(failure(input)).toBe(message);
  });

  it('decodes large well-formed input byte-exact', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 1).map((_, i) => (i * 7919) & 255);
    expect(Buffer.from(pyB64decode(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes))).toBe(true);
    const wrapped = Buffer.from(bytes.subarray(0, 1000)).toString('base64').replace(/.{76}/g, '$&\n');
    expect(Buffer.from(pyB64decode(wrapped)).equals(Buffer.from(bytes.subarray(0, 1000)))).toBe(true);
  });
});
