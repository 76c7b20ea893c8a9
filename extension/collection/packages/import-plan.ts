/**
 * Planning an import against the collection, in slices that yield to other
 * work in between: nothing is written here. The plan remembers the
 * collection's change count when it started; if anything wrote to the
 * collection meanwhile, the plan is stale and is made again.
 */
import type { Collection } from '../collection.ts';
import type { MediaStore } from '../media/types.ts';
import { normalizesNoteText } from '../notes/fields.ts';
import { today } from '../scheduler/timing.ts';
import type { ImportPlanParts } from './import-apply.ts';
import { CardPlanner } from './import-cards.ts';
import { planDecks } from './import-decks.ts';
import { MediaPlan, type MediaReader } from './import-media.ts';
import { NotePlanner } from './import-notes.ts';
import { planNotetypes } from './import-notetypes.ts';
import type { PackageMediaEntry } from './media-map.ts';
import type { SourceData } from './source-data.ts';

export interface ImportPlan extends ImportPlanParts {
  /** `total_changes()` of the collection's connection when planning began. */
  changesAt: number;
  media: MediaPlan;
}

export interface PlanContext {
  col: Collection;
  media: MediaStore;
  source: SourceData;
  mediaEntries: readonly PackageMediaEntry[];
  readMedia: MediaReader;
  /** Lets other work run; called between slices. */
  pause: () => Promise<void>;
  /** Fraction of the planning done, 0..1. */
  progress: (fraction: number) => void;
}

const SLICE = 1000;

/** How many rows this connection has changed so far: any write moves it. */
export function changeCount(col: Collection): number {
  return Number(col.db.scalar('select total_changes()') ?? 0);
}

async function inSlices<T>(items: readonly T[], ctx: PlanContext, from: number, to: number, each: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    for (const item of items.slice(i, i + SLICE)) each(item);
    ctx.progress(from + ((to - from) * Math.min(i + SLICE, items.length)) / Math.max(items.length, 1));
    await ctx.pause();
  }
}

export async function planImport(ctx: PlanContext): Promise<ImportPlan> {
  const { col, source } = ctx;
  const media = await MediaPlan.create(ctx.mediaEntries, ctx.readMedia, ctx.media);
  const changesAt = changeCount(col);
  const nowMs = col.nowMs();
  const nowSecs = col.nowSecs();
  const notetypes = planNotetypes(col.col.get('models'), source.notetypes.values(), nowMs, nowSecs);
  await ctx.pause();
  const notePlanner = new NotePlanner({
    db: col.db,
    models: notetypes.models,
    remap: notetypes.remap,
    media,
    nfc: normalizesNoteText(col.col.get('conf')),
  });
  await inSlices(source.notes, ctx, 0, 0.6, (n) => notePlanner.planOne(n));
  const targetToday = today(col);
  const decks = planDecks(
    { decks: col.col.get('decks'), dconf: col.col.get('dconf'), sourceToday: source.daysElapsed, targetToday, nowMs, nowSecs },
    source.decks,
    source.deckConfigs,
  );
  const cardPlanner = new CardPlanner(col.db, notePlanner.plan, decks, source.daysElapsed - targetToday);
  await inSlices(source.cards, ctx, 0.6, 0.85, (c) => cardPlanner.planCard(c));
  await inSlices(source.revlog, ctx, 0.85, 1, (r) => cardPlanner.planRevlog(r));
  return { changesAt, media, notetypes, decks, notes: notePlanner.plan, cards: cardPlanner.plan };
}
