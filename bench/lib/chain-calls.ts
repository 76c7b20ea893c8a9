/**
 * Version-6 AnkiConnect requests through the chain for the bench: a request
 * body is built (stringified) before the clock starts, the round trip is
 * timed, and the reply is parsed and checked afterwards.
 */
import type { KeepAliveClient, Reply } from './http-client.ts';
import { msSince } from './stats.ts';
import { WrongAnswer } from './wrong-answer.ts';

export interface ApiReply {
  result: unknown;
  error: unknown;
}

export function requestBody(action: string, params: Record<string, unknown>): string {
  return JSON.stringify({ action, version: 6, params });
}

/** The `{result, error}` of an HTTP reply; a non-200 status or another shape is a wrong answer. */
export function apiReply(action: string, r: Reply): ApiReply {
  if (r.status !== 200) throw new WrongAnswer(`${action}: HTTP ${r.status}: ${r.text.slice(0, 500)}`);
  const body = JSON.parse(r.text) as Partial<ApiReply>;
  if (!('result' in body) || !('error' in body)) throw new WrongAnswer(`${action}: reply without result/error: ${r.text.slice(0, 500)}`);
  return body as ApiReply;
}

/** A result, or a wrong answer when the reply carries an error. */
export function resultOf(action: string, reply: ApiReply): unknown {
  if (reply.error !== null) throw new WrongAnswer(`${action} failed: ${String(reply.error)}`);
  return reply.result;
}

/** One request; returns its result (an error reply aborts the bench). */
export async function chainCall(client: KeepAliveClient, action: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<unknown> {
  return resultOf(action, apiReply(action, await client.post(requestBody(action, params), timeoutMs)));
}

/** Posts a prepared body; returns the round trip in ms and the parsed reply. */
export async function timedCall(client: KeepAliveClient, action: string, body: string, timeoutMs?: number): Promise<{ ms: number; reply: ApiReply }> {
  const start = process.hrtime.bigint();
  const r = await client.post(body, timeoutMs);
  const ms = msSince(start);
  return { ms, reply: apiReply(action, r) };
}

/** Checks an id list (findNotes, addNotes): `count` distinct positive integers when `count` is given. */
export function checkIds(what: string, value: unknown, count?: number): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0)) {
    throw new WrongAnswer(`${what}: expected a list of ids, got ${JSON.stringify(value).slice(0, 300)}`);
  }
  if (count !== undefined && (value.length !== count || new Set(value).size !== count)) {
    throw new WrongAnswer(`${what}: expected ${count} distinct ids, got ${value.length} (${new Set(value).size} distinct)`);
  }
  return value as number[];
}
