/**
 * Anki's merge rules against a collection that already holds things:
 * taken note, card and review ids, decks matched by name (and kept apart
 * from filtered decks), tags in the collection's spelling, note type names
 * kept unique.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';
import { addNote } from '../../../../extension/collection/notes/add.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { exportDeckPackage } from '../../../../extension/collection/packages/export.ts';
import { insertCard, insertNote } from '../../../helpers/rows.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { importBytes, noPause } from './helpers.ts';

interface Exported {
  apkg: Uint8Array;
  nid: number;
  cid: number;
  revlogId: number;
}

/** A package of deck "Shared" with one reviewed note tagged "animal". */
async function exported(): Promise<Exported> {
  const col = await newCollection();
  const did = getOrCreateDeck(col, 'Shared');
  col.transact(() => {
    const decks = col.col.get('decks');
    decks[String(did)]!.desc = 'from the package';
    col.col.save('decks', decks, col.nowMs());
  });
  const nid = addNote(col, { nt: notetypeByName(col, 'Basic')!, deckId: did, fields: ['cat', 'neko'], tags: ['animal'] });
  const cid = col.db.scalar('select id from cards where nid = ?', [nid]) as number;
  const revlogId = TEST_NOW - 5000;
  col.transact(() => {
    col.db.run('update cards set type = 2, queue = 2, due = 1, ivl = 3, factor = 2500 where id = ?', [cid]);
    col.db.run('insert into revlog values (?, ?, -1, 3, 3, 1, 2500, 3000, 1)', [revlogId, cid]);
  });
  const apkg = (await exportDeckPackage(col, new MemoryMedia(), 'Shared', true, { pause: noPause }))!;
  return { apkg, nid, cid, revlogId };
}

const target = () => newCollection(fixedClock(TEST_NOW + 60_000));

function addFiltered(col: Collection, name: string): void {
  col.transact(() => {
    const decks = col.col.get('decks');
    decks['999'] = { ...structuredClone(decks['1']!), id: 999, name, dyn: 1, resched: true, terms: [['', 100, 0]] };
    col.col.save('decks', decks, col.nowMs());
  });
}

describe('importing into a collection that already has things', () => {
  it('moves a note and card to id+999 when their ids are taken by others, the review log following', async () => {
    const src = await exported();
    const col = await target();
    const otherNote = insertNote(col, { id: src.nid, guid: 'someone else', fields: ['x', 'y'] });
    insertCard(col, { id: src.cid, nid: otherNote });
    await importBytes(col, src.apkg);
    expect(col.db.scalar('select id from notes where guid != ?', ['someone else'])).toBe(src.nid + 999);
    expect(col.db.get('select id, nid from cards where nid = ?', [src.nid + 999])).toEqual({ id: src.cid + 999, nid: src.nid + 999 });
    expect(col.db.get('select id, cid from revlog')).toEqual({ id: src.revlogId, cid: src.cid + 999 });
  });

  it('skips a review whose id is already in the log', async () => {
    const src = await exported();
    const col = await target();
    col.transact(() => col.db.run('insert into revlog values (?, 1, -1, 1, 1, 1, 2500, 1, 0)', [src.revlogId]));
    const summary = await importBytes(col, src.apkg);
    expect(summary.revlog).toBe(0);
    expect(col.db.scalar('select cid from revlog')).toBe(1);
  });

  it('puts the cards in the deck of the same name (any case), taking its description', async () => {
    const src = await exported();
    const col = await target();
    const did = getOrCreateDeck(col, 'SHARED');
    const summary = await importBytes(col, src.apkg);
    expect(summary.decks.added).toEqual([]);
    expect(col.db.scalar('select did from cards')).toBe(did);
    expect(col.col.get('decks')[String(did)]!.desc).toBe('from the package');
  });

  it('gives the deck a unique name when a filtered deck has its name', async () => {
    const src = await exported();
    const col = await target();
    addFiltered(col, 'Shared');
    const summary = await importBytes(col, src.apkg);
    expect(summary.decks.added).toEqual([`Shared ${Math.floor((TEST_NOW + 60_000) / 1000)}`]);
    const decks = col.col.get('decks');
    expect(decks[String(col.db.scalar('select did from cards'))]!.dyn).toBe(0);
  });

  it('spells tags as the collection does and keeps note type names unique', async () => {
    const src = await exported();
    const col = await target();
    insertNote(col, { tags: ['Animal'] });
    col.transact(() => {
      const tags = col.col.get('tags');
      tags['Animal'] = -1;
      col.col.save('tags', tags, col.nowMs());
    });
    const summary = await importBytes(col, src.apkg);
    expect(col.db.scalar("select tags from notes where flds like 'cat%'")).toBe(' Animal ');
    expect(summary.notetypes.added).toEqual(['Basic+']);
  });

  it('keeps the scheduling of an updated note’s existing cards, adding only missing ones', async () => {
    const src = await exported();
    const col = await target();
    await importBytes(col, src.apkg);
    col.transact(() => col.db.run('update cards set ivl = 40'));
    const again = await importBytes(col, src.apkg);
    expect(again.cards).toBe(0);
    expect(col.db.scalar('select ivl from cards')).toBe(40);
  });
});
