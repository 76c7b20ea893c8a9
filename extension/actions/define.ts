/**
 * Declaring an action: its parameters as AnkiConnect's Python signature has
 * them (names in order, required or with a default) and one handler. The
 * wire name is the name the action is exported under (registry.ts).
 */
import type { Collection } from '../collection/collection.ts';
import type { HostFiles, MediaStore } from '../collection/media/types.ts';
import { argumentsNotMapping, missingArguments, unexpectedArgument } from './errors.ts';
import { pyTypeName } from './python.ts';

/** What the API is configured with (AnkiConnect's config keys). */
export interface ApiSettings {
  apiKey: unknown;
  webCorsOriginList: string[];
  ignoreOriginList: string[];
  webBindAddress: string;
  webBindPort: number;
  /** Milliseconds a `url` download may wait for data (AnkiConnect's webTimeout; default 10000). */
  webTimeout?: number;
}

/** What every handler gets. */
export interface ActionContext {
  col: Collection;
  settings: ApiSettings;
  /** Name of the (only) profile. */
  profile: string;
  /** Closes and reopens the collection from storage. */
  reloadCollection(): Promise<void>;
  /** Runs a nested request through the whole handler (for `multi`). */
  handle(request: unknown): Promise<unknown>;
  /** Every action's wire name. */
  actionNames(): string[];
  /** The collection's media files. */
  media: MediaStore;
  /** Files on the user's machine, through the native host (`path` parameters). */
  files: HostFiles;
  /** The reply is written as soon as the handler returns (an HTTP request, not `multi`): it may return a StreamedList. */
  streamReplies?: boolean;
}

const REQUIRED: unique symbol = Symbol('required');

/** A required parameter of type T (types are documentation; values are checked by handlers). */
export function req<T>(): T {
  return REQUIRED as unknown as T;
}

/** An optional parameter with Python's default. */
export function opt<T>(defaultValue: T): T {
  return defaultValue;
}

export interface ActionDefinition<P extends Record<string, unknown>, R> {
  readonly params: P;
  readonly paramNames: readonly string[];
  readonly required: readonly string[];
  run(ctx: ActionContext, name: string, raw: unknown): Promise<R>;
}

/** Defines an action from its parameters (in Python's order) and handler. */
export function action<P extends Record<string, unknown>, R>(
  params: P,
  handler: (ctx: ActionContext, p: P) => R | Promise<R>,
): ActionDefinition<P, R> {
  const paramNames = Object.keys(params);
  const required = paramNames.filter((n) => params[n] === REQUIRED);
  return {
    params,
    paramNames,
    required,
    async run(ctx, name, raw) {
      return handler(ctx, bindArguments(name, params, paramNames, required, raw));
    },
  };
}

/** Python's `method(**params)`: unexpected keywords first, then missing ones. */
function bindArguments<P extends Record<string, unknown>>(
  name: string,
  spec: P,
  paramNames: readonly string[],
  required: readonly string[],
  raw: unknown,
): P {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(argumentsNotMapping(name, pyTypeName(raw)));
  }
  const given = raw as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(spec, key)) throw new Error(unexpectedArgument(name, key));
  }
  const missing = required.filter((n) => !Object.hasOwn(given, n));
  if (missing.length) throw new Error(missingArguments(name, missing));
  const out: Record<string, unknown> = {};
  for (const n of paramNames) out[n] = Object.hasOwn(given, n) ? given[n] : spec[n];
  return out as P;
}

export type AnyAction = ActionDefinition<Record<string, unknown>, unknown>;
