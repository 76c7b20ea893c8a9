/** What the importer fixes in a package's own collection before reading it. */
import { describe, expect, it } from 'vitest';
import { parseJson, toJson } from '../../../../extension/collection/json.ts';
import { fixInvalidIds, upgradeV1Scheduling } from '../../../../extension/collection/packages/source-fixes.ts';
import { insertCard, insertNote } from '../../../helpers/rows.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';

async function v1Collection() {
  const col = await newCollection();
  col.transact(() => {
    const conf = col.col.get('conf');
    delete conf['schedVer'];
    delete conf['creationOffset'];
    col.col.save('conf', conf, col.nowMs());
  });
  return col;
}

describe('upgradeV1Scheduling', () => {
  it('upgrades a v1 collection with scheduled cards: relearning type, revlog buttons, schedVer and offset', async () => {
    const col = await v1Collection();
    const nid = insertNote(col);
    const relearning = insertCard(col, { nid, type: 2, queue: 1, due: 1_700_000_000 });
    const review = insertCard(col, { nid, ord: 1, type: 2, queue: 2, due: 40 });
    col.transact(() => {
      col.db.run('insert into revlog values (1, ?, -1, 2, 1, 1, 2500, 100, 0)', [relearning]);
      col.db.run('insert into revlog values (2, ?, -1, 3, 1, 1, 2500, 100, 1)', [review]);
    });
    col.col.writeDeferred(); // the package's file as written: every committed write in it
    const db = col.db.raw;
    upgradeV1Scheduling(db, -60);
    expect(col.db.column('select type from cards order by id')).toEqual([3, 2]);
    expect(col.db.column('select ease from revlog order by id')).toEqual([3, 3]);
    const conf = parseJson<Record<string, unknown>>(String(col.db.scalar('select conf from col')));
    expect(conf).toMatchObject({ schedVer: 2, creationOffset: -60 });
  });

  it('leaves a v1 collection whose cards are all new as it is', async () => {
    const col = await v1Collection();
    insertCard(col, { nid: insertNote(col) });
    col.col.writeDeferred();
    const before = String(col.db.scalar('select conf from col'));
    upgradeV1Scheduling(col.db.raw, 0);
    expect(String(col.db.scalar('select conf from col'))).toBe(before);
    expect(toJson(parseJson(before))).not.toContain('schedVer');
  });
});

describe('fixInvalidIds', () => {
  it('renumbers notes, cards and reviews dated after tomorrow, keeping their links', async () => {
    const col = await newCollection();
    const future = TEST_NOW + 10 * 86_400_000;
    const nid = insertNote(col, { id: future });
    const cid = insertCard(col, { id: future + 1, nid });
    col.transact(() => col.db.run('insert into revlog values (?, ?, -1, 3, 1, 1, 2500, 100, 1)', [future + 2, cid]));
    fixInvalidIds(col.db.raw, TEST_NOW);
    expect(col.db.get('select n.id nid, c.id cid, r.id rid from notes n join cards c on c.nid = n.id join revlog r on r.cid = c.id')).toEqual({
      nid: TEST_NOW,
      cid: TEST_NOW,
      rid: TEST_NOW,
    });
  });
});
