/**
 * Saving and adding presets (`col.dconf`). A saved preset is normalised as
 * Anki's serde reads it (normalize.ts) and marked modified (`mod` now,
 * `usn` -1). New presets get an epoch-ms id not yet taken.
 */
import type { Collection } from '../collection.ts';
import { nextJsonId } from '../ids.ts';
import type { DeckConfigJson } from '../decks/types.ts';
import type { Int64 } from '../json.ts';
import { normalizeDeckConfig } from './normalize.ts';

function store(col: Collection, preset: DeckConfigJson): void {
  const dconf = col.col.get('dconf');
  dconf[String(preset.id)] = preset;
  col.col.save('dconf', dconf, col.nowMs());
}

/**
 * Replaces the preset with id `id` by `given` (its own `id` is ignored).
 * Throws InvalidDeckConfig when `given` is not a preset Anki can read.
 */
export function updateDeckConfig(col: Collection, id: Int64, given: unknown): void {
  const preset = normalizeDeckConfig(given, id, col.nowSecs(), -1);
  col.transact(() => store(col, preset));
}

/** Adds a copy of `source` named `name`; returns the new preset's id. */
export function addDeckConfig(col: Collection, name: string, source: DeckConfigJson): number {
  return col.transact(() => {
    const id = nextJsonId(Object.keys(col.col.get('dconf')), col.nowMs());
    store(col, normalizeDeckConfig({ ...structuredClone(source), name }, id, col.nowSecs(), -1));
    return id;
  }).result;
}
