/**
 * The frame codec: splitting messages too large for one native message into
 * chunk messages and putting them back together, and (for the host, which
 * owns stdio) the 4-byte little-endian length framing itself.
 */
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { CHUNK_PAYLOAD_BYTES, NATIVE_MESSAGE_MAX_BYTES } from './limits.ts';
import type { ChunkMessage } from './messages.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface SplitOptions {
  /** Largest serialized message sent whole. */
  maxMessageBytes?: number;
  /** Payload bytes per chunk. */
  chunkBytes?: number;
}

/**
 * Splits one message into what goes on the wire: the message itself when its
 * JSON fits, else chunk messages carrying its UTF-8 JSON in order.
 * Returns serialized JSON strings, ready to frame or post.
 */
export class MessageSplitter {
  private nextCid = 1;
  private readonly maxMessageBytes: number;
  private readonly chunkBytes: number;

  constructor(options: SplitOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? NATIVE_MESSAGE_MAX_BYTES - 1024;
    this.chunkBytes = options.chunkBytes ?? CHUNK_PAYLOAD_BYTES;
  }

  /** The JSON texts to send for `message`, in order. */
  split(message: unknown): string[] {
    const json = JSON.stringify(message);
    // A UTF-16 length within a third of the limit always fits in UTF-8.
    if (json.length * 3 <= this.maxMessageBytes) return [json];
    const bytes = encoder.encode(json);
    if (bytes.length <= this.maxMessageBytes) return [json];
    return this.chunk(bytes).map((c) => JSON.stringify(c));
  }

  /** Like split, but as objects (for chrome.runtime ports, which serialize themselves). */
  splitToObjects(message: unknown): unknown[] {
    const json = JSON.stringify(message);
    if (json.length * 3 <= this.maxMessageBytes) return [message];
    const bytes = encoder.encode(json);
    if (bytes.length <= this.maxMessageBytes) return [message];
    return this.chunk(bytes);
  }

  private chunk(bytes: Uint8Array): ChunkMessage[] {
    const cid = this.nextCid++;
    const count = Math.ceil(bytes.length / this.chunkBytes);
    const out: ChunkMessage[] = [];
    for (let seq = 0; seq < count; seq++) {
      const piece = bytes.subarray(seq * this.chunkBytes, (seq + 1) * this.chunkBytes);
      out.push({ type: 'chunk', cid, seq, count, data: bytesToBase64(piece) });
    }
    return out;
  }
}

export class FrameError extends Error {}

/**
 * Reassembles chunked messages. `accept` takes every message as it arrives and
 * returns the complete message when there is one, else undefined.
 */
export class MessageAssembler {
  private readonly partial = new Map<number, { count: number; parts: Uint8Array[]; received: number; bytes: number }>();

  /** Upper bound on the bytes of one reassembled message (0 = none). */
  constructor(private readonly maxBytes = 0) {}

  accept(message: unknown): unknown {
    if (!isChunk(message)) return message;
    const { cid, seq, count } = message;
    let entry = this.partial.get(cid);
    if (!entry) {
      if (!Number.isInteger(count) || count < 1) throw new FrameError(`bad chunk count ${count}`);
      entry = { count, parts: new Array<Uint8Array>(count), received: 0, bytes: 0 };
      this.partial.set(cid, entry);
    }
    if (!Number.isInteger(seq) || seq < 0 || seq >= entry.count || entry.parts[seq]) {
      this.partial.delete(cid);
      throw new FrameError(`bad chunk ${seq} of ${entry.count} for message ${cid}`);
    }
    const piece = base64ToBytes(message.data);
    entry.parts[seq] = piece;
    entry.received++;
    entry.bytes += piece.length;
    if (this.maxBytes && entry.bytes > this.maxBytes) {
      this.partial.delete(cid);
      throw new FrameError(`chunked message ${cid} exceeds ${this.maxBytes} bytes`);
    }
    if (entry.received < entry.count) return undefined;
    this.partial.delete(cid);
    return JSON.parse(decoder.decode(concat(entry.parts)));
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
