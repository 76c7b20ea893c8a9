/**
 * The engine in this Node process: sql.js, a collection, and the same
 * request handler the service worker runs, without HTTP, native messaging or
 * IndexedDB.
 */
import { MemoryMedia } from '../../extension/collection/media/memory.ts';
import type { HostFiles } from '../../extension/collection/media/types.ts';
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

/** The engine bench has no native host: actions with `path` parameters are not measured here. */
const NO_HOST_FILES: HostFiles = {
  read: () => Promise.reject(new Error('no native host in the engine bench')),
  write: () => Promise.reject(new Error('no native host in the engine bench')),
  mediaDirPath: () => Promise.reject(new Error('no native host in the engine bench')),
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
    media: new MemoryMedia(),
    files: NO_HOST_FILES,
  };
  return ctx;
}

/** One version-6 request through the handler; returns the reply object. */
export async function engineInvoke(ctx: ActionContext, action: string, params: Record<string, unknown>): Promise<{ result: unknown; error: unknown }> {
  return (await handleRequest(ctx, { action, version: 6, params })) as { result: unknown; error: unknown };
}
