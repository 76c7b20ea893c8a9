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

/** UTF-8 length of a string, without allocating when an upper bound settles it. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // below the limit either way
  return encoder.encode(text).length;
}

/**
 * Splits one message into what goes on the wire: the message itself when its
 * JSON fits in one native message, else chunk messages each carrying a slice
 * of its JSON text. Slices are text, not bytes: no base64 pass either way, and
 * a slice never ends inside a surrogate pair, so every chunk is valid Unicode.
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
    if (utf8Length(json, this.maxMessageBytes) <= this.maxMessageBytes) return [json];
    return this.chunk(json).map((c) => JSON.stringify(c));
  }

  /** Like split, but as objects (for chrome.runtime ports, which serialize themselves). */
  splitToObjects(message: unknown): unknown[] {
    const json = JSON.stringify(message);
    if (utf8Length(json, this.maxMessageBytes) <= this.maxMessageBytes) return [message];
    return this.chunk(json);
  }

  private chunk(json: string): ChunkMessage[] {
    const cid = this.nextCid++;
    const slices: string[] = [];
    let at = 0;
    while (at < json.length) {
      let size = Math.min(this.chunkChars, json.length - at);
      // Shrink a slice whose escaped UTF-8 form would not fit one native message.
      for (;;) {
        let end = at + size;
        const last = json.charCodeAt(end - 1);
        // Never end on a high surrogate: drop it to the next slice, or take its pair along.
        if (end < json.length && last >= 0xd800 && last <= 0xdbff) end += size > 1 ? -1 : 1;
        const slice = json.slice(at, end);
        if (size <= 1 || utf8Length(JSON.stringify(slice), this.maxMessageBytes - 200) <= this.maxMessageBytes - 200) {
          slices.push(slice);
          at = end;
          break;
        }
        size = Math.floor(size / 2);
      }
    }
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
