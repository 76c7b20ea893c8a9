/**
 * JSON.stringify straight to UTF-8 bytes, with exactly JSON.stringify's
 * output: the reply body the host writes as is. In the service worker this
 * one pass costs a fraction of JSON.stringify followed by UTF-8 encoding, and
 * leaves no reply-sized string behind for the garbage collector. Values this
 * writer does not know (class instances, toJSON, bigint) go through toJson.
 */
import { StreamedList } from '../actions/streamed-list.ts';
import { toJson } from '../collection/json.ts';

const HEX = '0123456789abcdef';
const ESCAPES: (string | undefined)[] = [];
for (let c = 0; c < 0x20; c++) ESCAPES[c] = `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
Object.assign(ESCAPES, { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' });

class ByteWriter {
  buf: Uint8Array;
  at = 0;
  /** `"key":` for each object key seen, encoded once (made on the first key). */
  private keys: Map<string, Uint8Array> | null = null;
  constructor(size: number) {
    this.buf = new Uint8Array(size);
  }

  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const size = Math.max(this.buf.length * 4, this.at + n);
    const next = size > SMALL && spare && spare.byteLength >= size ? new Uint8Array(spare) : new Uint8Array(size);
    if (next.buffer === spare) spare = null;
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.at >= this.buf.length) this.room(1);
    this.buf[this.at++] = b;
  }

  /** ASCII text (no escaping). */
  ascii(s: string): void {
    this.room(s.length);
    const { buf } = this;
    let j = this.at;
    for (let i = 0; i < s.length; i++) buf[j++] = s.charCodeAt(i);
    this.at = j;
  }

  /** An object key and its colon. */
  key(k: string): void {
    this.keys ??= new Map();
    let bytes = this.keys.get(k);
    if (!bytes) {
      const start = this.at;
      this.string(k);
      this.byte(58);
      if (k.length <= 64 && this.keys.size < 1024) this.keys.set(k, this.buf.slice(start, this.at));
      return;
    }
    this.room(bytes.length);
    const { buf } = this;
    let j = this.at;
    for (let i = 0; i < bytes.length; i++) buf[j++] = bytes[i]!;
    this.at = j;
  }

  /** A JSON string literal. */
  string(s: string): void {
    const n = s.length;
    this.room(n * 6 + 2); // the worst case: every unit escaped as \uXXXX
    const buf = this.buf;
    let j = this.at;
    buf[j++] = 34;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 34 && c !== 92) buf[j++] = c;
        else {
          const e = ESCAPES[c]!;
          for (let k = 0; k < e.length; k++) buf[j++] = e.charCodeAt(k);
        }
      } else if (c < 0x800) {
        buf[j++] = 0xc0 | (c >> 6);
        buf[j++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[j++] = 0xf0 | (c >> 18);
          buf[j++] = 0x80 | ((c >> 12) & 0x3f);
          buf[j++] = 0x80 | ((c >> 6) & 0x3f);
          buf[j++] = 0x80 | (c & 0x3f);
        } else {
          // A lone surrogate: JSON.stringify writes it as an escape.
          buf[j++] = 92;
          buf[j++] = 117;
          buf[j++] = HEX.charCodeAt(c >> 12);
          buf[j++] = HEX.charCodeAt((c >> 8) & 15);
          buf[j++] = HEX.charCodeAt((c >> 4) & 15);
          buf[j++] = HEX.charCodeAt(c & 15);
        }
      } else {
        buf[j++] = 0xe0 | (c >> 12);
        buf[j++] = 0x80 | ((c >> 6) & 0x3f);
        buf[j++] = 0x80 | (c & 0x3f);
      }
    }
    buf[j++] = 34;
    this.at = j;
  }
}

/** Replies up to this size never take the spare buffer. */
const SMALL = 64 * 1024;
/** The largest buffer kept for the next large reply. */
const MAX_SPARE = 64 * 1024 * 1024;
/** A large reply's buffer, given back once its bytes were copied out (recycle). */
let spare: ArrayBuffer | null = null;

/**
 * Gives back the buffer under a large reply once nothing reads it any more
 * (the socket copied it): the next large reply is written into it instead of
 * allocating megabytes again, which also spares the garbage collector.
 */
export function recycle(bytes: Uint8Array): void {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength <= SMALL || buffer.byteLength > MAX_SPARE) return;
  if (!spare || spare.byteLength < buffer.byteLength) spare = buffer;
}

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
};

/** Whether JSON.stringify leaves this property out of an object (and writes null for it in an array). */
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function write(w: ByteWriter, v: unknown): void {
  switch (typeof v) {
    case 'string':
      w.string(v);
      return;
    case 'number':
      if (Number.isInteger(v) && v >= 0 && v < 10) w.byte(48 + v);
      else w.ascii(Number.isFinite(v) ? String(v) : 'null');
      return;
    case 'boolean':
      w.ascii(v ? 'true' : 'false');
      return;
    case 'object':
      if (v === null) w.ascii('null');
      else if (v instanceof StreamedList) {
        w.byte(91);
        for (let i = 0; i < v.length; i++) {
          if (i > 0) w.byte(44);
          const item: unknown = v.item(i);
          if (skipped(item)) w.ascii('null');
          else write(w, item);
        }
        w.byte(93);
      } else if (Array.isArray(v)) {
        w.byte(91);
        for (let i = 0; i < v.length; i++) {
          if (i > 0) w.byte(44);
          const item: unknown = v[i];
          if (skipped(item)) w.ascii('null');
          else write(w, item);
        }
        w.byte(93);
      } else if (isPlain(v)) {
        w.byte(123);
        let first = true;
        for (const key in v) {
          if (!Object.hasOwn(v, key)) continue;
          const item = (v as Record<string, unknown>)[key];
          if (skipped(item)) continue;
          if (!first) w.byte(44);
          first = false;
          w.key(key);
          write(w, item);
        }
        w.byte(125);
      } else writeText(w, toJson(v));
      return;
    default:
      writeText(w, toJson(v));
  }
}

/** JSON text some other writer made, as UTF-8. */
function writeText(w: ByteWriter, json: string): void {
  const bytes = new TextEncoder().encode(json);
  w.room(bytes.length);
  w.buf.set(bytes, w.at);
  w.at += bytes.length;
}

/** The UTF-8 bytes of toJson(value) (JSON.stringify's text). */
export function jsonBytes(value: unknown): Uint8Array {
  const w = new ByteWriter(256);
  write(w, value);
  return w.buf.subarray(0, w.at);
}
