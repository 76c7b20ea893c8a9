/** Writing HTTP answers: the extension's replies, and the host's own JSON errors. */
import type { ServerResponse } from 'node:http';
import type { HttpResponseMessage } from '../../shared/messages.ts';

export const NOT_CONNECTED = 'Anki-Connect Browser extension is not connected';

export function bodyTooLarge(limit: number): string {
  return `request body too large (limit ${limit} bytes)`;
}

/** `{"result":null,"error":message}` with the given status. */
export function writeJsonError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ result: null, error: message });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Writes the extension's reply: its status, exactly its headers, and its body
 * as UTF-8 with a Content-Length computed here. A null body is no body.
 */
export function writeExtensionReply(res: ServerResponse, reply: HttpResponseMessage): void {
  const headers: Record<string, string | number> = {};
  const given = reply.headers ?? {};
  for (const name in given) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') continue;
    headers[name] = given[name]!;
  }
  const body = reply.body;
  if (typeof body === 'string') headers['Content-Length'] = Buffer.byteLength(body);
  else if (body !== null) throw new Error('response body must be a string or null');
  res.writeHead(reply.status, headers);
  if (body === null) res.end();
  else res.end(body, 'utf8');
}

/** Writes a reply whose body arrived as raw bytes (FILE_HTTP_PATHS.reply). */
export function writeExtensionBytes(res: ServerResponse, status: number, given: Record<string, string>, body: Buffer): void {
  const headers: Record<string, string | number> = {};
  for (const name in given) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') continue;
    headers[name] = given[name]!;
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(body);
}

/** The answer to a request whose writes could not be saved in the host's journal. */
export function unsavedReply(reply: HttpResponseMessage, error: Error): HttpResponseMessage {
  const { journalSeq: _, ...rest } = reply;
  return { ...rest, body: JSON.stringify({ result: null, error: `the change could not be saved: ${error.message}` }) };
}
