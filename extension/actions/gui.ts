/** gui actions. */
import { action, opt } from './define.ts';
import { pathLikeExpected } from './errors.ts';
import { openPage } from './pages.ts';
import { pyTypeName } from './python.ts';

/**
 * Opens the import page; with a path, the page shows that file ready to
 * import (Anki's import dialog for the file), else it asks for one.
 */
export const guiImportFile = action({ path: opt<unknown>(null) }, async (_ctx, p) => {
  if (p.path !== null && typeof p.path !== 'string') throw new Error(pathLikeExpected(pyTypeName(p.path)));
  await openPage('import', p.path === null ? {} : { path: p.path });
  return null;
});
