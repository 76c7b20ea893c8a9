/**
 * A reply on the host socket as one binary frame: the body's raw bytes, then
 * its message without the body, so a large body is neither escaped into a
 * JSON string nor decoded on the way. Layout: the body bytes, the header
 * (HttpResponseMessage without `body`, plus `hasBody`) as UTF-8 JSON, then
 * the header's length as 4 bytes little-endian. The header goes last so it
 * can be written in place after a body that has room behind it
 * (json-bytes.ts leaves some), without copying the body.
 */
import type { HttpResponseMessage } from './messages.ts';

export type ReplyHeader = Omit<HttpResponseMessage, 'body'> & { hasBody: boolean };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeReplyFrame(reply: Omit<HttpResponseMessage, 'body'>, body: Uint8Array | null): Uint8Array {
  const header = encoder.encode(JSON.stringify({ ...reply, hasBody: body !== null }));
  const bodyLength = body?.length ?? 0;
  const total = bodyLength + header.length + 4;
  const inPlace = body !== null && body.byteOffset + total <= body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  const frame = inPlace ? new Uint8Array(body.buffer, body.byteOffset, total) : new Uint8Array(total);
  if (body && !inPlace) frame.set(body, 0);
  frame.set(header, bodyLength);
  new DataView(frame.buffer, frame.byteOffset, frame.byteLength).setUint32(total - 4, header.length, true);
  return frame;
}

/** The header and body of a reply frame; throws on a frame that is not one. */
export function decodeReplyFrame(frame: Uint8Array): { header: ReplyHeader; body: Uint8Array | null } {
  if (frame.length < 4) throw new Error('reply frame too short');
  const length = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(frame.length - 4, true);
  const start = frame.length - 4 - length;
  if (start < 0) throw new Error('reply frame header runs past its start');
  const header = JSON.parse(decoder.decode(frame.subarray(start, frame.length - 4))) as ReplyHeader;
  if (header?.type !== 'response' || typeof header.id !== 'number') throw new Error('reply frame without a response header');
  return { header, body: header.hasBody ? frame.subarray(0, start) : null };
}
