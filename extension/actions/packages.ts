/**
 * Package actions: exportPackage writes a deck (and its children) as a
 * legacy .apkg to a file; importPackage imports an .apkg file (legacy or
 * modern) as Anki's importer does. Files are read and written by the
 * native host (`ctx.files`).
 */
import { exportDeckPackage } from '../collection/packages/export.ts';
import { importPackage as importPackageBytes } from '../collection/packages/import.ts';
import { action, opt, req } from './define.ts';
import { deckNameNotString, pathLikeExpected } from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyTruthy } from './python-values.ts';

function pathOf(path: unknown): string {
  if (typeof path !== 'string') throw new Error(pathLikeExpected(pyTypeName(path)));
  return path;
}

export const exportPackage = action({ deck: req<unknown>(), path: req<unknown>(), includeSched: opt<unknown>(false) }, async (ctx, p) => {
  if (typeof p.deck !== 'string') throw new Error(deckNameNotString(pyTypeName(p.deck)));
  const bytes = await exportDeckPackage(ctx.col, ctx.media, p.deck, pyTruthy(p.includeSched));
  // upstream: a deck that does not exist gives false, not an error
  if (!bytes) return false;
  await ctx.files.write(pathOf(p.path), bytes);
  return true;
});

export const importPackage = action({ path: req<unknown>() }, async (ctx, p) => {
  const bytes = await ctx.files.read(pathOf(p.path));
  await importPackageBytes(ctx.col, ctx.media, bytes);
  return true;
});
