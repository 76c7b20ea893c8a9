/** Finding note types in `col.models` by name or id, and saving them. */
import type { Collection } from '../collection.ts';
import type { Int64 } from '../json.ts';
import type { NotetypeJson } from './types.ts';

export function allNotetypes(col: Collection): NotetypeJson[] {
  return Object.values(col.col.get('models'));
}

/** Note type names compare case-insensitively, as Anki's unicase collation does. */
export function notetypeByName(col: Collection, name: string): NotetypeJson | undefined {
  if (typeof name !== 'string') return undefined;
  const exact = allNotetypes(col).find((nt) => nt.name === name);
  if (exact) return exact;
  const folded = name.toLowerCase();
  return allNotetypes(col).find((nt) => nt.name.toLowerCase() === folded);
}

export function notetypeById(col: Collection, id: Int64 | string): NotetypeJson | undefined {
  return col.col.get('models')[String(id)];
}

/**
 * Writes a changed note type back (bumping its `mod` and `usn`). The caller
 * runs inside col.transact().
 */
export function saveNotetype(col: Collection, nt: NotetypeJson): void {
  nt.mod = col.nowSecs();
  nt.usn = -1;
  const models = col.col.get('models');
  models[String(nt.id)] = nt;
  col.col.save('models', models, col.nowMs());
}
