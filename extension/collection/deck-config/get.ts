/** Deck presets (`col.dconf`) and the preset a deck uses (pylib `config_dict_for_deck_id`). */
import type { Collection } from '../collection.ts';
import { DEFAULT_CONFIG_ID, newDeckConfigJson } from '../decks/defaults.ts';
import type { DeckConfigJson, DeckJson } from '../decks/types.ts';
import { sameId, type Int64 } from '../json.ts';
import { InvalidDeckConfig, normalizeDeckConfig } from './normalize.ts';

export function allDeckConfigs(col: Collection): DeckConfigJson[] {
  return Object.values(col.col.get('dconf'));
}

export function deckConfigById(col: Collection, id: Int64): DeckConfigJson | undefined {
  const direct = col.col.get('dconf')[String(id)];
  if (direct || (typeof id === 'number' && !Number.isInteger(id))) return direct;
  return allDeckConfigs(col).find((c) => (typeof c.id === 'number' && !Number.isInteger(c.id) ? false : sameId(c.id, id)));
}

/** A preset by id, else the Default preset, else Anki's defaults (Anki's `get_deck_config(id, fallback)`). */
export function deckConfigOrDefault(col: Collection, id: Int64): DeckConfigJson {
  return deckConfigById(col, id) ?? deckConfigById(col, DEFAULT_CONFIG_ID) ?? newDeckConfigJson(DEFAULT_CONFIG_ID, 'Default', 0, 0);
}

/**
 * What Anki's Python gives for a deck's options: a copy of its preset as
 * Anki reads it (missing keys filled in, `dyn: false`) for a normal deck,
 * or a copy of the deck itself for a filtered deck (whose options live in
 * the deck).
 */
export function optionsForDeck(col: Collection, deck: DeckJson): DeckConfigJson | DeckJson {
  if (!Object.hasOwn(deck, 'conf')) return structuredClone(deck);
  const preset = deckConfigOrDefault(col, parseIntLoose(deck.conf));
  try {
    return structuredClone(normalizeDeckConfig(preset, preset.id, preset.mod, preset.usn));
  } catch (e) {
    if (!(e instanceof InvalidDeckConfig)) throw e;
    return { ...structuredClone(preset), dyn: false };
  }
}

/** A preset id as stored in a deck (a number, or a string of one). */
function parseIntLoose(value: unknown): Int64 {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim());
  return DEFAULT_CONFIG_ID;
}
