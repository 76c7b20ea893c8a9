/**
 * The media an export carries (pylib `AnkiExporter.exportInto`): files the
 * exported notes reference (`[sound:x]`, `<img src=x>` and the other media
 * tags; not web addresses, not paths into subfolders), then files whose
 * names start with `_` that an exported note type's styling or templates
 * mention. Only files the collection has.
 */
import type { MediaStore } from '../media/types.ts';
import { splitFields } from '../notes/fields.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { extractMediaRefs } from './media-refs.ts';

const REMOTE = /^(https?|ftp):\/\//i;

function isLocalPlainFile(name: string): boolean {
  return name !== '' && !REMOTE.test(name) && !name.includes('/') && !name.includes('\\');
}

function usedByNotetype(nt: NotetypeJson, name: string): boolean {
  return nt.css.includes(name) || nt.tmpls.some((t) => t.qfmt.includes(name) || t.afmt.includes(name));
}

/** The names to export, in the order pylib finds them. */
export async function exportedMediaNames(
  media: MediaStore,
  notes: readonly { flds: string }[],
  notetypes: readonly NotetypeJson[],
): Promise<string[]> {
  const wanted = new Set<string>();
  for (const note of notes) {
    for (const field of splitFields(note.flds)) {
      for (const name of extractMediaRefs(field)) if (isLocalPlainFile(name)) wanted.add(name);
    }
  }
  const existing = await media.list();
  const have = new Set(existing);
  const out = [...wanted].filter((n) => have.has(n));
  for (const name of existing) {
    if (name.startsWith('_') && !wanted.has(name) && notetypes.some((nt) => usedByNotetype(nt, name))) out.push(name);
  }
  return out;
}
