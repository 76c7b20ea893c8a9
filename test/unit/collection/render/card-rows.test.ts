/**
 * The rows cardsInfo and rendering read: cards with their columns as
 * numbers (`due` only within i32, else 0), notes with `mid` as exact text;
 * missing ids left out, more than 999 ids read in batches.
 */
import { describe, expect, it } from 'vitest';
import { cardsById } from '../../../../extension/collection/cards/row.ts';
import { cardInfoRow, cardRowsById, noteRowsById } from '../../../../extension/collection/render/card-rows.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { insertNoteWithCards } from '../../../helpers/rows.ts';

describe('cardRowsById', () => {
  it('reads the columns cardsInfo reports', async () => {
    const col = await newCollection();
    const { nid, cids } = insertNoteWithCards(col, {}, [
      { type: 2, queue: 2, due: 321, ivl: 12, factor: 2500, reps: 7, lapses: 1, left: 1002, mod: 1_700_000_000, flags: 4, odid: 0 },
    ]);
    expect(cardRowsById(col, [cids[0]!, 999]).get(cids[0]!)).toEqual({
      id: cids[0], nid, did: 1, ord: 0, mod: 1_700_000_000, type: 2, queue: 2, due: 321, ivl: 12, factor: 2500,
      reps: 7, lapses: 1, left: 1002, odid: 0, flags: 4,
    });
  });

  it('reads a due beyond i32, or not an integer, as 0, and other odd values as numbers', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [{ due: 2 ** 31 }, { due: -(2 ** 31) }, {}, {}]);
    col.transact(() => {
      col.db.run("update cards set due = 'soon', ivl = '12x' where id = ?", [cids[2]!]);
      col.db.run('update cards set due = 1.5, factor = 2.5 where id = ?', [cids[3]!]);
    });
    const rows = cardRowsById(col, cids);
    expect(cids.map((cid) => rows.get(cid)!.due)).toEqual([0, -(2 ** 31), 0, 0]);
    expect(rows.get(cids[2]!)!.ivl).toBeNaN();
    expect(rows.get(cids[3]!)!.factor).toBe(2.5);
    for (const [cid, card] of cardsById(col, cids)) expect(cardInfoRow(card)).toEqual(rows.get(cid));
  });

  it('leaves out missing ids and reads more than 999', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [{}]);
    const { cids: last } = insertNoteWithCards(col, {}, [{}]);
    const rows = cardRowsById(col, [cids[0]!, ...Array.from({ length: 1200 }, (_, i) => i + 1), last[0]!]);
    expect([...rows.keys()].sort()).toEqual([cids[0], last[0]].sort());
  });
});

describe('noteRowsById', () => {
  it('reads the note columns rendering uses', async () => {
    const col = await newCollection();
    const { nid } = insertNoteWithCards(col, { tags: ['b', 'a'], fields: ['x', 'y'] }, [{}]);
    const row = noteRowsById(col, [nid, 5]).get(nid)!;
    expect(row).toMatchObject({ id: nid, tags: ' b a ', flds: 'x\x1fy' });
    expect(typeof row.mid).toBe('string');
    expect(noteRowsById(col, [5]).size).toBe(0);
  });
});
