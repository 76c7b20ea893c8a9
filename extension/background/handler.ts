/**
 * AnkiConnect's request handler (`handler` in its __init__.py), for one
 * request object: the API key, the action lookup, Python's argument rules,
 * and the reply shape for the request's version. `multi` calls it again for
 * each of its items.
 */
import type { ActionContext } from '../actions/define.ts';
import { invalidApiKey, noAttributeGet, unsupportedAction, versionNotComparable } from '../actions/errors.ts';
import { pyEquals, pyTypeName } from '../actions/python.ts';
import { findAction } from '../actions/registry.ts';

export type ErrorReply = { result: null; error: string };

export function errorReply(e: unknown): ErrorReply {
  return { result: null, error: e instanceof Error ? e.message : String(e) };
}

/** `format_success_reply`: the bare result for version ≤ 4, else {result, error}. */
function successReply(version: unknown, result: unknown): unknown {
  if (typeof version === 'number' || typeof version === 'boolean') {
    return Number(version) <= 4 ? result : { result, error: null };
  }
  throw new Error(versionNotComparable(pyTypeName(version)));
}

function get(request: Record<string, unknown>, key: string, fallback: unknown): unknown {
  return Object.hasOwn(request, key) ? request[key] : fallback;
}

/** Handles one request object; `ctx.handle` must route back here. */
export async function handleRequest(ctx: ActionContext, request: unknown): Promise<unknown> {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    // upstream: `request.get(...)` on a non-dict raises outside the try.
    throw new Error(noAttributeGet(pyTypeName(request)));
  }
  const r = request as Record<string, unknown>;
  const name = get(r, 'action', '');
  const version = get(r, 'version', 4);
  const params = get(r, 'params', {});
  const key = get(r, 'key', null);
  try {
    if (!pyEquals(key, ctx.settings.apiKey) && name !== 'requestPermission') throw new Error(invalidApiKey);
    const act = typeof name === 'string' ? findAction(name) : undefined;
    if (!act) throw new Error(unsupportedAction);
    const result = await act.run(ctx, name as string, params);
    return successReply(version, result === undefined ? null : result);
  } catch (e) {
    return errorReply(e);
  }
}
