/** Builders for unit tests: a fresh in-memory collection and an action context over it. */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { ActionContext, ApiSettings } from '../../extension/actions/define.ts';
import { actionNames } from '../../extension/actions/registry.ts';
import { fixedClock, type Clock } from '../../extension/collection/clock.ts';
import type { Collection } from '../../extension/collection/collection.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { handleRequest } from '../../extension/background/handler.ts';
import { MemoryHostFiles, MemoryMedia } from './memory-media.ts';

let sql: Promise<SqlJsStatic> | null = null;

export function sqlJs(): Promise<SqlJsStatic> {
  sql ??= initSqlJs();
  return sql;
}

/** 2026-03-10 12:00:00 UTC: a fixed, realistic "now". */
export const TEST_NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

export async function newCollection(clock: Clock = fixedClock(TEST_NOW)): Promise<Collection> {
  return createCollection(await sqlJs(), clock);
}

export const DEFAULT_SETTINGS: ApiSettings = {
  apiKey: null,
  webCorsOriginList: ['http://localhost'],
  ignoreOriginList: [],
  webBindAddress: '127.0.0.1',
  webBindPort: 8765,
};

export function contextFor(col: Collection, settings: Partial<ApiSettings> = {}): ActionContext {
  const ctx: ActionContext = {
    col,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    profile: 'User 1',
    reloadCollection: async () => undefined,
    handle: (request) => handleRequest(ctx, request),
    actionNames,
    media: new MemoryMedia(),
    files: new MemoryHostFiles(),
  };
  return ctx;
}

/**
 * Calls an action the way a client does (version 6) and returns
 * `{result, error}`, so tests see exactly the reply a client would.
 */
export async function call(ctx: ActionContext, action: string, params: Record<string, unknown> = {}): Promise<{ result: unknown; error: string | null }> {
  return (await handleRequest(ctx, { action, version: 6, params })) as { result: unknown; error: string | null };
}

/** Like call(), but returns the result and fails the test on an error reply. */
export async function ok<T = unknown>(ctx: ActionContext, action: string, params: Record<string, unknown> = {}): Promise<T> {
  const r = await call(ctx, action, params);
  if (r.error !== null) throw new Error(`${action} failed: ${r.error}`);
  return r.result as T;
}
