/**
 * A package that cannot be imported fails with a sentence saying why, and
 * leaves the collection and its media exactly as they were; an import that
 * other writes interrupt plans again and still imports once.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import { PackageError } from '../../../../extension/collection/packages/errors.ts';
import { importPackage } from '../../../../extension/collection/packages/import.ts';
import { insertNote } from '../../../helpers/rows.ts';
import { newCollection, sqlJs } from '../../../helpers/builders.ts';
import { fixture, importBytes, noteRows } from './helpers.ts';
import { buildModernPackage, zstdInit } from './modern-builder.ts';

/** The legacy fixture with some of its members replaced (undefined removes one). */
function altered(name: string, changes: Record<string, Uint8Array | undefined>): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(fixture(name)) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete files[k];
    else files[k] = v;
  }
  return zipSync(files);
}

async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const col = await newCollection();
  insertNote(col, { fields: ['kept', 'as is'] });
  const media = new MemoryMedia();
  await media.write('old.jpg', strToU8('old'));
  const before = { db: col.export(), mod: col.col.scalars().mod };
  const error = await importBytes(col, bytes, media).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect((error as Error).message).toMatch(message);
  expect(col.export()).toEqual(before.db);
  expect(col.col.scalars().mod).toBe(before.mod);
  expect([...media.files.keys()]).toEqual(['old.jpg']);
}

describe('a bad package', () => {
  it('is refused when it is not a zip archive', async () => {
    await expectRefused(strToU8('just some text'), /not a valid \.apkg file\. It is not a zip archive/);
  });

  it('is refused when it has no collection', async () => {
    await expectRefused(zipSync({ media: strToU8('{}') }), /has no "collection\.anki2" inside/);
  });

  it('is refused when its collection is not a database', async () => {
    await expectRefused(altered('media.apkg', { 'collection.anki2': strToU8('not sqlite') }), /collection cannot be read/);
  });

  it('is refused when its meta says a newer format', async () => {
    await expectRefused(altered('media.apkg', { meta: new Uint8Array([0x08, 0x04]) }), /newer version of Anki/);
  });

  it('is refused when a modern collection is not zstd data', async () => {
    await expectRefused(
      altered('media.apkg', { meta: new Uint8Array([0x08, 0x03]), 'collection.anki21b': strToU8('garbage') }),
      /collection cannot be decompressed/,
    );
  });

  it('is refused when its media list is damaged or names a file outside the media folder', async () => {
    await expectRefused(altered('media.apkg', { media: strToU8('{not json') }), /media list is damaged/);
    await expectRefused(altered('media.apkg', { media: strToU8('{"0": "../../evil.sh"}') }), /outside the media folder/);
  });

  it('is refused when a note has the wrong number of fields', async () => {
    const SQL = await sqlJs();
    const files: Record<string, Uint8Array> = unzipSync(fixture('update1.apkg'));
    const db = new SQL.Database(files['collection.anki2']);
    db.run("update notes set flds = 'only one field'");
    files['collection.anki2'] = db.export();
    db.close();
    await expectRefused(zipSync(files), /has 1 fields, expected 2/);
  });

  it('imports what it can and reports a media file missing from the package', async () => {
    const col = await newCollection();
    const summary = await importBytes(col, altered('media.apkg', { '0': undefined }));
    expect(summary.notes.added).toBe(1);
    expect(summary.warnings).toEqual(['The package lists the media file "foo.wav", but does not contain it.']);
  });
});

describe('an import while other requests write', () => {
  /** Imports while other writes land between slices: one note with the package's guid right after the notes were planned. */
  async function importWithWrites(col: Collection, bytes: Uint8Array): Promise<void> {
    let notesPlanned = false;
    let sameGuidAdded = false;
    let pauses = 0;
    await importPackage(col, new MemoryMedia(), bytes, {
      onProgress: (p) => (notesPlanned = p.stage === 'planning' && p.fraction >= 0.1 + 0.7 * 0.6),
      pause: async () => {
        pauses++;
        if (notesPlanned && !sameGuidAdded) {
          insertNote(col, { guid: 'cU1%zNUzk1', fields: ['added meanwhile', ''] });
          sameGuidAdded = true;
        } else if (pauses <= 2) {
          insertNote(col, { fields: [`written meanwhile ${pauses}`, ''] });
        }
      },
    });
    expect(sameGuidAdded).toBe(true);
  }

  it('plans again, so a note added meanwhile with the same guid is not duplicated', async () => {
    const col = await newCollection();
    await importWithWrites(col, fixture('update1.apkg'));
    const notes = noteRows(col);
    expect(notes.filter((n) => n.guid === 'cU1%zNUzk1')).toHaveLength(1);
    expect(notes.filter((n) => n.flds.startsWith('written meanwhile'))).toHaveLength(2);
  });

  it('lets other work run between the slices of a large import', async () => {
    await zstdInit();
    const notes = Array.from({ length: 2500 }, (_, i) => [1700000000000 + i, `g${i}`, 1700000000001, 1700000000, 0, '', `w${i}\x1fm${i}`, `w${i}`, 0, 0, '']);
    const cards = notes.map((n) => [n[0], n[0], 1, 0, 1700000000, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '{}']);
    const apkg = await buildModernPackage(await sqlJs(), {
      crt: 1699990000,
      config: { schedVer: 2 },
      notetypes: [{ id: 1700000000001, name: 'Pairs', mtime: 1, fields: [{ name: 'A' }, { name: 'B' }], templates: [{ name: 'C', qfmt: '{{A}}', afmt: '{{B}}' }] }],
      decks: [{ id: 1, name: 'Default' }],
      deckConfigs: [],
      notes,
      cards,
    });
    const col = await newCollection();
    let pauses = 0;
    await importPackage(col, new MemoryMedia(), apkg, { pause: async () => void pauses++ });
    expect(col.db.scalar('select count() from notes')).toBe(2500);
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('runs one import at a time', async () => {
    const col = await newCollection();
    const [a, b] = await Promise.all([importBytes(col, fixture('update1.apkg')), importBytes(col, fixture('update1.apkg'))]);
    expect(a.notes.added + b.notes.added).toBe(1);
    expect(noteRows(col)).toHaveLength(1);
  });
});
