/** Every action, by wire name. Types of the API derive from this object. */
import type { AnyAction } from './define.ts';
import * as cards from './cards.ts';
import * as cardsInfo from './cards-info.ts';
import * as deckConfig from './deck-config.ts';
import * as decks from './decks.ts';
import * as gui from './gui.ts';
import * as media from './media.ts';
import * as misc from './misc.ts';
import * as modelFields from './model-fields.ts';
import * as modelTemplates from './model-templates.ts';
import * as models from './models.ts';
import * as notes from './notes.ts';
import * as packages from './packages.ts';
import * as search from './search.ts';
import * as stats from './stats.ts';
import * as tags from './tags.ts';

const { API_VERSION: _apiVersion, ...miscActions } = misc;

export const actions = {
  ...miscActions,
  ...decks,
  ...deckConfig,
  ...models,
  ...modelFields,
  ...modelTemplates,
  ...notes,
  ...search,
  ...tags,
  ...cards,
  ...cardsInfo,
  ...stats,
  ...media,
  ...packages,
  ...gui,
} satisfies Record<string, AnyAction>;

export type ActionName = keyof typeof actions;

const table: ReadonlyMap<string, AnyAction> = new Map(Object.entries(actions) as [string, AnyAction][]);

export function findAction(name: string): AnyAction | undefined {
  return table.get(name);
}

export function actionNames(): string[] {
  return [...table.keys()];
}
