/**
 * Importing the packages Anki itself wrote (its test data, read from
 * ../shared/fixtures): the merge rules Anki's own tests check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import { notetypeById } from '../../../../extension/collection/notetypes/lookup.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { cardRows, fixture, FIXTURES, importBytes, noteRows } from './helpers.ts';

describe('media.apkg', () => {
  it('imports the note and copies foo.wav', async () => {
    const col = await newCollection();
    const media = new MemoryMedia();
    const summary = await importBytes(col, fixture('media.apkg'), media);
    expect(summary.notes).toMatchObject({ found: 1, added: 1, updated: 0 });
    expect(summary.media.added).toEqual(['foo.wav']);
    expect(await media.list()).toEqual(['foo.wav']);
    expect(noteRows(col)[0]!.flds).toBe('[sound:foo.wav]\x1f');
    expect(cardRows(col)).toHaveLength(1);
  });

  it('gives a clashing file a new name and points the note at it', async () => {
    const col = await newCollection();
    const media = new MemoryMedia();
    await media.write('foo.wav', new TextEncoder().encode('other content'));
    const summary = await importBytes(col, fixture('media.apkg'), media);
    const [[from, to]] = summary.media.renamed as [[string, string]];
    expect(from).toBe('foo.wav');
    expect(to).toMatch(/^foo-[0-9a-f]{40}\.wav$/);
    expect(new TextDecoder().decode((await media.read('foo.wav'))!)).toBe('other content');
    expect(await media.read(to)).not.toBeNull();
    expect(noteRows(col)[0]!.flds).toBe(`[sound:${to}]\x1f`);
  });

  it('does not copy a file already there with the same content, nor the note twice', async () => {
    const col = await newCollection();
    const media = new MemoryMedia();
    await importBytes(col, fixture('media.apkg'), media);
    const again = await importBytes(col, fixture('media.apkg'), media);
    expect(again.notes).toMatchObject({ added: 0, duplicate: 1 });
    expect(again.media.added).toEqual([]);
    expect(await media.list()).toEqual(['foo.wav']);
    expect(noteRows(col)).toHaveLength(1);
  });
});

describe('update1.apkg then update2.apkg', () => {
  it('updates the note instead of adding a second one', async () => {
    const col = await newCollection();
    await importBytes(col, fixture('update1.apkg'));
    expect(noteRows(col).map((n) => n.flds)).toEqual(['hello\x1fworld']);
    const summary = await importBytes(col, fixture('update2.apkg'));
    expect(summary.notes).toMatchObject({ found: 1, added: 0, updated: 1 });
    const notes = noteRows(col);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: 1375933494578, guid: 'cU1%zNUzk1', flds: 'goodbye\x1fworld', mod: 1375933856 });
    expect(cardRows(col)).toHaveLength(1);
  });

  it('leaves a newer note alone when the older package comes second', async () => {
    const col = await newCollection();
    await importBytes(col, fixture('update2.apkg'));
    const summary = await importBytes(col, fixture('update1.apkg'));
    expect(summary.notes).toMatchObject({ updated: 0, duplicate: 1 });
    expect(noteRows(col).map((n) => n.flds)).toEqual(['goodbye\x1fworld']);
  });
});

describe('diffmodels2-1.apkg then diffmodels2-2.apkg', () => {
  it('keeps both shapes of the note type valid', async () => {
    const col = await newCollection();
    await importBytes(col, fixture('diffmodels2-1.apkg'));
    const first = notetypeById(col, 1351338947208)!;
    expect(first.tmpls).toHaveLength(1);
    const summary = await importBytes(col, fixture('diffmodels2-2.apkg'));
    expect(summary.notetypes.added).toHaveLength(1);
    expect(summary.notes).toMatchObject({ added: 0, updated: 0, conflicting: 1 });
    expect(notetypeById(col, 1351338947208)!.tmpls).toHaveLength(1);
    const copy = Object.values(col.col.get('models')).find((m) => m.originalId !== undefined && String(m.originalId) === '1351338947208' && m.tmpls.length === 2);
    expect(copy).toBeDefined();
    // Every note still matches its note type: one field per field, one card per template at most.
    for (const n of noteRows(col)) {
      const nt = notetypeById(col, n.mid)!;
      expect(n.flds.split('\x1f')).toHaveLength(nt.flds.length);
    }
    for (const c of cardRows(col)) {
      const note = noteRows(col).find((n) => n.id === c['nid'])!;
      expect(c['ord'] as number).toBeLessThan(notetypeById(col, note.mid)!.tmpls.length);
    }
    expect(noteRows(col)).toHaveLength(1);
  });

  it('reuses the separate note type on a second import of the same shape', async () => {
    const col = await newCollection();
    await importBytes(col, fixture('diffmodels2-1.apkg'));
    await importBytes(col, fixture('diffmodels2-2.apkg'));
    const count = Object.keys(col.col.get('models')).length;
    const again = await importBytes(col, fixture('diffmodels2-2.apkg'));
    expect(again.notetypes.added).toEqual([]);
    expect(Object.keys(col.col.get('models'))).toHaveLength(count);
  });
});

describe('diffmodeltemplates-1.apkg then -2', () => {
  it('keeps media names with leading underscores and updates the templates', async () => {
    const col = await newCollection();
    const media = new MemoryMedia();
    const one = await importBytes(col, fixture('diffmodeltemplates-1.apkg'), media);
    expect(one.media.added.sort()).toEqual(['_IncrementalReadingExtension.dat', '_ViewSizeAdjustAddon.dat']);
    expect((await media.list()).sort()).toEqual(['_IncrementalReadingExtension.dat', '_ViewSizeAdjustAddon.dat']);
    expect(col.db.scalar("select count() from cards where did = (select did from cards limit 1)")).toBe(1);
    const two = await importBytes(col, fixture('diffmodeltemplates-2.apkg'), media);
    expect(two.notetypes.updated).toHaveLength(1);
    expect(notetypeById(col, 1403973847422)!.tmpls[0]!.qfmt).toBe('Changed Front Template\n{{Front}}');
    expect(two.media.added).toEqual([]);
    expect(noteRows(col)).toHaveLength(1);
    const decks = Object.values(col.col.get('decks')).map((d) => d.name).sort();
    expect(decks).toEqual(['Default', 'testdeck']);
  });
});

describe('mediacheck.anki2 as a legacy package', () => {
  it('imports a v1-scheduler collection, upgrading its learning cards, and normalises media names in fields', async () => {
    const apkg = zipSync({ 'collection.anki2': new Uint8Array(readFileSync(join(FIXTURES, 'mediacheck.anki2'))), media: strToU8('{}') });
    const col = await newCollection();
    const summary = await importBytes(col, apkg);
    expect(summary.notes).toMatchObject({ found: 3, added: 3 });
    expect(summary.cards).toBe(3);
    expect(summary.revlog).toBe(2);
    const flds = noteRows(col).map((n) => n.flds);
    expect(flds[0]).toBe('[sound:foo.jpg]\x1f<img src="normal.jpg">');
    expect(flds[2]).toBe("in wrong encoding\x1f<img src='ぱぱ.jpg'>".normalize('NFC'));
    expect(flds[2]!.normalize('NFC')).toBe(flds[2]);
    // Learning cards keep their queue and their due time (epoch seconds are not day numbers).
    expect(col.db.column('select due from cards where queue = 1 order by id')).toEqual([1581236553, 1581236554]);
    // The v1 review log keeps its buttons (only buttons 2 and 3 move up when upgrading).
    expect(col.db.column('select ease from revlog order by id')).toEqual([1, 1]);
  });
});
