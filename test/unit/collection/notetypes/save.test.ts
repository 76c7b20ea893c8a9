/**
 * Saving edited note types: note data moves with its fields, cards follow
 * their templates, template references follow renamed fields, and the
 * schema is marked modified, as Anki's schemachange.rs does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import { fieldChecksum } from '../../../../extension/collection/notes/text.ts';
import {
  appendField,
  appendTemplate,
  draftOf,
  moveField,
  moveTemplate,
  removeField,
  removeTemplate,
  renameField,
} from '../../../../extension/collection/notetypes/draft.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { updateNotetype } from '../../../../extension/collection/notetypes/save.ts';
import type { NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardRows, graves, insertNote, noteRow } from './note-rows.ts';

const LATER = TEST_NOW + 90_000;
let col: Collection;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  clock = fixedClock(TEST_NOW);
  col = await newCollection(clock);
  clock.set(LATER);
});

const byName = (name: string) => notetypeByName(col, name)!;
const scm = () => col.db.scalar('select scm from col') as number;

function edit(name: string, change: (d: ReturnType<typeof draftOf>) => void): NotetypeJson {
  const d = draftOf(byName(name));
  change(d);
  return updateNotetype(col, d);
}

describe('field changes', () => {
  it('moves note data with a repositioned field and keeps sfld/csum on the right fields', () => {
    const nid = insertNote(col, byName('Basic (optional reversed card)'), ['<b>front</b>', 'back', 'y']);
    const nt = edit('Basic (optional reversed card)', (d) => moveField(d, 0, 2));
    expect(nt.flds.map((f) => [f.name, f.ord])).toEqual([
      ['Back', 0],
      ['Add Reverse', 1],
      ['Front', 2],
    ]);
    expect(nt.sortf).toBe(2);
    expect(noteRow(col, nid)).toEqual({
      flds: 'back\x1fy\x1f<b>front</b>',
      sfld: 'front',
      csum: fieldChecksum('back'),
      mod: LATER / 1000,
      usn: -1,
    });
    expect(scm()).toBe(LATER);
  });

  it('drops a removed field and starts an added one empty', () => {
    const nid = insertNote(col, byName('Basic'), ['f', 'b']);
    edit('Basic', (d) => {
      removeField(d, 0);
      appendField(d, 'New');
    });
    const row = noteRow(col, nid);
    expect(row.flds).toBe('b\x1f');
    expect(row.csum).toBe(fieldChecksum('b'));
    expect(row.sfld).toBe('b');
  });

  it('removing the sort field keeps the index within bounds', () => {
    const nt0 = byName('Basic (optional reversed card)');
    const nid = insertNote(col, nt0, ['f', 'b', 'r']);
    edit('Basic (optional reversed card)', (d) => (d.nt.sortf = 2));
    const nt = edit('Basic (optional reversed card)', (d) => removeField(d, 2));
    expect(nt.sortf).toBe(1);
    expect(noteRow(col, nid).sfld).toBe('b');
  });

  it('refuses to remove the last field and changes nothing', () => {
    const before = JSON.stringify(byName('Basic').flds, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    const d = draftOf(byName('Basic'));
    removeField(d, 0);
    removeField(d, 0);
    expect(() => updateNotetype(col, d)).toThrow('1 field required');
    expect(JSON.stringify(byName('Basic').flds, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(before);
  });

  it('renames references in every template, leaves notes and scm alone', () => {
    const nid = insertNote(col, byName('Basic (and reversed card)'), ['f', 'b']);
    const before = noteRow(col, nid);
    const nt = edit('Basic (and reversed card)', (d) => renameField(d, 0, 'Word'));
    expect(nt.tmpls.map((t) => [t.qfmt, t.afmt])).toEqual([
      ['{{Word}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}'],
      ['{{Back}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Word}}'],
    ]);
    expect(nt.req).toEqual([
      [0, 'any', [0]],
      [1, 'any', [1]],
    ]);
    expect(noteRow(col, nid)).toEqual(before);
    expect(scm()).toBe(TEST_NOW);
  });

  it('puts the first field on a front left without fields', () => {
    const nt = edit('Basic', (d) => removeField(d, 0));
    expect(nt.tmpls[0]!.qfmt).toBe('{{Back}}');
    expect(nt.tmpls[0]!.afmt).toBe('{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}');
  });

  it('keeps field and template ids, bumps mod and usn', () => {
    const ids = byName('Basic').flds.map((f) => String(f.id));
    const nt = edit('Basic', (d) => moveField(d, 1, 0));
    expect(nt.flds.map((f) => String(f.id))).toEqual([ids[1], ids[0]]);
    expect([nt.mod, nt.usn]).toEqual([LATER / 1000, -1]);
  });
});

describe('cloze note types', () => {
  it('a renamed cloze field is followed; a removed one is replaced by the first field as a cloze', () => {
    let nt = edit('Cloze', (d) => renameField(d, 0, 'Body'));
    expect(nt.tmpls[0]).toMatchObject({ qfmt: '{{cloze:Body}}', afmt: '{{cloze:Body}}<br>\n{{Back Extra}}' });
    nt = edit('Cloze', (d) => removeField(d, 0));
    expect(nt.tmpls[0]).toMatchObject({ qfmt: '{{cloze:Back Extra}}', afmt: '<br>\n{{Back Extra}}{{cloze:Back Extra}}' });
  });

  it('browser formats follow renames where set, and stay empty where not', () => {
    const d = draftOf(byName('Basic (and reversed card)'));
    d.templates[0]!.value.bqfmt = '{{Front}}…';
    updateNotetype(col, d);
    const nt = edit('Basic (and reversed card)', (e) => renameField(e, 0, 'Word'));
    expect(nt.tmpls.map((t) => [t.bqfmt, t.bafmt])).toEqual([
      ['{{Word}}…', ''],
      ['', ''],
    ]);
  });
});

describe('template changes', () => {
  it('generates cards for a new template where its front is not empty', () => {
    const full = insertNote(col, byName('Basic'), ['f', 'b']);
    const noBack = insertNote(col, byName('Basic'), ['f', '']);
    edit('Basic', (d) => appendTemplate(d, 'Reverse', '{{Back}}', '{{Front}}'));
    expect(cardRows(col, full).map((c) => c.ord)).toEqual([0, 1]);
    expect(cardRows(col, noBack).map((c) => c.ord)).toEqual([0]);
    expect(scm()).toBe(LATER);
  });

  it('deletes the cards of a removed template with graves and renumbers the rest', () => {
    const nid = insertNote(col, byName('Basic (and reversed card)'), ['f', 'b'], [0, 1]);
    const [first, second] = cardRows(col, nid);
    edit('Basic (and reversed card)', (d) => removeTemplate(d, 0));
    expect(cardRows(col, nid)).toEqual([{ id: second!.id, ord: 0, mod: LATER / 1000, usn: -1 }]);
    expect(graves(col)).toEqual([{ usn: -1, oid: first!.id, type: 0 }]);
    expect(byName('Basic (and reversed card)').req).toEqual([[0, 'any', [1]]]);
  });

  it('remaps card ords when templates are reordered', () => {
    const nid = insertNote(col, byName('Basic (and reversed card)'), ['f', 'b'], [0, 1]);
    const [a, b] = cardRows(col, nid);
    edit('Basic (and reversed card)', (d) => moveTemplate(d, 1, 0));
    expect(cardRows(col, nid).map((c) => [c.id, c.ord])).toEqual([
      [a!.id, 1],
      [b!.id, 0],
    ]);
  });

  it('a refused change leaves cards, notes and scm as they were', () => {
    const nid = insertNote(col, byName('Basic (and reversed card)'), ['f', 'b'], [0, 1]);
    const d = draftOf(byName('Basic (and reversed card)'));
    removeTemplate(d, 0);
    d.templates[0]!.value.afmt = '{{Nope}}';
    expect(() => updateNotetype(col, d)).toThrow('not found');
    expect(cardRows(col, nid)).toHaveLength(2);
    expect(graves(col)).toEqual([]);
    expect(scm()).toBe(TEST_NOW);
  });
});
