/**
 * cardsById: the cards getCard reads, many at a time — `due`/`odue` that are
 * not integers read as 0 and `data` parsed as getCard does; missing ids
 * left out, repeated ids read once, more than 999 ids in batches.
 */
import { describe, expect, it } from 'vitest';
import { cardsById, getCard } from '../../../../extension/collection/cards/row.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { insertNoteWithCards } from '../../../helpers/rows.ts';

describe('cardsById', () => {
  it('reads each card as getCard does', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [
      { type: 2, queue: 2, due: 40, ivl: 9, factor: 2500, reps: 3, lapses: 1, left: 0, flags: 2, data: '{"s":3.5,"d":6.25,"lrt":1700000000}' },
      { type: 1, queue: 1, due: 1_700_000_600, left: 1002, odue: 5, odid: 1, data: 'not json' },
      { type: 0, queue: 0, due: 3 },
    ]);
    col.transact(() => col.db.run("update cards set due = 'x', odue = 2.5 where id = ?", [cids[2]!]));
    const read = cardsById(col, cids);
    expect([...read.keys()]).toEqual(cids);
    for (const cid of cids) expect(read.get(cid)).toEqual(getCard(col, cid));
    expect(read.get(cids[2]!)).toMatchObject({ due: 0, odue: 0 });
    expect(read.get(cids[0]!)!.data).toMatchObject({ stability: 3.5, difficulty: 6.25, lastReviewTime: 1_700_000_000 });
  });

  it('leaves out ids with no card and reads repeated ids once', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [{}, {}]);
    const read = cardsById(col, [cids[1]!, 42, cids[1]!, cids[0]!]);
    expect([...read.keys()].sort()).toEqual([...cids].sort());
    expect(cardsById(col, [])).toEqual(new Map());
  });

  it('reads more than 999 ids', async () => {
    const col = await newCollection();
    const { cids } = insertNoteWithCards(col, {}, [{}]);
    const { cids: last } = insertNoteWithCards(col, {}, [{}]);
    const read = cardsById(col, [cids[0]!, ...Array.from({ length: 1500 }, (_, i) => i + 1), last[0]!]);
    expect([...read.keys()].sort()).toEqual([cids[0], last[0]].sort());
  });
});
