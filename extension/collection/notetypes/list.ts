/** Listing note types in Anki's order: by id, as its `notetypes` table returns them. */
import type { Collection } from '../collection.ts';
import { allNotetypes } from './lookup.ts';
import type { NotetypeJson } from './types.ts';

function compareIds(a: NotetypeJson, b: NotetypeJson): number {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every note type, oldest id first (Anki's `all_names_and_ids`). */
export function notetypesInOrder(col: Collection): NotetypeJson[] {
  return [...allNotetypes(col)].sort(compareIds);
}

export function notetypeNames(col: Collection): string[] {
  return notetypesInOrder(col).map((nt) => nt.name);
}
