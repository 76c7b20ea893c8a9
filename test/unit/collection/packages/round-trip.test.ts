/**
 * A deck exported with its media and scheduling and imported into an empty
 * collection comes back the same: every note, card, review and file. The
 * exported files open in Python's sqlite3 and pass its integrity check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import { addNote } from '../../../../extension/collection/notes/add.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { exportDeckPackage } from '../../../../extension/collection/packages/export.ts';
import { zipMemberNames } from '../../../../extension/collection/packages/zip.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { importBytes, noPause } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'acb-apkg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytesOf = (s: string) => new TextEncoder().encode(s);

interface Source {
  col: Collection;
  media: MemoryMedia;
  nids: number[];
}

/** A deck with two subdecks' worth of notes, media, review cards and a review log. */
async function sourceCollection(): Promise<Source> {
  const col = await newCollection();
  const media = new MemoryMedia();
  await media.write('cat.jpg', bytesOf('jpeg bytes'));
  await media.write('meow.mp3', bytesOf('mp3 bytes'));
  await media.write('_style.css', bytesOf('.card { color: red }'));
  await media.write('unused.png', bytesOf('not exported'));
  const basic = notetypeByName(col, 'Basic')!;
  const reversed = notetypeByName(col, 'Basic (and reversed card)')!;
  const parent = getOrCreateDeck(col, 'Lang');
  const child = getOrCreateDeck(col, 'Lang::Japanese');
  getOrCreateDeck(col, 'Other');
  const nids = [
    addNote(col, { nt: basic, deckId: parent, fields: ['<img src="cat.jpg">', 'neko'], tags: ['animal', 'marked'] }),
    addNote(col, { nt: reversed, deckId: child, fields: ['犬', 'dog [sound:meow.mp3]'], tags: ['leech'] }),
    addNote(col, { nt: basic, deckId: child, fields: ['plain', 'text'], tags: [] }),
  ];
  col.transact(() => {
    const models = col.col.get('models');
    models[String(basic.id)]!.css += '\n@import url("_style.css");';
    col.col.save('models', models, col.nowMs());
    const [c1, c2] = col.db.column<number>('select id from cards where nid = ? order by ord', [nids[1]!]);
    col.db.run('update cards set type = 2, queue = 2, due = 5, ivl = 12, factor = 2350, reps = 7, lapses = 1, flags = 3, data = ? where id = ?', ['{"pos":4,"s":3.2,"d":5.1,"lrt":1773000000}', c1!]);
    col.db.run('update cards set type = 1, queue = 1, due = ?, left = 2, reps = 1 where id = ?', [Math.floor(TEST_NOW / 1000) + 600, c2!]);
    for (const [i, cid] of [c1!, c1!, c2!].entries()) {
      col.db.run('insert into revlog values (?, ?, -1, ?, ?, ?, 2350, 8000, ?)', [TEST_NOW - 86_400_000 * (3 - i), cid, 3, 12, 4, i === 2 ? 0 : 1]);
    }
  });
  return { col, media, nids };
}

function rows(col: Collection, sql: string): Record<string, unknown>[] {
  return col.db.query(sql);
}

const NOTE_SQL = 'select id, guid, mod, tags, flds, sfld, csum, flags, data from notes order by id';
const CARD_SQL = 'select id, nid, ord, mod, type, queue, due, ivl, factor, reps, lapses, left, odue, flags, data from cards order by id';
const REVLOG_SQL = 'select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id';

function deckNameOfCards(col: Collection): string[] {
  const decks = col.col.get('decks');
  return col.db.column<number>('select did from cards order by id').map((did) => decks[String(did)]!.name);
}

function pythonCheck(bytes: Uint8Array, name: string): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  const script = 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint(c.execute("pragma integrity_check").fetchone()[0], c.execute("select ver from col").fetchone()[0], c.execute("select count() from notes").fetchone()[0])';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim();
}

/** Python's zipfile on the package: testzip() (None when every member is sound) and each member's compression. */
function pythonZipListing(bytes: Uint8Array): string {
  const path = join(tmp, 'p.apkg');
  writeFileSync(path, bytes);
  const script = 'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), " ".join(f"{i.filename}:{i.compress_type}" for i in z.infolist()))';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim();
}

