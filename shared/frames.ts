/**
 * The frame codec: splitting messages too large for one native message into
 * chunk messages and putting them back together, and (for the host, which
 * owns stdio) the 4-byte little-endian length framing itself.
 */
import { CHUNK_PAYLOAD_CHARS, NATIVE_MESSAGE_MAX_BYTES } from './limits.ts';
import type { ChunkMessage } from './messages.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface SplitOptions {
  /** Largest serialized message (UTF-8 bytes) sent whole. */
  maxMessageBytes?: number;
  /** UTF-16 code units of the message's JSON text per chunk. */
  chunkChars?: number;
}

/** UTF-8 length of a string, counted without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // the pair: 2 code units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Whether `text` is at most `limit` bytes in UTF-8, deciding by its length alone when it can. */
function fitsUtf8(text: string, limit: number): boolean {
  if (text.length > limit) return false;
  if (text.length * 3 <= limit) return true;
  return utf8Length(text) <= limit;
}

/** Bytes JSON.stringify gives one code unit of a string (a pair's high half counts the whole pair). */
function escapedCost(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
  if (c === 0x22 || c === 0x5c) return 2;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) {
    const pairs = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    return pairs ? 4 : 6;
  }
  return 3;
}

/** Room for a chunk message's own fields around its data. */
const CHUNK_ENVELOPE_BYTES = 200;

/**
 * Splits one message into what goes on the wire: the message itself when its
 * JSON fits in one native message, else chunk messages each carrying a slice
 * of its JSON text. Slices are text, not bytes: no base64 pass either way; a
 * slice never ends inside a surrogate pair, so every chunk is valid Unicode;
 * and cuts are found in one pass that counts what each character will cost
 * once escaped in the chunk's JSON, so nothing is encoded twice.
 */
export class MessageSplitter {
  private nextCid = 1;
  private readonly maxMessageBytes: number;
  private readonly chunkChars: number;

  constructor(options: SplitOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? NATIVE_MESSAGE_MAX_BYTES - 1024;
    this.chunkChars = options.chunkChars ?? CHUNK_PAYLOAD_CHARS;
  }

  /** The JSON texts to send for `message`, in order. */
  split(message: unknown): string[] {
    const json = JSON.stringify(message);
    if (fitsUtf8(json, this.maxMessageBytes)) return [json];
    return this.chunk(json).map((c) => JSON.stringify(c));
  }

  /** Like split, but as objects (for chrome.runtime ports, which serialize themselves). */
  splitToObjects(message: unknown): unknown[] {
    const json = JSON.stringify(message);
    if (fitsUtf8(json, this.maxMessageBytes)) return [message];
    return this.chunk(json);
  }

  private chunk(json: string): ChunkMessage[] {
    const cid = this.nextCid++;
    const budget = Math.max(this.maxMessageBytes - CHUNK_ENVELOPE_BYTES, 6);
    const slices: string[] = [];
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < json.length; ) {
      const cost = escapedCost(json, i);
      const units = cost === 4 ? 2 : 1;
      if (i > start && (bytes + cost > budget || i + units - start > this.chunkChars)) {
        slices.push(json.slice(start, i));
        start = i;
        bytes = 0;
      }
      bytes += cost;
      i += units;
    }
    if (start < json.length) slices.push(json.slice(start));
    return slices.map((data, seq) => ({ type: 'chunk', cid, seq, count: slices.length, data }));
  }
}

export class FrameError extends Error {}

/**
 * Reassembles chunked messages. `accept` takes every message as it arrives and
 * returns the complete message when there is one, else undefined.
 */
export class MessageAssembler {
  private readonly partial = new Map<number, { count: number; parts: string[]; received: number; chars: number }>();

  /** Upper bound on the UTF-16 length of one reassembled message's JSON (0 = none). */
  constructor(private readonly maxChars = 0) {}

