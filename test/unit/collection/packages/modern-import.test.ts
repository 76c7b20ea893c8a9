/**
 * Importing modern packages (meta 08 03, zstd schema-18 collection, protobuf
 * configs, zstd protobuf media list, zstd media files), built here as Anki
 * builds them; one of them with the `unicase` collation sql.js lacks.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../../../extension/collection/json.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import { notetypeById } from '../../../../extension/collection/notetypes/lookup.ts';
import { newCollection, sqlJs, TEST_NOW } from '../../../helpers/builders.ts';
import { importBytes, noteRows } from './helpers.ts';
import { buildModernPackage, type ModernPackageInput } from './modern-builder.ts';

const NT = 1700000000001;
const DECK = 1700000000100;
const CHILD = 1700000000101;
const PRESET = 1700000000200;
const CRT = Math.floor(TEST_NOW / 1000) - 10 * 86_400;
const bytes = (s: string) => new TextEncoder().encode(s);

function input(overrides: Partial<ModernPackageInput> = {}): ModernPackageInput {
  const nid = 1700000001000;
  return {
    crt: CRT,
    config: { schedVer: 2, creationOffset: 0, curModel: NT, nextPos: 3, sched2021: true },
    notetypes: [
      {
        id: NT,
        name: 'Vocab',
        mtime: 1700000000,
        sortf: 1,
        css: '.card { color: teal }',
        other: { vers: [], someAddon: { x: 1 } },
        fields: [
          { name: 'Word', id: 9007199254740993n, description: 'the word' },
          { name: 'Meaning', id: -4611686018427387904n, sticky: true, tag: 2, other: { media: [] } },
        ],
        templates: [{ name: 'Recognition', qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}', id: 123456789012345678n }],
        reqs: [[0, 1, [0]]],
      },
    ],
    decks: [
      { id: 1, name: 'Default', collapsed: true },
      { id: DECK, name: 'Words', mtime: 1700000000, lastDay: 9, newStudied: 4, normal: { configId: PRESET, description: 'my words', reviewLimit: 150, newLimitToday: [30, 10], desiredRetention: 0.9 } },
      { id: CHILD, name: 'Words::Verbs', normal: { configId: PRESET } },
    ],
    deckConfigs: [
      { id: 1, name: 'Default', learnSteps: [1, 10], newPerDay: 20, initialEase: 2.5, easyMultiplier: 1.3, leechAction: 1, desiredRetention: 0.9 },
      { id: PRESET, name: 'Fast', learnSteps: [0.5, 3.3], newPerDay: 50, initialEase: 2.3, easyMultiplier: 1.45, leechAction: 0, desiredRetention: 0.85, fsrsParams6: [0.212, 1.2931], other: { new: { separate: true }, addonKey: 'kept' } },
    ],
    tags: ['Verb', 'food::fruit'],
    notes: [
      [nid, 'guid-one', NT, 1700000500, 0, ' Verb ', '<img src="tea.png">\x1ftea [sound:cha.mp3]', 'tea', 0, 0, ''],
      [nid + 1, 'guid-two', NT, 1700000600, 0, ' food::fruit ', 'apple\x1fringo', 'ringo', 0, 0, ''],
    ],
    cards: [
      [nid, nid, CHILD, 0, 1700000500, 0, 2, 2, 12, 30, 2500, 5, 0, 0, 0, 0, 1, '{"s":10.5,"d":5.2}'],
      [nid + 1, nid + 1, DECK, 0, 1700000600, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, '{}'],
    ],
    revlog: [[1700000550000, nid, 0, 3, 30, 10, 2500, 6000, 1]],
    media: [
      { name: 'tea.png', bytes: bytes('png!') },
      { name: 'cha.mp3', bytes: bytes('mp3!') },
    ],
    ...overrides,
  };
}

describe('a modern package', () => {
  it('imports notes, cards with their scheduling, the review log and zstd media', async () => {
    const apkg = await buildModernPackage(await sqlJs(), input());
    const col = await newCollection();
    const media = new MemoryMedia();
    const summary = await importBytes(col, apkg, media);
    expect(summary.notes).toMatchObject({ found: 2, added: 2 });
    expect(summary.cards).toBe(2);
    expect(summary.revlog).toBe(1);
    expect(new TextDecoder().decode((await media.read('tea.png'))!)).toBe('png!');
    expect(new TextDecoder().decode((await media.read('cha.mp3'))!)).toBe('mp3!');
    const notes = noteRows(col);
    expect(notes.map((n) => n.flds)).toEqual(['<img src="tea.png">\x1ftea [sound:cha.mp3]', 'apple\x1fringo']);
    expect(notes.map((n) => n.tags)).toEqual([' Verb ', ' food::fruit ']);
    // The package's day 10 is the collection's day 0: review due days move with it.
    const review = col.db.get<{ due: number; ivl: number; factor: number; data: string }>('select due, ivl, factor, data from cards where type = 2')!;
    expect(review).toEqual({ due: 12 - 10, ivl: 30, factor: 2500, data: '{"s":10.5,"d":5.2}' });
    expect(col.db.scalar('select sfld from notes where guid = ?', ['guid-two'])).toBe('ringo');
  });

  it('converts note types, decks and presets to the JSON Anki writes', async () => {
    const apkg = await buildModernPackage(await sqlJs(), input());
    const col = await newCollection();
    await importBytes(col, apkg);
    const nt = notetypeById(col, NT)!;
    expect(toJson(nt)).toBe(
      toJson({
        id: NT, name: 'Vocab', type: 0, mod: 1700000000, usn: -1, sortf: 1, did: null,
        tmpls: [{ name: 'Recognition', ord: 0, qfmt: '{{Word}}', afmt: '{{FrontSide}}<hr id=answer>{{Meaning}}', bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0, id: 123456789012345678n }],
        flds: [
          { name: 'Word', ord: 0, sticky: false, rtl: false, font: 'Arial', size: 20, description: 'the word', plainText: false, collapsed: false, excludeFromSearch: false, id: 9007199254740993n, tag: null, preventDeletion: false },
          { name: 'Meaning', ord: 1, sticky: true, rtl: false, font: 'Arial', size: 20, description: '', plainText: false, collapsed: false, excludeFromSearch: false, id: -4611686018427387904n, tag: 2, preventDeletion: false, media: [] },
        ],
        css: '.card { color: teal }', latexPre: '\\begin{document}', latexPost: '\\end{document}', latexsvg: false,
        req: [[0, 'any', [0]]], vers: [], someAddon: { x: 1 }, originalId: NT,
      }),
    );
    const decks = Object.values(col.col.get('decks'));
    const words = decks.find((d) => d.name === 'Words')!;
    expect(words).toMatchObject({ desc: 'my words', conf: PRESET, reviewLimit: 150, newLimit: null, desiredRetention: 90, newToday: [9, 4], dyn: 0 });
    // Today's limit was set on the package's day 10, which is the collection's day 0.
    expect(words['newLimitToday']).toEqual({ limit: 30, today: 0 });
    expect(decks.find((d) => d.name === 'Words::Verbs')).toBeDefined();
    const preset = col.col.get('dconf')[String(PRESET)]!;
    expect(preset).toMatchObject({
      name: 'Fast', usn: -1, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false, desiredRetention: 0.85,
      new: { delays: [0.5, 3.3], initialFactor: 2300, ints: [1, 4, 0], order: 1, perDay: 50, separate: true },
      rev: { ease4: 1.45, hardFactor: 1.2, ivlFct: 1, maxIvl: 36500, perDay: 200 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1 },
      fsrsParams6: [0.212, 1.2931], addonKey: 'kept', waitForAudio: true,
    });
    expect(Object.keys(col.col.get('tags')).sort()).toEqual(['Verb', 'food::fruit']);
  });

  it('reads a collection whose tables use the unicase collation', async () => {
    const SQL = await sqlJs();
    const apkg = await buildModernPackage(SQL, input({ withUnicase: true }));
    const raw = new SQL.Database(decompress(unzipSync(apkg)['collection.anki21b']!));
    expect(() => raw.exec('select tag from tags')).toThrow(/no query solution|unicase/);
    raw.close();
    const col = await newCollection();
    const summary = await importBytes(col, apkg);
    expect(summary.notes.added).toBe(2);
    expect(notetypeById(col, NT)!.flds.map((f) => f.name)).toEqual(['Word', 'Meaning']);
  });

  it('updates a note from a later modern export, keeping one copy', async () => {
    const col = await newCollection();
    await importBytes(col, await buildModernPackage(await sqlJs(), input()));
    const later = input();
    later.notes[1] = [1700000001001, 'guid-two', NT, 1700000900, 0, '', 'apple\x1fapfel', 'apfel', 0, 0, ''];
    const summary = await importBytes(col, await buildModernPackage(await sqlJs(), later));
    expect(summary.notes).toMatchObject({ updated: 1, duplicate: 1, added: 0 });
    expect(noteRows(col).map((n) => n.flds)).toEqual(['<img src="tea.png">\x1ftea [sound:cha.mp3]', 'apple\x1fapfel']);
    expect(col.db.scalar('select count() from cards')).toBe(2);
  });
});