describe('export with scheduling, then import into an empty collection', () => {
  it('brings back every note, card, review and media file', async () => {
    const src = await sourceCollection();
    const apkg = (await exportDeckPackage(src.col, src.media, 'lang', true, { pause: noPause }))!;
    const files = unzipSync(apkg);
    expect(zipMemberNames(apkg)).toEqual(['collection.anki2', 'collection.anki21', '0', '1', '2', 'media']);
    expect(JSON.parse(new TextDecoder().decode(files['media']))).toEqual({ '0': 'cat.jpg', '1': 'meow.mp3', '2': '_style.css' });
    expect(pythonCheck(files['collection.anki21']!, 'c.anki21')).toBe('ok 11 3');
    expect(pythonCheck(files['collection.anki2']!, 'c.anki2')).toBe('ok 11 1');
    expect(pythonZipListing(apkg)).toBe('None collection.anki2:8 collection.anki21:8 0:0 1:0 2:0 media:8');

    // Created later the same day: other stock note type ids, the same day numbers.
    const target = await newCollection(fixedClock(TEST_NOW + 600_000));
    const media = new MemoryMedia();
    const summary = await importBytes(target, apkg, media);
    expect(summary.notes).toMatchObject({ found: 3, added: 3 });
    expect(rows(target, NOTE_SQL)).toEqual(rows(src.col, NOTE_SQL));
    const srcCards = rows(src.col, CARD_SQL).map((c) => ({ ...c, flags: 0 }));
    expect(rows(target, CARD_SQL)).toEqual(srcCards);
    expect(deckNameOfCards(target)).toEqual(deckNameOfCards(src.col));
    expect(rows(target, REVLOG_SQL)).toEqual(rows(src.col, REVLOG_SQL));
    expect([...media.files.keys()].sort()).toEqual(['_style.css', 'cat.jpg', 'meow.mp3']);
    for (const [name, bytes] of media.files) expect(bytes).toEqual(src.media.files.get(name));
    const noteTypes = new Set(target.db.column<number>('select distinct mid from notes'));
    expect(noteTypes).toEqual(new Set(src.col.db.column<number>('select distinct mid from notes')));
  });

  it('leaves out decks outside the exported one and its children', async () => {
    const src = await sourceCollection();
    const other = notetypeByName(src.col, 'Basic')!;
    addNote(src.col, { nt: other, deckId: getOrCreateDeck(src.col, 'Other'), fields: ['elsewhere', ''], tags: [] });
    const apkg = (await exportDeckPackage(src.col, src.media, 'Lang::Japanese', true, { pause: noPause }))!;
    const target = await newCollection(fixedClock(TEST_NOW + 600_000));
    const summary = await importBytes(target, apkg);
    expect(summary.notes.added).toBe(2);
    expect(Object.values(target.col.get('decks')).map((d) => d.name).sort()).toEqual(['Default', 'Lang', 'Lang::Japanese']);
  });
});

describe('export without scheduling', () => {
  it('resets the cards to new, drops the review log and the marked and leech tags', async () => {
    const src = await sourceCollection();
    const apkg = (await exportDeckPackage(src.col, src.media, 'Lang', false, { pause: noPause }))!;
    const target = await newCollection(fixedClock(TEST_NOW + 600_000));
    await importBytes(target, apkg);
    expect(target.db.scalar('select count() from revlog')).toBe(0);
    const cards = rows(target, 'select type, queue, ivl, factor, reps, lapses, flags, due, data from cards order by id');
    for (const c of cards) expect(c).toMatchObject({ type: 0, queue: 0, ivl: 0, factor: 0, reps: 0, lapses: 0, flags: 0 });
    // The review card had been new at position 4 (data.pos); the learning card gets the next position.
    const reviewed = cards.find((c) => c['data'] === '{"lrt":1773000000}');
    expect(reviewed?.['due']).toBe(4);
    expect(target.db.column('select tags from notes order by id')).toEqual([' animal ', '', '']);
  });

  it('puts the decks on the Default preset', async () => {
    const src = await sourceCollection();
    src.col.transact(() => {
      const dconf = src.col.col.get('dconf');
      dconf['77'] = { ...structuredClone(dconf['1']!), id: 77, name: 'Custom' };
      src.col.col.save('dconf', dconf, src.col.nowMs());
      const decks = src.col.col.get('decks');
      for (const d of Object.values(decks)) if (d.name.startsWith('Lang')) d.conf = 77;
      src.col.col.save('decks', decks, src.col.nowMs());
    });
    const withSched = unzipSync((await exportDeckPackage(src.col, src.media, 'Lang', true, { pause: noPause }))!);
    const without = unzipSync((await exportDeckPackage(src.col, src.media, 'Lang', false, { pause: noPause }))!);
    const dconfOf = (bytes: Uint8Array) => {
      const path = join(tmp, 'dconf.anki21');
      writeFileSync(path, bytes);
      return execFileSync('python3', ['-c', 'import sqlite3,sys,json\nc=sqlite3.connect(sys.argv[1])\nprint(sorted(json.loads(c.execute("select dconf from col").fetchone()[0]).keys()))', path], { encoding: 'utf8' }).trim();
    };
    expect(dconfOf(withSched['collection.anki21']!)).toBe("['1', '77']");
    expect(dconfOf(without['collection.anki21']!)).toBe("['1']");
  });
});

describe('exportDeckPackage', () => {
  it('gives null for a deck that does not exist', async () => {
    const src = await sourceCollection();
    expect(await exportDeckPackage(src.col, src.media, 'Nope', false, { pause: noPause })).toBeNull();
  });
});
