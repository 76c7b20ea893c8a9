/** Every action, by wire name. Types of the API derive from this object. */
import type { AnyAction } from './define.ts';
import * as decks from './decks.ts';
import * as misc from './misc.ts';

const { API_VERSION: _apiVersion, ...miscActions } = misc;

export const actions = { ...miscActions, ...decks } satisfies Record<string, AnyAction>;

export type ActionName = keyof typeof actions;

const table: ReadonlyMap<string, AnyAction> = new Map(Object.entries(actions) as [string, AnyAction][]);

export function findAction(name: string): AnyAction | undefined {
  return table.get(name);
}

export function actionNames(): string[] {
  return [...table.keys()];
}
