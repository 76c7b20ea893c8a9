/**
 * What a note type's structural change does to its notes and cards
 * (notetype/schemachange.rs): when fields were added, removed or reordered,
 * every note's fields move with them (a removed field's text goes, a new
 * field starts empty) and `sfld`/`csum` are recomputed; when templates were
 * removed their cards go (with a grave each), moved ones are renumbered.
 * Any such change marks the schema modified (`col.scm`), which forces a full
 * sync as in Anki. Callers run inside col.transact().
 */
import type { Collection } from '../collection.ts';
import { derivedColumns, joinFields, normalizeFieldText, normalizesNoteText, splitFields } from '../notes/fields.ts';
import type { NotetypeJson } from './types.ts';

/** Sets `col.scm` to now (Anki's `set_schema_modified`). */
export function markSchemaModified(col: Collection): void {
  const now = col.nowMs();
  col.db.run('update col set scm = ?', [now]);
  col.col.scalars().scm = now;
}

/** True when fields were added, removed or reordered (`origins[i]`: old index of field i, null if new). */
function ordsChanged(origins: readonly (number | null)[], previousCount: number): boolean {
  return origins.length !== previousCount || origins.some((from, i) => from !== i);
}

/** Rewrites every note of `nt` for its new field layout (or for a new sort field alone). */
export function updateNotesForChangedFields(
  col: Collection,
  nt: NotetypeJson,
  origins: readonly (number | null)[],
  previous: { fieldCount: number; sortf: number },
): void {
  const reorder = ordsChanged(origins, previous.fieldCount);
  if (!reorder && nt.sortf === previous.sortf) return;
  markSchemaModified(col);
  const nfc = normalizesNoteText(col.col.get('conf'));
  const mod = col.nowSecs();
  const rows = col.db.query<{ id: number; flds: string }>('select id, flds from notes where mid = ?', [Number(nt.id)]);
  for (const row of rows) {
    const old = splitFields(row.flds);
    const moved = reorder ? origins.map((from) => (from === null ? '' : (old[from] ?? ''))) : old;
    const fields = moved.map((f) => normalizeFieldText(f, nfc));
    const { sfld, csum } = derivedColumns(nt, fields);
    col.db.run('update notes set flds = ?, sfld = ?, csum = ?, mod = ?, usn = -1 where id = ?', [
      joinFields(fields),
      sfld,
      csum,
      mod,
      row.id,
    ]);
  }
}

/** Deletes the cards of removed templates (leaving graves) and renumbers those of moved ones. */
export function updateCardsForChangedTemplates(
  col: Collection,
  nt: NotetypeJson,
  origins: readonly (number | null)[],
  previousCount: number,
): void {
  const moved = new Map<number, number>();
  const kept = new Set<number>();
  origins.forEach((from, to) => {
    if (from === null) return;
    kept.add(from);
    if (from !== to) moved.set(from, to);
  });
  const removed = new Set([...Array(previousCount).keys()].filter((o) => !kept.has(o)));
  if (!moved.size && !removed.size && origins.every((o) => o !== null)) return;
  markSchemaModified(col);
  const mod = col.nowSecs();
  const cards = col.db.query<{ id: number; ord: number }>(
    'select c.id, c.ord from cards c join notes n on n.id = c.nid where n.mid = ?',
    [Number(nt.id)],
  );
  for (const card of cards) {
    if (removed.has(card.ord)) {
      col.db.run('insert into graves (usn, oid, type) values (-1, ?, 0)', [card.id]);
      col.db.run('delete from cards where id = ?', [card.id]);
    } else if (moved.has(card.ord)) {
      col.db.run('update cards set ord = ?, mod = ?, usn = -1 where id = ?', [moved.get(card.ord)!, mod, card.id]);
    }
  }
}
