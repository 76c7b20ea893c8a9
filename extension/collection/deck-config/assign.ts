/**
 * Pointing decks at a preset (pylib `decks.save(deck)` after setting
 * `conf`): each deck is marked modified. The preset is not checked, as in
 * AnkiConnect's setDeckConfigId; Anki falls back to the Default preset for
 * a deck whose preset is missing.
 */
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';

/** Sets `conf` of the decks `dids` (unknown ids are skipped). */
export function setDecksConfigId(col: Collection, dids: readonly Int64[], configId: Int64): void {
  col.transact(() => {
    const decks = col.col.get('decks');
    let changed = false;
    for (const did of dids) {
      const deck = decks[String(did)];
      if (!deck) continue;
      deck.conf = configId;
      deck.mod = col.nowSecs();
      deck.usn = -1;
      changed = true;
    }
    if (changed) col.col.save('decks', decks, col.nowMs());
  });
}
