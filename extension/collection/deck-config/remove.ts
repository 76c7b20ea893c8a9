/**
 * Removing a preset (pylib `remove_config`, deckconfig `remove_deck_config_inner`):
 * decks that used it go back to the Default preset (marked modified), and
 * the schema is marked changed (`col.scm`), which forces a full sync.
 * The Default preset (id 1) cannot be removed.
 */
import type { Collection } from '../collection.ts';
import { DEFAULT_CONFIG_ID } from '../decks/defaults.ts';
import { sameId, type Int64 } from '../json.ts';
import { markSchemaModified } from '../notetypes/schema-change.ts';
import { deckConfigById } from './get.ts';

/** Removes preset `id`; false when there is none. Throws for the Default preset (id 1). */
export function removeDeckConfig(col: Collection, id: Int64): boolean {
  const preset = deckConfigById(col, id);
  if (!preset) return false;
  if (sameId(preset.id, DEFAULT_CONFIG_ID)) throw new Error('the Default preset cannot be removed');
  col.transact(() => {
    const decks = col.col.get('decks');
    let changed = false;
    for (const deck of Object.values(decks)) {
      if (!Object.hasOwn(deck, 'conf') || String(deck.conf) !== String(preset.id)) continue;
      deck.conf = DEFAULT_CONFIG_ID;
      deck.mod = col.nowSecs();
      deck.usn = -1;
      changed = true;
    }
    if (changed) col.col.save('decks', decks, col.nowMs());
    const dconf = col.col.get('dconf');
    for (const key of Object.keys(dconf)) if (sameId(dconf[key]!.id, preset.id)) delete dconf[key];
    col.col.save('dconf', dconf, col.nowMs());
    markSchemaModified(col);
  });
  return true;
}

