/** Deck options ("deck config" / preset) actions. */
import type { Collection } from '../collection/collection.ts';
import { deckByName } from '../collection/decks/add.ts';
import { DEFAULT_CONFIG_ID } from '../collection/decks/defaults.ts';
import { deckNames } from '../collection/decks/list.ts';
import { setDecksConfigId } from '../collection/deck-config/assign.ts';
import { allDeckConfigs, deckConfigOrDefault, optionsForDeck } from '../collection/deck-config/get.ts';
import { InvalidDeckConfig } from '../collection/deck-config/normalize.ts';
import { removeDeckConfig } from '../collection/deck-config/remove.ts';
import { addDeckConfig, updateDeckConfig } from '../collection/deck-config/save.ts';
import type { Int64 } from '../collection/json.ts';
import { action, opt, req } from './define.ts';
import {
  cannotDeleteDefaultConfig,
  jsonInvalidType,
  keyError,
  notSubscriptable,
} from './errors.ts';
import { pyStrOf, pyTypeName } from './python.ts';
import { pyIterate, pyInt } from './python-values.ts';

/** A 64-bit id as JSON keeps it: a number when safe. */
function int64(id: bigint): Int64 {
  return id >= BigInt(Number.MIN_SAFE_INTEGER) && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id;
}

/** `id in [c['id'] for c in all_config()]`. */
function presetExists(col: Collection, id: bigint): boolean {
  return allDeckConfigs(col).some((c) => typeof c.id !== 'number' || Number.isInteger(c.id) ? BigInt(c.id) === id : false);
}

/** Python's `config['id']` on the parameter. */
function configId(config: unknown): unknown {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Error(notSubscriptable(pyTypeName(config)));
  if (!Object.hasOwn(config, 'id')) throw new Error(keyError('id'));
  return (config as Record<string, unknown>).id;
}

export const getDeckConfig = action({ deck: req<string>() }, ({ col }, { deck }) => {
  // upstream: an unknown deck (exact name) gives false.
  if (typeof deck !== 'string' || !deckNames(col).includes(deck)) return false;
  const found = deckByName(col, deck);
  return found ? optionsForDeck(col, found) : false;
});

export const saveDeckConfig = action({ config: req<Record<string, unknown>>() }, ({ col }, { config }) => {
  const id = pyInt(pyStrOf(configId(config)));
  // upstream: an unknown id, or a config Anki cannot read, gives false.
  if (!presetExists(col, id)) return false;
  try {
    updateDeckConfig(col, int64(id), config);
  } catch (e) {
    if (e instanceof InvalidDeckConfig) return false;
    throw e;
  }
  return true;
});

export const setDeckConfigId = action({ decks: req<string[]>(), configId: req<number>() }, ({ col }, { decks, configId }) => {
  const id = int64(pyInt(configId));
  const names = pyIterate(decks);
  const known = deckNames(col);
  // upstream: false if any deck is unknown (exact name); the preset is not checked.
  if (!names.every((n) => typeof n === 'string' && known.includes(n))) return false;
  const dids = names.map((n) => deckByName(col, n as string)!.id);
  setDecksConfigId(col, dids, id);
  return true;
});

export const cloneDeckConfigId = action({ name: req<string>(), cloneFrom: opt<unknown>('1') }, ({ col }, { name, cloneFrom }) => {
  const from = pyInt(cloneFrom);
  // upstream: false when there is no preset to clone.
  if (!presetExists(col, from)) return false;
  if (typeof name !== 'string') throw new Error(jsonInvalidType(name, 'a string'));
  return addDeckConfig(col, name, deckConfigOrDefault(col, int64(from)));
});

export const removeDeckConfigId = action({ configId: req<number>() }, ({ col }, { configId }) => {
  const id = pyInt(configId);
  // upstream: false for an unknown preset; the Default one makes Anki raise.
  if (!presetExists(col, id)) return false;
  if (id === BigInt(DEFAULT_CONFIG_ID)) throw new Error(cannotDeleteDefaultConfig);
  return removeDeckConfig(col, int64(id));
});
