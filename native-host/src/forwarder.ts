/**
 * HTTP requests to request messages, response messages back to HTTP answers.
 * Answers go out in whatever order the extension replies. There is no
 * timeout: long actions are legitimate.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../shared/limits.ts';
import { HTTP_BODY_THRESHOLD_BYTES } from '../../shared/messages.ts';
import {
  FORWARDED_HEADERS,
  type ForwardedHeaders,
  type HttpRequestMessage,
  type HttpResponseMessage,
} from '../../shared/messages.ts';
import { readBody } from './body.ts';
import { log } from './log.ts';
import { bodyTooLarge, NOT_CONNECTED, writeExtensionBytes, writeExtensionReply, writeJsonError } from './replies.ts';

/** The body as text when it is valid UTF-8 (no base64 pass), else as base64. */
function encodeBody(body: Buffer): { body: string; encoding: 'utf8' | 'base64' } {
  return isUtf8(body) ? { body: body.toString('utf8'), encoding: 'utf8' } : { body: body.toString('base64'), encoding: 'base64' };
}

/**
 * ACB_NATIVE_ONLY=1 sends every body and reply through native messaging (in
 * chunks when large) instead of the host's HTTP side channel: the tests use it
 * to exercise the chunked path end to end.
 */
const nativeOnly = process.env.ACB_NATIVE_ONLY === '1';

export class Forwarder {
  /** True once the extension's config has arrived, until its channel closes. */
  connected = false;
  bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES;
  private nextId = 1;
  private readonly pending = new Map<number, ServerResponse>();

  /** Bodies left in the host for the extension to fetch over HTTP, by request id. */
  private readonly stashed = new Map<number, string>();

  constructor(
    private readonly send: (message: HttpRequestMessage) => void,
    private readonly bodies: BodyStash | null = null,
  ) {}

  /** The node:http request listener. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.sendDate = false; // exactly the headers the extension gives
    if (!this.connected) {
      writeJsonError(res, 503, NOT_CONNECTED);
      return;
    }
    const limit = this.bodyLimitBytes;
    readBody(req, limit, (body) => {
      if (body === null) writeJsonError(res, 413, bodyTooLarge(limit));
      else this.forward(req, res, body);
    });
  };

  /** Writes the extension's reply to its request; a reply nobody waits for any more is dropped. */
  answer(reply: HttpResponseMessage): void {
    this.unstash(reply.id);
    const res = this.pending.get(reply.id);
    if (!res) return;
    this.pending.delete(reply.id);
    if (res.destroyed || res.writableEnded) return;
    try {
      writeExtensionReply(res, reply);
    } catch (e) {
      log(`bad reply to request ${reply.id}:`, (e as Error).message);
      if (!res.headersSent) writeJsonError(res, 502, `bad reply from the extension: ${(e as Error).message}`);
      else res.destroy();
    }
  }

  /** True while request `id` waits for its reply. */
  waits(id: number): boolean {
    return this.pending.has(id);
  }

  /** Writes a reply whose body came as raw bytes; false when no such request waits. */
  answerBytes(id: number, status: number, headers: Record<string, string>, body: Buffer): boolean {
    this.unstash(id);
    const res = this.pending.get(id);
    if (!res) return false;
    this.pending.delete(id);
    if (res.destroyed || res.writableEnded) return true;
    writeExtensionBytes(res, status, headers, body);
    return true;
  }

  /** Answers 503 to request `id` if it still waits (its reply can no longer arrive). */
  failOne(id: number): void {
    const res = this.pending.get(id);
    if (!res) return;
    this.pending.delete(id);
    this.unstash(id);
    writeJsonError(res, 503, NOT_CONNECTED);
  }

  /** Answers 503 to every request in flight; resolves once those answers are written. */
  failAll(): Promise<void> {
    const written: Promise<void>[] = [];
    for (const res of this.pending.values()) {
      if (res.destroyed || res.writableEnded) continue;
      written.push(new Promise((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
      }));
      writeJsonError(res, 503, NOT_CONNECTED);
    }
    this.pending.clear();
    for (const id of [...this.stashed.keys()]) this.unstash(id);
    return Promise.all(written).then(() => undefined);
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (!this.connected) {
      writeJsonError(res, 503, NOT_CONNECTED);
      return;
    }
    const headers: ForwardedHeaders = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const id = this.nextId++;
    this.pending.set(id, res);
    this.send({
      type: 'request',
      id,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      ...this.encode(id, body),
      ...(this.bodies && !nativeOnly ? { token: this.bodies.token } : {}),
    });
  }

  /** Small bodies travel in the message; large ones wait in the host for the extension to fetch. */
  private encode(id: number, body: Buffer): Pick<HttpRequestMessage, 'body' | 'encoding' | 'bodyPath' | 'bodyToken'> {
    if (this.bodies && !nativeOnly && body.length >= HTTP_BODY_THRESHOLD_BYTES) {
      const bodyPath = this.bodies.stashBody(body);
      this.stashed.set(id, bodyPath);
      return { body: '', encoding: 'http', bodyPath, bodyToken: this.bodies.token };
    }
    return encodeBody(body);
  }

  private unstash(id: number): void {
    const path = this.stashed.get(id);
    if (path === undefined) return;
    this.stashed.delete(id);
    this.bodies?.dropBody(path);
  }
}

/** Where large request bodies wait (file-http.ts). */
export interface BodyStash {
  readonly token: string;
  stashBody(body: Buffer): string;
  dropBody(path: string): void;
}
