/**
 * One HTTP request, as AnkiConnect's web.py answers it: OPTIONS preflight,
 * the origin rule and its 403, the empty-body banner, body decoding and the
 * request schema, `requestPermission`'s injected parameters, and the reply
 * headers. Everything a client sees at the HTTP level is decided here.
 */
import { base64ToBytes } from '../../shared/base64.ts';
import type { HttpRequestMessage, HttpResponseMessage } from '../../shared/messages.ts';
import { toJson } from '../collection/json.ts';
import { NotStreamable } from '../actions/streamed-list.ts';
import { errorReply } from './handler.ts';
import { jsonBytes } from './json-bytes.ts';
import { decideOrigin } from './origin.ts';
import { decodeUtf8Python, parseJsonPython } from './python-json.ts';
import { checkRequestSchema } from './request-schema.ts';

export const API_BANNER = '{"apiVersion":"AnkiConnect v.6"}';

/** A reply as the service makes it: an action's result is JSON already encoded as UTF-8 bytes (json-bytes.ts). */
export type ServiceResponse = Omit<HttpResponseMessage, 'body'> & { body: string | Uint8Array | null };

/** The body as text (the native port carries only text). */
export function bodyText(body: string | Uint8Array): string;
export function bodyText(body: string | Uint8Array | null): string | null;
export function bodyText(body: string | Uint8Array | null): string | null {
  return body instanceof Uint8Array ? utf8Decoder.decode(body) : body;
}

const utf8Decoder = new TextDecoder();

export interface HttpApi {
  corsOriginList(): readonly string[];
  /** The Python `handler` for one request object; `stream`: its result may be a StreamedList. */
  handle(request: unknown, stream: boolean): Promise<unknown>;
}

function headers(corsOrigin: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': corsOrigin,
    'Access-Control-Allow-Headers': '*',
  };
}

function reply(id: number, corsOrigin: string, body: string, status = 200): HttpResponseMessage {
  return { type: 'response', id, status, headers: headers(corsOrigin), body };
}

/** `bodyBytes`: the raw body when it was fetched from the host (encoding 'http'). */
export async function respond(msg: HttpRequestMessage, api: HttpApi, bodyBytes?: Uint8Array): Promise<ServiceResponse> {
  const { allowed, corsOrigin } = decideOrigin(msg.headers.origin, api.corsOriginList());

  if (msg.method.toUpperCase() === 'OPTIONS') {
    const out = reply(msg.id, corsOrigin, '');
    if (msg.headers['access-control-request-private-network'] === 'true') {
      out.headers['Access-Control-Allow-Private-Network'] = 'true';
    }
    return out;
  }

  const raw = bodyBytes ?? (msg.encoding === 'base64' ? base64ToBytes(msg.body) : null);
  const empty = raw ? raw.length === 0 : msg.body.length === 0;
  let request: unknown = {};
  const decoded = raw ? decodeUtf8Python(raw) : { text: msg.body };
  const parsed = 'text' in decoded ? parseJsonPython(decoded.text) : decoded;
  const invalid = 'error' in parsed ? parsed.error : checkRequestSchema(parsed.value);
  if (invalid !== null) {
    if (allowed) {
      const body = empty ? API_BANNER : toJson(errorReply(invalid));
      return reply(msg.id, corsOrigin, body);
    }
    // upstream: a denied origin with a bad body falls through to the 403.
  } else if ('value' in parsed) {
    request = parsed.value;
  }

  const r = request as Record<string, unknown>;
  const isPermission = r.action === 'requestPermission';
  if (!allowed && !isPermission) {
    return {
      type: 'response',
      id: msg.id,
      status: 403,
      headers: { 'Access-Control-Allow-Origin': corsOrigin, 'Access-Control-Allow-Headers': '*' },
      body: null,
    };
  }
  let cors = corsOrigin;
  if (isPermission) {
    const origin = msg.headers.origin ?? '';
    r.params = { ...((r.params as Record<string, unknown> | undefined) ?? {}), allowed, origin };
    if (!allowed) cors = origin;
  }
  return { ...reply(msg.id, cors, ''), body: await resultBytes(api, r) };
}

/** The handler's result as the reply body; a result made while it is written (StreamedList) may still fail, as the handler would have. */
async function resultBytes(api: HttpApi, request: Record<string, unknown>, stream = true): Promise<Uint8Array | string> {
  let result: unknown;
  try {
    result = await api.handle(request, stream);
  } catch (e) {
    // upstream: an exception here escapes web.py; we answer it instead of crashing.
    result = errorReply(e);
  }
  try {
    return jsonBytes(result);
  } catch (e) {
    if (e instanceof NotStreamable) return resultBytes(api, request, false);
    return toJson(errorReply(e));
  }
}
