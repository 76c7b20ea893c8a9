/**
 * Removing the note types no note uses (what AnkiConnect's
 * `removeEmptyNotes` really does), each as Anki's `remove_notetype_inner`:
 * the note type and its `_nt_<id>_…` config keys go, the schema is marked
 * modified (a full sync follows), and the current note type becomes the
 * first remaining one; when none remain, a new stock Basic is added and made
 * current. Stock note types are removed like any other.
 */
import type { Collection } from '../collection.ts';
import { newDraft } from '../notetypes/draft.ts';
import { notetypesInOrder } from '../notetypes/list.ts';
import { addNotetype, setCurrentNotetype } from '../notetypes/save.ts';
import { markSchemaModified } from '../notetypes/schema-change.ts';
import { stockNotetypes } from '../notetypes/stock.ts';
import { noteCountOfNotetype } from './rows.ts';

function dropConfigOf(conf: Record<string, unknown>, ids: readonly string[]): void {
  const prefixes = ids.map((id) => `_nt_${id}_`);
  for (const key of Object.keys(conf)) {
    if (prefixes.some((p) => key.startsWith(p))) delete conf[key];
  }
}

/** Removes every note type without notes; returns the removed ids. */
export function removeUnusedNotetypes(col: Collection): string[] {
  return col.transact(() => {
    const models = col.col.get('models');
    const unused = Object.keys(models).filter((id) => noteCountOfNotetype(col, id) === 0);
    if (!unused.length) return [];
    for (const id of unused) delete models[id];
    const conf = col.col.get('conf');
    dropConfigOf(conf, unused);
    col.col.save('models', models, col.nowMs());
    col.col.save('conf', conf, col.nowMs());
    markSchemaModified(col);
    const first = notetypesInOrder(col)[0];
    if (first) setCurrentNotetype(col, first.id);
    else addNotetype(col, newDraft(stockNotetypes(col.nowMs())[0]!));
    return unused;
  }).result;
}
