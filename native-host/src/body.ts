/** Collecting an HTTP request's raw body, up to a limit. */
import type { IncomingMessage } from 'node:http';

/**
 * Calls `done` with the whole body, or with null as soon as it is known to
 * exceed `limit` bytes (declared Content-Length or bytes received); the rest
 * is then read and discarded so the connection stays usable. A client that
 * goes away mid-body gets no call at all.
 */
export function readBody(req: IncomingMessage, limit: number, done: (body: Buffer | null) => void): void {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    done(null);
    return;
  }
  let chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > limit) {
      over = true;
      chunks = [];
      done(null);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (over) return;
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
}
