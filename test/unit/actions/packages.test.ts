/** exportPackage, importPackage and guiImportFile as a client calls them. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setPageOpener, type PageName } from '../../../extension/actions/pages.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { getOrCreateDeck } from '../../../extension/collection/decks/add.ts';
import type { MemoryMedia } from '../../../extension/collection/media/memory.ts';
import { addNote } from '../../../extension/collection/notes/add.ts';
import { notetypeByName } from '../../../extension/collection/notetypes/lookup.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import type { MemoryHostFiles } from '../../helpers/memory-media.ts';
import { fixture } from '../collection/packages/helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'acb-actions-apkg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function contextWithDeck() {
  const col = await newCollection();
  const ctx = contextFor(col);
  const basic = notetypeByName(col, 'Basic')!;
  const did = getOrCreateDeck(col, 'Export Me');
  addNote(col, { nt: basic, deckId: did, fields: ['<img src="pic.png">', 'back'], tags: ['marked', 'kept'] });
  col.transact(() => {
    const cid = col.db.scalar('select id from cards') as number;
    col.db.run('update cards set type = 2, queue = 2, due = 3, ivl = 5, factor = 2500, reps = 2 where id = ?', [cid]);
    col.db.run('insert into revlog values (?, ?, -1, 3, 5, 1, 2500, 4000, 1)', [TEST_NOW - 1000, cid]);
  });
  await ctx.media.write('pic.png', new TextEncoder().encode('png'));
  return { col, ctx, files: ctx.files as MemoryHostFiles };
}

function exportedCollection(bytes: Uint8Array, sql: string): string {
  const path = join(tmp, `c${Math.random()}.anki21`);
  writeFileSync(path, unzipSync(bytes)['collection.anki21']!);
  return execFileSync('python3', ['-c', `import sqlite3,sys\nprint(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])`, path, sql], { encoding: 'utf8' }).trim();
}

describe('exportPackage', () => {
  it('writes the deck as an .apkg to the path and returns true', async () => {
    const { ctx, files } = await contextWithDeck();
    expect(await call(ctx, 'exportPackage', { deck: 'Export Me', path: '/out/deck.apkg' })).toEqual({ result: true, error: null });
    const apkg = files.files.get('/out/deck.apkg')!;
    expect(Object.keys(unzipSync(apkg)).sort()).toEqual(['0', 'collection.anki2', 'collection.anki21', 'media']);
    expect(exportedCollection(apkg, 'select count() from revlog')).toBe('0');
    expect(exportedCollection(apkg, 'select queue || type from cards')).toBe('00');
    expect(exportedCollection(apkg, 'select tags from notes')).toBe('kept');
  });

  it('keeps scheduling with includeSched (any true value, as Python tests it)', async () => {
    const { ctx, files } = await contextWithDeck();
    await ok(ctx, 'exportPackage', { deck: 'export me', path: '/a.apkg', includeSched: true });
    await ok(ctx, 'exportPackage', { deck: 'Export Me', path: '/b.apkg', includeSched: 1 });
    await ok(ctx, 'exportPackage', { deck: 'Export Me', path: '/c.apkg', includeSched: '' });
    expect(exportedCollection(files.files.get('/a.apkg')!, 'select count() from revlog')).toBe('1');
    expect(exportedCollection(files.files.get('/b.apkg')!, 'select ivl from cards')).toBe('5');
    expect(exportedCollection(files.files.get('/c.apkg')!, 'select count() from revlog')).toBe('0');
  });

  it('returns false for a deck that does not exist, writing nothing', async () => {
    const { ctx, files } = await contextWithDeck();
    expect(await call(ctx, 'exportPackage', { deck: 'Nope', path: '/x.apkg' })).toEqual({ result: false, error: null });
    expect(files.files.size).toBe(0);
  });

  it('gives Python-worded errors for bad parameters', async () => {
    const { ctx } = await contextWithDeck();
    expect(await call(ctx, 'exportPackage', { deck: 5, path: '/x.apkg' })).toEqual({ result: null, error: 'expected deck name as str, got int' });
    expect(await call(ctx, 'exportPackage', { deck: 'Export Me', path: null })).toEqual({
      result: null,
      error: 'expected str, bytes or os.PathLike object, not NoneType',
    });
    expect((await call(ctx, 'exportPackage', { deck: 'Export Me' })).error).toBe(
      "AnkiConnect.exportPackage() missing 1 required positional argument: 'path'",
    );
  });
});

describe('importPackage', () => {
  it('imports the package at the path and returns true', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    (ctx.files as MemoryHostFiles).files.set('/in/media.apkg', fixture('media.apkg'));
    expect(await call(ctx, 'importPackage', { path: '/in/media.apkg' })).toEqual({ result: true, error: null });
    expect(col.db.scalar('select flds from notes')).toBe('[sound:foo.wav]\x1f');
    expect(await (ctx.media as MemoryMedia).list()).toEqual(['foo.wav']);
  });

  it('brings back what exportPackage wrote, scheduling included', async () => {
    const { ctx: from, files } = await contextWithDeck();
    await ok(from, 'exportPackage', { deck: 'Export Me', path: '/deck.apkg', includeSched: true });
    const col = await newCollection(fixedClock(TEST_NOW + 60_000));
    const ctx = contextFor(col);
    (ctx.files as MemoryHostFiles).files.set('/deck.apkg', files.files.get('/deck.apkg')!);
    await ok(ctx, 'importPackage', { path: '/deck.apkg' });
    expect(col.db.get('select type, queue, due, ivl, factor, reps from cards')).toEqual({ type: 2, queue: 2, due: 3, ivl: 5, factor: 2500, reps: 2 });
    expect(col.db.scalar('select count() from revlog')).toBe(1);
    expect(await (ctx.media as MemoryMedia).list()).toEqual(['pic.png']);
    expect(Object.values(col.col.get('decks')).map((d) => d.name)).toContain('Export Me');
  });

  it('passes on the error of a missing file, and explains a bad one', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    expect(await call(ctx, 'importPackage', { path: '/nope.apkg' })).toEqual({
      result: null,
      error: "[Errno 2] No such file or directory: '/nope.apkg'",
    });
    (ctx.files as MemoryHostFiles).files.set('/bad.apkg', new TextEncoder().encode('not a zip'));
    expect(await call(ctx, 'importPackage', { path: '/bad.apkg' })).toEqual({
      result: null,
      error: 'The provided file is not a valid .apkg file. It is not a zip archive.',
    });
    expect(await call(ctx, 'importPackage', { path: 7 })).toEqual({ result: null, error: 'expected str, bytes or os.PathLike object, not int' });
    expect(col.db.scalar('select count() from notes')).toBe(0);
  });
});

describe('guiImportFile', () => {
  const opened: [PageName, Record<string, string>][] = [];
  afterEach(() => {
    opened.length = 0;
    setPageOpener(null);
  });
  const withOpener = () => setPageOpener({ open: async (page, params) => void opened.push([page, params]) });

  it('opens the import page with the file, or without one, and returns null', async () => {
    withOpener();
    const ctx = contextFor(await newCollection());
    expect(await call(ctx, 'guiImportFile', { path: '/home/me/deck.apkg' })).toEqual({ result: null, error: null });
    expect(await call(ctx, 'guiImportFile')).toEqual({ result: null, error: null });
    expect(opened).toEqual([
      ['import', { path: '/home/me/deck.apkg' }],
      ['import', {}],
    ]);
  });

  it('refuses a path that is not a string, and says so where no page can open', async () => {
    withOpener();
    const ctx = contextFor(await newCollection());
    expect(await call(ctx, 'guiImportFile', { path: 3 })).toEqual({ result: null, error: 'expected str, bytes or os.PathLike object, not int' });
    setPageOpener(null);
    expect(await call(ctx, 'guiImportFile', {})).toEqual({ result: null, error: 'the extension pages cannot be opened here' });
    expect(opened).toEqual([]);
  });
});
