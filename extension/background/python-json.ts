/**
 * AnkiConnect reads each request body with `json.loads(body.decode('utf-8'))` and, when that
 * raises, answers with `str(exception)`. This module reproduces CPython 3.13's (Anki 25's)
 * acceptance rules and error texts while staying on the native fast paths (TextDecoder,
 * JSON.parse) for well-formed bodies. The slow scanners only run once a native path failed,
 * or where Python and JavaScript disagree (NaN/Infinity literals, over-long integers).
 *
 * The JSON scanner mirrors CPython's C accelerator (Modules/_json.c: scan_once_unicode,
 * _parse_object_unicode, _parse_array_unicode, _match_number_unicode, scanstring_unicode)
 * plus json.loads / JSONDecoder.decode, error positions included.
 *
 * Known divergence: CPython raises RecursionError past roughly 10 000 nesting levels (the
 * exact depth depends on the calling thread); JSON.parse accepts such documents, so only
 * the slow path applies a nominal limit.
 */

export type PythonDecodeResult = { text: string } | { error: string };
export type PythonJsonResult = { value: unknown } | { error: string };

// ignoreBOM keeps a leading U+FEFF in the text, as bytes.decode('utf-8') does.
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes.decode('utf-8')`: the text, or the UnicodeDecodeError's str(). */
export function decodeUtf8Python(bytes: Uint8Array): PythonDecodeResult {
  try {
    return { text: fatalUtf8.decode(bytes) };
  } catch {
    return { error: utf8ErrorMessage(bytes) };
  }
}

/**
 * Finds the first malformed sequence exactly as CPython's stringlib utf8_decode
 * does. Bytes 80..C1 and F5..FF cannot start a sequence ("invalid start byte",
 * one byte). Otherwise the continuation bytes are checked in order, the first
 * one also against the lead byte's narrower range (E0: A0..BF, ED: 80..9F
 * [no surrogates], F0: 90..BF, F4: 80..8F [nothing past U+10FFFF]). The k-th
 * bad continuation byte reports the k bytes before it ("invalid continuation
 * byte"); running out of input reports everything from the lead byte to the
 * end ("unexpected end of data").
 */
function utf8ErrorMessage(b: Uint8Array): string {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return utf8Error(b, i, i + 1, 'invalid start byte');
    const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3; // continuation bytes
    const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80; // for the first one
    const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return utf8Error(b, i, n, 'unexpected end of data');
      const c = b[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) {
        return utf8Error(b, i, i + k, 'invalid continuation byte');
      }
    }
    i += need + 1;
  }
  return "'utf-8' codec can't decode bytes"; // unreachable: TextDecoder rejected it
}

/** UnicodeDecodeError.__str__: one byte is shown by value, longer spans as a range. */
function utf8Error(b: Uint8Array, start: number, end: number, reason: string): string {
  if (end - start === 1) {
    const hex = b[start]!.toString(16).padStart(2, '0');
    return `'utf-8' codec can't decode byte 0x${hex} in position ${start}: ${reason}`;
  }
  return `'utf-8' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
}

/** int() refuses decimal strings longer than this (sys.get_int_max_str_digits()). */
const INT_MAX_STR_DIGITS = 4300;
const TOO_MANY_DIGITS = /\d{4301}/;
/** Approximates CPython 3.13's C recursion limit as seen from json.loads. */
const MAX_DEPTH = 9998;

/** `json.loads(text)`: the value, or str() of the exception it raises. */
export function parseJsonPython(text: string): PythonJsonResult {
  // A run of > 4300 digits may be an integer Python refuses; let the scanner judge.
  if (text.length <= INT_MAX_STR_DIGITS || !TOO_MANY_DIGITS.test(text)) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      // fall through: Python may still accept it (NaN, Infinity), or we need its message
    }
  }
  try {
    return { value: new Scanner(text).decode() };
  } catch (e) {
    if (e instanceof PyError) return { error: e.message };
    throw e;
  }
}

class PyError extends Error {}

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39; // NaN (past the end) is false
/** An open container: an array, or an object with the key whose value comes next. */
type Frame = { arr: unknown[] } | { obj: Record<string, unknown>; key: string };
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Works on UTF-16 code units; every structural character is ASCII, so only the
 * reported positions need converting to Python's code-point indices.
 * Each scan method returns the value and leaves the index after it in `end`.
 */
class Scanner {
  end = 0;
  constructor(private readonly s: string) {}

  /** JSONDecoder.decode, after json.loads' BOM check. */
  decode(): unknown {
    const s = this.s;
    if (s.charCodeAt(0) === 0xfeff) this.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
    const value = this.scanValue(this.skipWs(0));
    const end = this.skipWs(this.end);
    if (end !== s.length) this.fail('Extra data', end);
    return value;
  }

  /** JSONDecodeError's str(): positions are code-point indices, as Python counts them. */
  private fail(msg: string, pos: number): never {
    const s = this.s;
    let lineno = 1;
    for (let i = s.indexOf('\n'); i !== -1 && i < pos; i = s.indexOf('\n', i + 1)) lineno++;
    const nl = pos > 0 ? s.lastIndexOf('\n', pos - 1) : -1; // doc.rfind('\n', 0, pos)
    const char = this.codePoints(pos);
    const colno = char - (nl === -1 ? -1 : this.codePoints(nl));
    throw new PyError(`${msg}: line ${lineno} column ${colno} (char ${char})`);
  }

  /** Code points in s[0, pos): each surrogate pair counts once. */
  private codePoints(pos: number): number {
    let n = pos;
    for (let i = 1; i < pos; i++) {
      const c = this.s.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) {
        const p = this.s.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) n--;
      }
    }
    return n;
  }

  private skipWs(i: number): number {
    while (i < this.s.length && isWs(this.s.charCodeAt(i))) i++;
    return i;
  }

  /**
   * scan_once_unicode with _parse_object_unicode and _parse_array_unicode,
   * flattened onto an explicit stack so deep documents cannot exhaust the JS
   * stack. Python's StopIteration always surfaces as "Expecting value".
   */
  private scanValue(idx: number): unknown {
    const s = this.s;
    const stack: Frame[] = [];
    for (;;) {
      // 1. One term at idx. A non-empty container opens a frame and loops to its first term.
      let value: unknown;
      const c = s[idx];
      if (c === '{' || c === '[') {
        const kind = c === '{' ? 'object' : 'array';
        if (stack.length >= MAX_DEPTH) {
          throw new PyError(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
        }
        idx = this.skipWs(idx + 1);
        if (s[idx] === (c === '{' ? '}' : ']')) {
          value = c === '{' ? {} : [];
          idx++;
        } else {
          const frame: Frame = c === '[' ? { arr: [] } : { obj: {}, key: '' };
          stack.push(frame);
          if ('obj' in frame) idx = this.scanKey(idx, frame);
          continue;
        }
      } else {
        value = this.scanScalar(idx);
        idx = this.end;
      }
      // 2. Store it in the open container; each container that closes here becomes the value.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          this.end = idx;
          return value;
        }
        if ('arr' in top) top.arr.push(value);
        // Like JSON.parse: "__proto__" becomes an own property, not the prototype.
        else if (top.key === '__proto__') {
          Object.defineProperty(top.obj, top.key, { value, writable: true, enumerable: true, configurable: true });
        } else top.obj[top.key] = value;
        const close = 'arr' in top ? ']' : '}';
        idx = this.skipWs(idx);
        if (s[idx] === close) {
          value = 'arr' in top ? top.arr : top.obj;
          stack.pop();
          idx++;
          continue;
        }
        if (s[idx] !== ',') this.fail("Expecting ',' delimiter", idx);
        const comma = idx;
        idx = this.skipWs(idx + 1);
        if (s[idx] === close) {
          this.fail(`Illegal trailing comma before end of ${'arr' in top ? 'array' : 'object'}`, comma); // 3.13+
        }
        if ('obj' in top) idx = this.scanKey(idx, top);
        break;
      }
    }
  }

  /** An object member's `"key" :` and the whitespace after it; returns the value's index. */
  private scanKey(idx: number, frame: { key: string }): number {
    if (this.s[idx] !== '"') this.fail('Expecting property name enclosed in double quotes', idx);
    frame.key = this.scanString(idx + 1);
    idx = this.skipWs(this.end);
    if (this.s[idx] !== ':') this.fail("Expecting ':' delimiter", idx);
    return this.skipWs(idx + 1);
  }

  /** Strings, literals and numbers. */
  private scanScalar(idx: number): unknown {
    const s = this.s;
    if (idx >= s.length) this.fail('Expecting value', idx);
    const literal = (word: string, value: unknown): unknown => {
      this.end = idx + word.length;
      return value;
    };
    switch (s[idx]) {
      case '"': return this.scanString(idx + 1);
      case 'n': if (s.startsWith('null', idx)) return literal('null', null); break;
      case 't': if (s.startsWith('true', idx)) return literal('true', true); break;
      case 'f': if (s.startsWith('false', idx)) return literal('false', false); break;
      case 'N': if (s.startsWith('NaN', idx)) return literal('NaN', NaN); break;
      case 'I': if (s.startsWith('Infinity', idx)) return literal('Infinity', Infinity); break;
      case '-': if (s.startsWith('-Infinity', idx)) return literal('-Infinity', -Infinity); break;
    }
    return this.matchNumber(idx);
  }

  /** _match_number_unicode: a '.' or exponent needs a digit after it, else the number stops before it. */
  private matchNumber(start: number): number {
    const s = this.s;
    const last = s.length - 1;
    let i = start;
    if (s[i] === '-' && ++i > last) this.fail('Expecting value', start);
    const first = s.charCodeAt(i);
    if (first >= 0x31 && first <= 0x39) {
      i++;
      while (isDigit(s.charCodeAt(i))) i++;
    } else if (first === 0x30) i++;
    else this.fail('Expecting value', start);
    const intDigits = i - start - (s[start] === '-' ? 1 : 0);
    let isFloat = false;
    if (i < last && s[i] === '.' && isDigit(s.charCodeAt(i + 1))) {
      isFloat = true;
      i += 2;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    if (i < last && (s[i] === 'e' || s[i] === 'E')) {
      const eStart = i++;
      if (i < last && (s[i] === '-' || s[i] === '+')) i++;
      while (isDigit(s.charCodeAt(i))) i++;
      if (isDigit(s.charCodeAt(i - 1))) isFloat = true;
      else i = eStart; // backtrack: "1e" is the number 1 followed by 'e'
    }
    if (!isFloat && intDigits > INT_MAX_STR_DIGITS) {
      // int()'s ValueError, raised as soon as the scanner reaches the number.
      throw new PyError(
        `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${intDigits} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    this.end = i;
    return Number(s.slice(start, i));
  }

  /** Four hex digits at i (only 0-9a-fA-F count), or -1. */
  private hex4(i: number): number {
    const digits = this.s.slice(i, i + 4);
    return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
  }

  /** scanstring_unicode (strict): `end` is the index after the opening quote. */
  private scanString(end: number): string {
    const s = this.s;
    const len = s.length;
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      for (; next < len; next++) {
        const d = s.charCodeAt(next);
        if (d === 0x22 || d === 0x5c) break;
        if (d <= 0x1f) this.fail('Invalid control character at', next);
      }
      if (next >= len) this.fail('Unterminated string starting at', begin);
      out += s.slice(end, next);
      if (s[next++] === '"') {
        this.end = next;
        return out;
      }
      if (next === len) this.fail('Unterminated string starting at', begin);
      const esc = s[next]!;
      if (esc !== 'u') {
        end = next + 1;
        const ch = ESCAPES[esc];
        if (ch === undefined) this.fail('Invalid \\escape', end - 2); // at the backslash
        out += ch;
        continue;
      }
      next++;
      end = next + 4;
      // Note CPython's quirk: the four digits must not be the document's last characters.
      if (end >= len) this.fail('Invalid \\uXXXX escape', next - 1);
      const u = this.hex4(next);
      if (u < 0) this.fail('Invalid \\uXXXX escape', end - 5); // at the 'u'
      out += String.fromCharCode(u);
      // A high surrogate directly followed by a \u low surrogate forms one character
      // (the same UTF-16 pair in JS); anything else is left for the next round.
      if (u >= 0xd800 && u <= 0xdbff && end + 6 < len && s[end] === '\\' && s[end + 1] === 'u') {
        const u2 = this.hex4(end + 2);
        if (u2 < 0) this.fail('Invalid \\uXXXX escape', end + 1);
        if (u2 >= 0xdc00 && u2 <= 0xdfff) {
          out += String.fromCharCode(u2);
          end += 6;
        }
      }
    }
  }
}