  accept(message: unknown): unknown {
    if (!isChunk(message)) return message;
    const { cid, seq, count } = message;
    let entry = this.partial.get(cid);
    if (!entry) {
      if (!Number.isInteger(count) || count < 1) throw new FrameError(`bad chunk count ${count}`);
      entry = { count, parts: new Array<string>(count), received: 0, chars: 0 };
      this.partial.set(cid, entry);
    }
    if (!Number.isInteger(seq) || seq < 0 || seq >= entry.count || entry.parts[seq] !== undefined || typeof message.data !== 'string') {
      this.partial.delete(cid);
      throw new FrameError(`bad chunk ${seq} of ${entry.count} for message ${cid}`);
    }
    entry.parts[seq] = message.data;
    entry.received++;
    entry.chars += message.data.length;
    if (this.maxChars && entry.chars > this.maxChars) {
      this.partial.delete(cid);
      throw new FrameError(`chunked message ${cid} exceeds ${this.maxChars} characters`);
    }
    if (entry.received < entry.count) return undefined;
    this.partial.delete(cid);
    return JSON.parse(entry.parts.join(''));
  }

  /** Messages still incomplete (for tests and diagnostics). */
  get pending(): number {
    return this.partial.size;
  }

  clear(): void {
    this.partial.clear();
  }
}

function isChunk(m: unknown): m is ChunkMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'chunk';
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const nodeBuffer = (globalThis as { Buffer?: typeof import('node:buffer').Buffer }).Buffer;

/** Native messaging's stdio framing: a 4-byte little-endian length, then UTF-8 JSON. */
export function encodeFrame(json: string): Uint8Array {
  if (nodeBuffer) {
    // One pass to measure, one to write; ASCII (every chunk frame) is copied as latin1, which is much faster.
    const length = nodeBuffer.byteLength(json, 'utf8');
    const frame = nodeBuffer.allocUnsafe(4 + length);
    frame.writeUInt32LE(length, 0);
    frame.write(json, 4, length, length === json.length ? 'latin1' : 'utf8');
    return frame;
  }
  const body = encoder.encode(json);
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length, true);
  out.set(body, 4);
  return out;
}

/**
 * Cuts a byte stream into frames; feed it what stdin gives, in order.
 * Pieces of an incomplete frame are kept as they came and joined once, when
 * the frame is complete, so a large frame costs one copy however finely it
 * arrives.
 */
export class FrameReader {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly maxFrameBytes = 64 * 1024 * 1024) {}

  /** Returns the JSON texts of every frame completed by `bytes`. */
  push(bytes: Uint8Array): string[] {
    const out: string[] = [];
    if (bytes.length === 0) return out;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size < 4) return out;
    const length = this.peekLength();
    if (length > this.maxFrameBytes) throw new FrameError(`frame of ${length} bytes exceeds ${this.maxFrameBytes}`);
    if (this.size < 4 + length) return out;

    const buffer = this.parts.length === 1 ? bytes : concat(this.parts);
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let at = 0;
    while (buffer.length - at >= 4) {
      const n = view.getUint32(at, true);
      if (n > this.maxFrameBytes) throw new FrameError(`frame of ${n} bytes exceeds ${this.maxFrameBytes}`);
      if (buffer.length - at - 4 < n) break;
      out.push(decoder.decode(buffer.subarray(at + 4, at + 4 + n)));
      at += 4 + n;
    }
    this.parts = at === buffer.length ? [] : [buffer.subarray(at)];
    this.size = buffer.length - at;
    return out;
  }

  get buffered(): number {
    return this.size;
  }

  /** The length field of the first buffered frame (needs at least 4 bytes). */
  private peekLength(): number {
    const first = this.parts[0]!;
    if (first.length >= 4) return new DataView(first.buffer, first.byteOffset, 4).getUint32(0, true);
    const head = new Uint8Array(4);
    let filled = 0;
    for (const p of this.parts) {
      const take = Math.min(4 - filled, p.length);
      head.set(p.subarray(0, take), filled);
      filled += take;
      if (filled === 4) break;
    }
    return new DataView(head.buffer).getUint32(0, true);
  }
}
