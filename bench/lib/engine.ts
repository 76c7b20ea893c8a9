/**
 * The engine in this Node process: sql.js, a collection, and the same
 * request handler the service worker runs, without HTTP, native messaging or
 * IndexedDB.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { ActionContext, ApiSettings } from '../../extension/actions/define.ts';
import { actionNames } from '../../extension/actions/registry.ts';
import { handleRequest } from '../../extension/background/handler.ts';
import type { Collection } from '../../extension/collection/collection.ts';

let sql: Promise<SqlJsStatic> | null = null;

export function sqlJs(): Promise<SqlJsStatic> {
  sql ??= initSqlJs();
  return sql;
}

const SETTINGS: ApiSettings = {
  apiKey: null,
  webCorsOriginList: ['http://localhost'],
  ignoreOriginList: [],
  webBindAddress: '127.0.0.1',
  webBindPort: 8765,
};

/** An action context over `col`, as the service builds one per request. */
export function engineContext(col: Collection): ActionContext {
  const ctx: ActionContext = {
    col,
    settings: SETTINGS,
    profile: 'User 1',
    reloadCollection: async () => undefined,
    handle: (request) => handleRequest(ctx, request),
    actionNames,
  };
  return ctx;
}

/** One version-6 request through the handler; returns the reply object. */
export async function engineInvoke(ctx: ActionContext, action: string, params: Record<string, unknown>): Promise<{ result: unknown; error: unknown }> {
  return (await handleRequest(ctx, { action, version: 6, params })) as { result: unknown; error: unknown };
}
