/**
 * Exporting a deck as a legacy .apkg that every Anki since 2.1.0 imports
 * (anki-formats.md §1.4): the dummy `collection.anki2`, the schema-11
 * `collection.anki21` (both deflated), the media files as members 0, 1, …
 * (stored) and the JSON `media` list, in the order pylib's exporter writes
 * them. The collection is read in one go; the package is built after, in
 * separate databases, yielding in between.
 */
import type { Collection } from '../collection.ts';
import { deckByName } from '../decks/add.ts';
import type { MediaStore } from '../media/types.ts';
import { dummyCollectionBytes } from './dummy-collection.ts';
import { gatherExport } from './export-gather.ts';
import { exportedMediaNames } from './export-media.ts';
import { exportedCollectionBytes } from './legacy-export.ts';
import { legacyMediaMapBytes } from './media-map.ts';
import { databaseClassOf } from './sqljs.ts';
import { writeZip, type ZipEntry } from './zip.ts';

export interface ExportOptions {
  /** Lets other work run between the steps (default: a macrotask turn). */
  pause?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The package bytes, or null when there is no deck of that name. */
export async function exportDeckPackage(
  col: Collection,
  media: MediaStore,
  deckName: string,
  includeSched: boolean,
  opts: ExportOptions = {},
): Promise<Uint8Array | null> {
  const pause = opts.pause ?? macrotask;
  const deck = deckByName(col, deckName);
  if (!deck) return null;
  const data = gatherExport(col, deck, includeSched);
  const Database = databaseClassOf(col);
  await pause();
  const collection = exportedCollectionBytes(Database, col.clock, data, includeSched);
  await pause();
  const dummy = dummyCollectionBytes(Database, col.clock);
  const entries: ZipEntry[] = [
    { name: 'collection.anki2', bytes: dummy, deflate: true },
    { name: 'collection.anki21', bytes: collection, deflate: true },
  ];
  const names: string[] = [];
  for (const name of await exportedMediaNames(media, data.notes, data.notetypes)) {
    const bytes = await media.read(name);
    if (!bytes) continue;
    entries.push({ name: String(names.length), bytes, deflate: /\.svg$/i.test(name) });
    names.push(name);
  }
  entries.push({ name: 'media', bytes: legacyMediaMapBytes(names), deflate: true });
  await pause();
  return writeZip(entries);
}
