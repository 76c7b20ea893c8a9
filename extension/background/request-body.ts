/**
 * Large request bodies and replies cross between the host and the extension
 * as raw bytes over the host's own port, not through the native port: a
 * body waiting in the host (encoding 'http') is fetched once; a large reply
 * is PUT back with its status and headers. Neither takes a JSON or base64 pass.
 */
import {
  FILE_HTTP_PATHS,
  FILE_TOKEN_HEADER,
  HTTP_REPLY_THRESHOLD_CHARS,
  REPLY_META_HEADER,
  type HostStatusMessage,
  type HttpRequestMessage,
} from '../../shared/messages.ts';
import type { ServiceResponse } from './http.ts';

/** Where to reach a server listening on `address` from this machine. */
export function reachable(address: string | null): string {
  if (!address || address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}

export async function fetchRequestBody(msg: HttpRequestMessage, status: HostStatusMessage | null): Promise<Uint8Array> {
  if (!msg.bodyPath || !msg.bodyToken) throw new Error('the host kept the request body but did not say where');
  if (!status?.listening || !status.port) throw new Error('the host is not listening, so the request body cannot be read');
  const res = await fetch(`http://${reachable(status.address)}:${status.port}${msg.bodyPath}`, {
    headers: { [FILE_TOKEN_HEADER]: msg.bodyToken },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`the request body could not be read from the host (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Whether sendReplyOverHttp will try HTTP for this reply (a large body, and the host listening). */
export function willSendOverHttp(request: HttpRequestMessage, response: ServiceResponse, status: HostStatusMessage | null): boolean {
  const body = response.body;
  return body !== null && body.length >= HTTP_REPLY_THRESHOLD_CHARS && !!request.token && !!status?.listening && !!status.port;
}

/**
 * Sends a large reply over HTTP; false when it is small, or when HTTP cannot
 * be used (then the native port carries it, in chunks).
 */
export async function sendReplyOverHttp(request: HttpRequestMessage, response: ServiceResponse, status: HostStatusMessage | null): Promise<boolean> {
  const body = response.body;
  const token = request.token;
  if (body === null || !token || !status?.port || !willSendOverHttp(request, response, status)) return false;
  try {
    const res = await fetch(`http://${reachable(status.address)}:${status.port}${FILE_HTTP_PATHS.reply}${response.id}`, {
      method: 'PUT',
      // Action results come as UTF-8 bytes already (json-bytes.ts); only short texts (errors) are strings.
      body: body as BodyInit,
      headers: {
        [FILE_TOKEN_HEADER]: token,
        [REPLY_META_HEADER]: JSON.stringify({ status: response.status, headers: response.headers, journalSeq: response.journalSeq }),
      },
      credentials: 'omit',
      cache: 'no-store',
    });
    return res.ok;
  } catch {
    return false;
  }
}
