/**
 * Saving a note type the way Anki's `add_notetype` / `update_notetype` do:
 * prepare (names, renames, req, checks), keep the name unique, rewrite notes
 * and cards for structural changes, store the JSON with a new `mod`/`usn`,
 * and generate the cards that new or changed fronts call for.
 */
import { generateMissingCards } from '../cards/add.ts';
import type { Collection } from '../collection.ts';
import { nextJsonId } from '../ids.ts';
import type { Int64 } from '../json.ts';
import type { NotetypeDraft } from './draft.ts';
import { allNotetypes, notetypeById, saveNotetype } from './lookup.ts';
import { foldName } from './names.ts';
import { prepareForSave } from './prepare.ts';
import { updateCardsForChangedTemplates, updateNotesForChangedFields } from './schema-change.ts';
import type { NotetypeJson } from './types.ts';

export interface SaveOptions {
  /** Also make it the current note type (`curModel`), as Anki's legacy `update()` does. */
  makeCurrent?: boolean;
}

/** Anki's `ensure_notetype_name_unique`: `+` until no other note type has the name. */
function ensureUniqueName(col: Collection, nt: NotetypeJson): void {
  const taken = (name: string) =>
    allNotetypes(col).some((other) => String(other.id) !== String(nt.id) && foldName(other.name) === foldName(name));
  while (taken(nt.name)) nt.name += '+';
}

export function setCurrentNotetype(col: Collection, id: Int64): void {
  const conf = col.col.get('conf');
  conf['curModel'] = id;
  col.col.save('conf', conf, col.nowMs());
}

function frontsDiffer(a: NotetypeJson, b: NotetypeJson): boolean {
  return a.tmpls.length !== b.tmpls.length || a.tmpls.some((t, i) => t.qfmt !== b.tmpls[i]!.qfmt);
}

/** Stores a new note type (all fields and templates new); returns it with its id. */
export function addNotetype(col: Collection, d: NotetypeDraft): NotetypeJson {
  return col.transact(() => {
    const nt = prepareForSave(d, null);
    ensureUniqueName(col, nt);
    nt.id = nextJsonId(Object.keys(col.col.get('models')), col.nowMs());
    saveNotetype(col, nt);
    setCurrentNotetype(col, nt.id);
    return nt;
  }).result;
}

/** Saves an edited stored note type with everything its changes imply; returns the stored JSON. */
export function updateNotetype(col: Collection, d: NotetypeDraft, opts: SaveOptions = {}): NotetypeJson {
  return col.transact(() => {
    const original = notetypeById(col, d.nt.id);
    if (!original) throw new Error(`note type ${String(d.nt.id)} is not stored`);
    const fieldOrigins = d.fields.map((s) => s.from);
    const templateOrigins = d.templates.map((s) => s.from);
    const nt = prepareForSave(d, original);
    ensureUniqueName(col, nt);
    updateNotesForChangedFields(col, nt, fieldOrigins, { fieldCount: original.flds.length, sortf: original.sortf });
    saveNotetype(col, nt);
    updateCardsForChangedTemplates(col, nt, templateOrigins, original.tmpls.length);
    if (templateOrigins.includes(null) || frontsDiffer(nt, original)) generateMissingCards(col, nt);
    if (opts.makeCurrent) setCurrentNotetype(col, nt.id);
    return nt;
  }).result;
}
