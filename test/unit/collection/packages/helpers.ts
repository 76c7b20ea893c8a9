/** Shared pieces of the package tests: Anki's fixture packages, instant pauses, row dumps. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../../scripts/lib/paths.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { importPackage, type ImportSummary } from '../../../../extension/collection/packages/import.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import type { MediaStore } from '../../../../extension/collection/media/types.ts';

/** Anki's own test packages, kept outside the project (see their NOTICE.md). */
export const FIXTURES = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'anki-test-support');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export const noPause = () => Promise.resolve();

export function importBytes(col: Collection, bytes: Uint8Array, media: MediaStore = new MemoryMedia()): Promise<ImportSummary> {
  return importPackage(col, media, bytes, { pause: noPause });
}

export function noteRows(col: Collection): { id: number; guid: string; mid: number; mod: number; tags: string; flds: string }[] {
  return col.db.query('select id, guid, mid, mod, tags, flds from notes order by id');
}

export function cardRows(col: Collection): Record<string, unknown>[] {
  return col.db.query('select * from cards order by id');
}

export function revlogRows(col: Collection): Record<string, unknown>[] {
  return col.db.query('select * from revlog order by id');
}
