/**
 * A legacy .apkg built in Node with the project's own engine, for the
 * package sections: `notes` Basic notes added with the addNotes action
 * through the in-process handler, `mediaFiles` small random media files
 * (1–20 KB) in a MemoryMedia, each referenced by some notes as
 * `<img src="f123.jpg">` or `[sound:f123.mp3]`, exported with scheduling.
 */
import { randomBytes } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import { systemClock } from '../../extension/collection/clock.ts';
import { createCollection } from '../../extension/collection/create.ts';
import { MemoryMedia } from '../../extension/collection/media/memory.ts';
import { exportDeckPackage } from '../../extension/collection/packages/export.ts';
import { checkIds, resultOf } from './chain-calls.ts';
import { engineContext, engineInvoke } from './engine.ts';
import { seededRandom } from './fixture-content.ts';

export interface BuiltPackage {
  bytes: Uint8Array;
  deck: string;
  notes: number;
  mediaFiles: number;
  mediaBytes: number;
  buildMs: number;
}

export function mediaName(i: number): string {
  return `f${String(i).padStart(3, '0')}.${i % 2 === 0 ? 'jpg' : 'mp3'}`;
}

function mediaRef(i: number): string {
  const name = mediaName(i);
  return i % 2 === 0 ? `<img src="${name}">` : `[sound:${name}]`;
}

async function writeMedia(media: MemoryMedia, count: number): Promise<number> {
  const rand = seededRandom(7919);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const size = 1024 + Math.floor(rand() * 19 * 1024);
    await media.write(mediaName(i), randomBytes(size));
    total += size;
  }
  return total;
}

function apiNotes(deckName: string, count: number, mediaFiles: number) {
  return Array.from({ length: count }, (_, i) => ({
    deckName,
    modelName: 'Basic',
    fields: { Front: `package word ${i}`, Back: `meaning ${i} ${mediaRef(i % mediaFiles)}` },
    tags: [`pkg${i % 50}`],
  }));
}

export async function buildPackage(SQL: SqlJsStatic, deck: string, notes: number, mediaFiles: number): Promise<BuiltPackage> {
  const start = performance.now();
  const col = createCollection(SQL, systemClock);
  const media = new MemoryMedia();
  try {
    const ctx = { ...engineContext(col), media };
    resultOf('createDeck', await engineInvoke(ctx, 'createDeck', { deck }));
    checkIds('addNotes (package build)', resultOf('addNotes', await engineInvoke(ctx, 'addNotes', { notes: apiNotes(deck, notes, mediaFiles) })), notes);
    const mediaBytes = await writeMedia(media, mediaFiles);
    const bytes = await exportDeckPackage(col, media, deck, true);
    if (!bytes) throw new Error(`package build: no deck ${deck}`);
    return { bytes, deck, notes, mediaFiles, mediaBytes, buildMs: performance.now() - start };
  } finally {
    col.close();
  }
}
