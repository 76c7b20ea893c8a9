import { beforeEach, describe, expect, test } from 'vitest';
import { addCardsForNote, generateMissingCards } from '../../../../extension/collection/cards/add.ts';
import { randomPosition } from '../../../../extension/collection/cards/random-position.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newDeckJson } from '../../../../extension/collection/decks/defaults.ts';
import { notetypeByName, saveNotetype } from '../../../../extension/collection/notetypes/lookup.ts';
import { newTemplate } from '../../../../extension/collection/notetypes/stock.ts';
import type { NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import type { CardRow } from '../../../../extension/collection/schema/rows.ts';


let col: Collection;
let nextNoteId = 1_700_000_000_000;

beforeEach(async () => {
  col = await newCollection();
});

function nt(name: string): NotetypeJson {
  const found = notetypeByName(col, name);
  if (!found) throw new Error(name);
  return found;
}

/** A note row only (no cards), as the note writer would insert it. */
function insertNote(type: NotetypeJson, fields: string[], tags = ''): number {
  const id = nextNoteId++;
  col.transact(() =>
    col.db.run('insert into notes values (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, ?)', [
      id,
      `guid${id}`,
      Number(type.id),
      tags,
      fields.join('\x1f'),
      fields[0] ?? '',
      '',
    ]),
  );
  return id;
}

function setFields(nid: number, fields: string[]): void {
  col.transact(() => col.db.run('update notes set flds = ? where id = ?', [fields.join('\x1f'), nid]));
}

function cards(nid?: number): CardRow[] {
  return nid === undefined
    ? col.db.query<CardRow>('select * from cards order by nid, ord')
    : col.db.query<CardRow>('select * from cards where nid = ? order by ord', [nid]);
}

function nextPos(): unknown {
  return col.col.get('conf')['nextPos'];
}

function addDeck(name: string): number {
  return getOrCreateDeck(col, name);
}

function addFilteredDeck(name: string): number {
  const id = 555;
  col.transact(() => {
    const decks = col.col.get('decks');
    decks[String(id)] = { ...newDeckJson(id, name, 0, -1), dyn: 1 };
    delete decks[String(id)]!.conf;
    col.col.save('decks', decks, col.nowMs());
  });
  return id;
}

function addNoteWithCards(type: NotetypeJson, fields: string[], ords: number[], deckId = 1): number {
  const nid = insertNote(type, fields);
  col.transact(() => addCardsForNote(col, nid, type, ords, deckId));
  return nid;
}

describe('addCardsForNote', () => {
  test('new cards as Anki writes them, sharing one position', () => {
    const type = nt('Basic (and reversed card)');
    const nid = insertNote(type, ['f', 'b']);
    const ids = col.transact(() => addCardsForNote(col, nid, type, [0, 1], 1)).result;
    expect(ids).toEqual([TEST_NOW, TEST_NOW + 1]);
    const base = {
      nid,
      did: 1,
      mod: Math.floor(TEST_NOW / 1000),
      usn: -1,
      type: 0,
      queue: 0,
      due: 1,
      ivl: 0,
      factor: 0,
      reps: 0,
      lapses: 0,
      left: 0,
      odue: 0,
      odid: 0,
      flags: 0,
      data: '{}',
    };
    expect(cards(nid)).toEqual([
      { ...base, id: TEST_NOW, ord: 0 },
      { ...base, id: TEST_NOW + 1, ord: 1 },
    ]);
    expect(nextPos()).toBe(2);
  });

  test('each note takes the next position', () => {
    const type = nt('Basic');
    const a = addNoteWithCards(type, ['a', ''], [0]);
    const b = addNoteWithCards(type, ['b', ''], [0]);
    expect(cards(a)[0]!.due).toBe(1);
    expect(cards(b)[0]!.due).toBe(2);
    expect(nextPos()).toBe(3);
    expect(cards(b)[0]!.id).toBe(TEST_NOW + 1);
  });

  test('no ordinals: no cards, no position taken', () => {
    const type = nt('Basic');
    const nid = insertNote(type, ['', '']);
    expect(col.transact(() => addCardsForNote(col, nid, type, [], 1)).result).toEqual([]);
    expect(cards(nid)).toEqual([]);
    expect(nextPos()).toBe(1);
  });

  test('a missing nextPos counts as 0', () => {
    col.transact(() => {
      const conf = col.col.get('conf');
      delete conf['nextPos'];
      col.col.save('conf', conf, col.nowMs());
    });
    addNoteWithCards(nt('Basic'), ['a', ''], [0]);
    expect(cards()[0]!.due).toBe(0);
    expect(nextPos()).toBe(1);
  });

  test('cards go to the given deck', () => {
    const other = addDeck('Other');
    const nid = addNoteWithCards(nt('Basic'), ['a', ''], [0], other);
    expect(cards(nid)[0]!.did).toBe(other);
  });

  test("a template's deck override wins when the deck exists", () => {
    const type = nt('Basic (and reversed card)');
    const target = addDeck('Target');
    const reverse = addDeck('Reverse');
    type.tmpls[1]!.did = reverse;
    const nid = addNoteWithCards(type, ['f', 'b'], [0, 1], target);
    expect(cards(nid).map((c) => c.did)).toEqual([target, reverse]);
  });

  test('an override naming a deleted deck sends the card to Default, as Anki does', () => {
    const type = nt('Basic (and reversed card)');
    const target = addDeck('Target');
    type.tmpls[1]!.did = 424242;
    const nid = addNoteWithCards(type, ['f', 'b'], [0, 1], target);
    expect(cards(nid).map((c) => c.did)).toEqual([target, 1]);
  });

  test('cloze note types ignore template deck overrides', () => {
    const type = nt('Cloze');
    const target = addDeck('Target');
    type.tmpls[0]!.did = addDeck('Elsewhere');
    const nid = addNoteWithCards(type, ['{{c1::a}} {{c2::b}}', ''], [0, 1], target);
    expect(cards(nid).map((c) => [c.ord, c.did, c.due])).toEqual([
      [0, target, 1],
      [1, target, 1],
    ]);
  });

  test('a filtered or missing target deck gives the Default deck', () => {
    const filtered = addFilteredDeck('Filtered');
    const a = addNoteWithCards(nt('Basic'), ['a', ''], [0], filtered);
    const b = addNoteWithCards(nt('Basic'), ['b', ''], [0], 987654);
    expect(cards(a)[0]!.did).toBe(1);
    expect(cards(b)[0]!.did).toBe(1);
  });

  test("a preset with random new-card order gives Anki's random position", () => {
    col.transact(() => {
      const dconf = col.col.get('dconf');
      dconf['1']!.new.order = 0;
      col.col.save('dconf', dconf, col.nowMs());
    });
    const nid = addNoteWithCards(nt('Basic (and reversed card)'), ['f', 'b'], [0, 1]);
    expect(cards(nid).map((c) => c.due)).toEqual([randomPosition(1), randomPosition(1)]);
    expect(nextPos()).toBe(2);
  });

  test('ids move past ids already taken', () => {
    const type = nt('Basic');
    const first = addNoteWithCards(type, ['a', ''], [0]);
    col.transact(() => col.db.run('update cards set id = ? where nid = ?', [TEST_NOW + 50, first]));
    const nid = insertNote(type, ['b', '']);
    const ids = col.transact(() => addCardsForNote(col, nid, type, [0], 1)).result;
    expect(ids).toEqual([TEST_NOW + 51]);
  });

  test('works on its own (one transaction) and records its writes', () => {
    const type = nt('Basic');
    const nid = insertNote(type, ['a', '']);
    const recorded: string[] = [];
    col.onCommit = (statements) => recorded.push(...statements.map((s) => s.sql));
    expect(addCardsForNote(col, nid, type, [0], 1)).toEqual([TEST_NOW]);
    expect(recorded.some((sql) => sql.startsWith('insert into cards'))).toBe(true);
    expect(recorded.some((sql) => sql.startsWith('update col set conf'))).toBe(true);
  });

  test('a failure later in the transaction leaves no card and no position change', () => {
    const type = nt('Basic');
    const nid = insertNote(type, ['a', '']);
    expect(() =>
      col.transact(() => {
        addCardsForNote(col, nid, type, [0], 1);
        throw new Error('later step failed');
      }),
    ).toThrow('later step failed');
    expect(cards(nid)).toEqual([]);
    expect(nextPos()).toBe(1);
  });
});

describe('generateMissingCards', () => {
  function addTemplate(type: NotetypeJson, qfmt: string): void {
    type.tmpls.push(newTemplate(`Card ${type.tmpls.length + 1}`, type.tmpls.length, qfmt, '{{FrontSide}}'));
    col.transact(() => saveNotetype(col, type));
  }

  test('after a template is added, notes get the new card beside their siblings', () => {
    const type = nt('Basic');
    const other = addDeck('Other');
    const withBack = addNoteWithCards(type, ['f', 'b'], [0], other);
    const withoutBack = addNoteWithCards(type, ['g', ''], [0], other);
    addTemplate(type, '{{Back}}');
    expect(generateMissingCards(col, type)).toBe(1);
    expect(cards(withBack).map((c) => [c.ord, c.did, c.due])).toEqual([
      [0, other, 1],
      [1, other, 1],
    ]);
    expect(cards(withoutBack)).toHaveLength(1);
    // the sibling's position was reused, none taken
    expect(nextPos()).toBe(3);
    expect(generateMissingCards(col, type)).toBe(0);
  });

  test('col.mod is bumped even when no position is taken', () => {
    const type = nt('Basic');
    addNoteWithCards(type, ['f', 'b'], [0]);
    addTemplate(type, '{{Back}}');
    const recorded: string[] = [];
    col.onCommit = (statements) => recorded.push(...statements.map((s) => s.sql));
    expect(generateMissingCards(col, type)).toBe(1);
    expect(recorded.filter((sql) => sql.startsWith('update col'))).toEqual(['update col set mod = ?']);
  });

  test('when no sibling is new, a new position is taken', () => {
    const type = nt('Basic');
    const nid = addNoteWithCards(type, ['f', 'b'], [0]);
    col.transact(() => col.db.run('update cards set type = 2, queue = 2, due = 100, ivl = 5 where nid = ?', [nid]));
    addTemplate(type, '{{Back}}');
    expect(generateMissingCards(col, type)).toBe(1);
    expect(cards(nid)[1]!.due).toBe(2);
    expect(nextPos()).toBe(3);
  });

  test('a new sibling in a filtered deck lends its original position and deck', () => {
    const type = nt('Basic');
    const home = addDeck('Home');
    const nid = addNoteWithCards(type, ['f', 'b'], [0], home);
    const filtered = addFilteredDeck('Filtered');
    col.transact(() => col.db.run('update cards set did = ?, odid = ?, odue = due, due = -100000 where nid = ?', [filtered, home, nid]));
    addTemplate(type, '{{Back}}');
    generateMissingCards(col, type);
    expect(cards(nid)[1]).toMatchObject({ did: home, due: 1 });
  });

  test('siblings in different decks: Default for a template change', () => {
    const type = nt('Basic (and reversed card)');
    const nid = addNoteWithCards(type, ['f', 'b'], [0, 1], addDeck('First'));
    col.transact(() => col.db.run('update cards set did = ? where nid = ? and ord = 1', [addDeck('Other'), nid]));
    addTemplate(type, '{{Front}}{{Back}}');
    generateMissingCards(col, type);
    expect(cards(nid)[2]!.did).toBe(1);
  });

  test("siblings in different decks: the note type's last deck for edited notes", () => {
    const type = nt('Basic (optional reversed card)');
    const nid = addNoteWithCards(type, ['f', 'b', ''], [0]);
    const last = addDeck('Last');
    col.transact(() => {
      const conf = col.col.get('conf');
      conf[`_nt_${String(type.id)}_lastDeck`] = last;
      col.col.save('conf', conf, col.nowMs());
    });
    // a second card in another deck, so the note's cards share no deck
    col.transact(() =>
      col.db.run("insert into cards values (?, ?, ?, 5, 0, -1, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, '{}')", [1, nid, addDeck('Elsewhere')]),
    );
    setFields(nid, ['f', 'b', 'y']);
    expect(generateMissingCards(col, type, [nid])).toBe(1);
    expect(cards(nid).find((c) => c.ord === 1)).toMatchObject({ did: last });
  });

  test('edited notes: only the listed notes of this type', () => {
    const type = nt('Basic (optional reversed card)');
    const a = addNoteWithCards(type, ['a', 'b', ''], [0]);
    const b = addNoteWithCards(type, ['c', 'd', ''], [0]);
    const basic = addNoteWithCards(nt('Basic'), ['x', ''], [0]);
    setFields(a, ['a', 'b', 'y']);
    setFields(b, ['c', 'd', 'y']);
    expect(generateMissingCards(col, type, [a, basic, a])).toBe(1);
    expect(cards(a).map((c) => c.ord)).toEqual([0, 1]);
    expect(cards(b).map((c) => c.ord)).toEqual([0]);
    expect(cards(basic).map((c) => c.ord)).toEqual([0]);
  });

  test('a cloze note gains the card for a new cloze number', () => {
    const type = nt('Cloze');
    const deck = addDeck('Cloze deck');
    const nid = addNoteWithCards(type, ['{{c1::a}}', ''], [0], deck);
    setFields(nid, ['{{c1::a}} {{c3::b}}', '{{c2::c}}']);
    expect(generateMissingCards(col, type, [nid])).toBe(2);
    expect(cards(nid).map((c) => [c.ord, c.did, c.due])).toEqual([
      [0, deck, 1],
      [1, deck, 1],
      [2, deck, 1],
    ]);
  });

  test('cards are never removed, and a template override applies', () => {
    const type = nt('Basic');
    const nid = addNoteWithCards(type, ['f', 'b'], [0]);
    setFields(nid, ['', 'b']);
    const special = addDeck('Special');
    addTemplate(type, '{{Back}}');
    type.tmpls[1]!.did = special;
    col.transact(() => saveNotetype(col, type));
    expect(generateMissingCards(col, type)).toBe(1);
    expect(cards(nid).map((c) => [c.ord, c.did])).toEqual([
      [0, 1],
      [1, special],
    ]);
  });

  test('a listed note with no cards gets card 0 even when nothing renders', () => {
    const type = nt('Basic');
    const nid = insertNote(type, ['', 'b']);
    expect(generateMissingCards(col, type, [nid])).toBe(1);
    expect(cards(nid).map((c) => [c.ord, c.did, c.due])).toEqual([[0, 1, 1]]);
  });

  test('tags make {{Tags}} templates render', () => {
    const type = nt('Basic');
    const nid = addNoteWithCards(type, ['f', ''], [0]);
    addTemplate(type, '{{#Tags}}{{Front}}{{/Tags}}');
    expect(generateMissingCards(col, type)).toBe(0);
    col.transact(() => col.db.run("update notes set tags = ' t ' where id = ?", [nid]));
    expect(generateMissingCards(col, type)).toBe(1);
  });

  test('nothing to do writes nothing', () => {
    const type = nt('Basic');
    addNoteWithCards(type, ['f', ''], [0]);
    const recorded: unknown[] = [];
    col.onCommit = (s) => recorded.push(...s);
    expect(generateMissingCards(col, type)).toBe(0);
    expect(generateMissingCards(col, type, [])).toBe(0);
    expect(recorded).toEqual([]);
  });
});
