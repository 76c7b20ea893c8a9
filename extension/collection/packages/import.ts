/**
 * Importing an .apkg into the collection, as Anki's importer does, without
 * holding up other work: the package is read into its own database, the
 * import is planned in slices that yield to other requests, the media are
 * copied (never over an existing file), and everything is written in one
 * short transaction. If the collection changed while planning, the plan is
 * made again. A bad package fails with a PackageError and changes nothing.
 * One import runs at a time.
 */
import type { Collection } from '../collection.ts';
import type { MediaStore } from '../media/types.ts';
import { applyImport } from './import-apply.ts';
import { MediaChanged, writeMedia } from './import-media.ts';
import { changeCount, planImport, type ImportPlan } from './import-plan.ts';
import { collectionChanged, PackageError } from './errors.ts';
import { openPackage, type OpenedPackage } from './package-read.ts';
import { readSourceData, type SourceData } from './source-data.ts';
import { databaseClassOf } from './sqljs.ts';

export type ImportStage = 'reading' | 'converting' | 'planning' | 'media' | 'saving' | 'done';

export interface ImportProgress {
  stage: ImportStage;
  /** Overall progress, 0..1. */
  fraction: number;
}

export interface ImportSummary {
  notes: { found: number; added: number; updated: number; duplicate: number; conflicting: number };
  cards: number;
  revlog: number;
  notetypes: { added: string[]; updated: string[] };
  decks: { added: string[] };
  media: { added: string[]; renamed: [string, string][] };
  /** Things skipped without failing the import (a media file missing from the package). */
  warnings: string[];
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Lets other work run between slices (default: a macrotask turn). */
  pause?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const ATTEMPTS = 5;
/** Attempts from this one on plan without yielding, so that nothing can interleave. */
const EAGER_FROM = 3;

let running: Promise<unknown> = Promise.resolve();

function serialized<T>(job: () => Promise<T>): Promise<T> {
  const next = running.then(job, job);
  running = next.catch(() => undefined);
  return next;
}

function summarize(source: SourceData, plan: ImportPlan, added: string[], applied: { cardsAdded: number; revlogAdded: number }, warnings: string[]): ImportSummary {
  return {
    notes: {
      found: source.notes.length,
      added: plan.notes.add.length,
      updated: plan.notes.update.length,
      duplicate: plan.notes.duplicate,
      conflicting: plan.notes.conflicting,
    },
    cards: applied.cardsAdded,
    revlog: applied.revlogAdded,
    notetypes: { added: plan.notetypes.add.map((n) => n.name), updated: plan.notetypes.update.map((u) => u.nt.name) },
    decks: { added: plan.decks.add.map((d) => d.name) },
    media: { added, renamed: plan.media.renamed.filter(([, to]) => added.includes(to)) },
    warnings,
  };
}

async function readPackage(col: Collection, bytes: Uint8Array, report: (s: ImportStage, f: number) => void, pause: () => Promise<void>) {
  const pkg = await openPackage(databaseClassOf(col), bytes, async (stage) => {
    report(stage === 'convert' ? 'converting' : 'reading', { unzip: 0, collection: 0.02, convert: 0.05, media: 0.08 }[stage]);
    await pause();
  });
  try {
    return { pkg, source: readSourceData(pkg.db, col.clock) };
  } catch (e) {
    pkg.db.close();
    throw e;
  }
}

async function importOnce(col: Collection, media: MediaStore, pkg: OpenedPackage, source: SourceData, opts: ImportOptions): Promise<ImportSummary> {
  const report = (stage: ImportStage, fraction: number) => opts.onProgress?.({ stage, fraction });
  const written: string[] = [];
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const pause = attempt >= EAGER_FROM ? () => Promise.resolve() : (opts.pause ?? macrotask);
      const plan = await planImport({
        col, media, source, mediaEntries: pkg.media, readMedia: pkg.readMedia, pause,
        progress: (f) => report('planning', 0.1 + 0.7 * f),
      });
      report('media', 0.85);
      const warnings: string[] = [];
      try {
        written.push(...(await writeMedia(media, plan.media.writes(), pkg.readMedia, warnings)));
      } catch (e) {
        if (e instanceof MediaChanged) continue;
        throw e;
      }
      if (changeCount(col) !== plan.changesAt) continue;
      report('saving', 0.95);
      const applied = applyImport(col, plan);
      report('done', 1);
      return summarize(source, plan, written, applied, warnings);
    }
    throw new PackageError(collectionChanged);
  } catch (e) {
    for (const name of written) await media.remove(name).catch(() => undefined);
    throw e;
  }
}

/** Imports the package; resolves with what was imported, or rejects (a PackageError for a bad package). */
export function importPackage(col: Collection, media: MediaStore, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportSummary> {
  return serialized(async () => {
    const pause = opts.pause ?? macrotask;
    opts.onProgress?.({ stage: 'reading', fraction: 0 });
    const { pkg, source } = await readPackage(col, bytes, (stage, fraction) => opts.onProgress?.({ stage, fraction }), pause);
    try {
      return await importOnce(col, media, pkg, source, { ...opts, pause });
    } finally {
      pkg.db.close();
    }
  });
}
