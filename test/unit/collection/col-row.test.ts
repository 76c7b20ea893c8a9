/** The col row's deferred write: conf and mod changes recorded for the journal, run on the database only when needed. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { Collection } from '../../../extension/collection/collection.ts';
import type { RecordedStatement } from '../../../extension/collection/db.ts';
import { parseJson } from '../../../extension/collection/json.ts';
import { addNote } from '../../../extension/collection/notes/add.ts';
import { newCollection, sqlJs, TEST_NOW } from '../../helpers/builders.ts';

type Row = { conf: string; models: string; tags: string; mod: number };

/** The col row as SQLite holds it right now (no deferred write run). */
const rawRow = (col: Collection): Row => col.db.get<Row>('select conf, models, tags, mod from col')!;

/** The col row of the collection's export. */
async function exportedRow(col: Collection): Promise<Row> {
  const copy = Collection.open(await sqlJs(), col.export());
  try {
    return rawRow(copy);
  } finally {
    copy.close();
  }
}

function basic(col: Collection) {
  return Object.values(col.col.get('models')).find((m) => m.name === 'Basic')!;
}

async function journaled() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  const start = col.export();
  const entries: RecordedStatement[][] = [];
  col.onCommit = (statements) => entries.push(statements);
  return { col, clock, start, entries };
}

/** A collection opened from `start` with `entries` replayed over it, as start-up does. */
async function replayed(start: Uint8Array, entries: RecordedStatement[][]): Promise<Collection> {
  const col = Collection.open(await sqlJs(), start);
  for (const statements of entries) col.db.replay(statements);
  col.col.invalidate();
  return col;
}

describe('the col row of an addNote', () => {
  it('is recorded for the journal but not rewritten in SQLite; the cache and an export have the new values', async () => {
    const { col, clock, entries } = await journaled();
    const before = rawRow(col);
    clock.advance(5000);
    addNote(col, { nt: basic(col), deckId: 1, fields: ['front', 'back'], tags: [] });
    const statements = entries.at(-1)!;
    expect(statements.map((s) => s.sql.split(' (')[0])).toEqual(['insert into notes', 'insert into cards', 'update col set conf = ?, mod = ?']);
    expect(rawRow(col)).toEqual(before);
    expect(col.col.get('conf')['nextPos']).toBe(2);
    expect(col.col.scalars().mod).toBe(TEST_NOW + 5000);
    const exported = await exportedRow(col);
    expect(parseJson<Record<string, unknown>>(exported.conf)['nextPos']).toBe(2);
    expect(exported.mod).toBe(TEST_NOW + 5000);
    // Exporting ran the deferred write.
    expect(rawRow(col)).toEqual(exported);
  });

  it('replays to exactly the row the collection holds, across deferred, mod-only, ordinary and failed writes', async () => {
    const { col, clock, start, entries } = await journaled();
    const nt = basic(col);
    addNote(col, { nt, deckId: 1, fields: ['one', ''], tags: ['a'] });
    clock.advance(1000);
    addNote(col, { nt, deckId: 1, fields: ['two', ''], tags: ['a'] });
    clock.advance(1000);
    col.transact(() => col.col.touch(col.nowMs())); // mod alone
    clock.advance(1000);
    expect(() =>
      col.transact(() => {
        addNote(col, { nt, deckId: 1, fields: ['lost', ''], tags: [] });
        throw new Error('fails');
      }),
    ).toThrow('fails');
    clock.advance(1000);
    addNote(col, { nt, deckId: 1, fields: ['three', ''], tags: ['brand-new'] }); // a new tag: an ordinary write, carrying conf
    clock.advance(1000);
    addNote(col, { nt, deckId: 1, fields: ['four', ''], tags: [] });
    const live = await exportedRow(col);
    expect(parseJson<Record<string, unknown>>(live.conf)['nextPos']).toBe(5);
    expect(live.mod).toBe(TEST_NOW + 5000);
    const again = await replayed(start, entries);
    try {
      expect(rawRow(again)).toEqual(live);
      expect(again.db.column('select sfld from notes order by id')).toEqual(['one', 'two', 'three', 'four']);
    } finally {
      again.close();
    }
  });

  it('records a mod-only change as mod alone, keeping the deferred conf', async () => {
    const { col, clock, entries } = await journaled();
    addNote(col, { nt: basic(col), deckId: 1, fields: ['x', ''], tags: [] });
    clock.advance(2000);
    col.transact(() => col.col.touch(col.nowMs()));
    expect(entries.at(-1)).toEqual([{ sql: 'update col set mod = ?', params: [TEST_NOW + 2000] }]);
    const exported = await exportedRow(col);
    expect(parseJson<Record<string, unknown>>(exported.conf)['nextPos']).toBe(2);
    expect(exported.mod).toBe(TEST_NOW + 2000);
  });

  it('keeps what earlier transactions deferred when a later one rolls back, and drops what that one did', async () => {
    const { col, clock } = await journaled();
    const nt = basic(col);
    addNote(col, { nt, deckId: 1, fields: ['kept', ''], tags: [] });
    clock.advance(3000);
    expect(() =>
      col.transact(() => {
        const conf = col.col.get('conf');
        conf['curDeck'] = 12345;
        col.col.save('conf', conf, col.nowMs());
        addNote(col, { nt, deckId: 1, fields: ['rolled back', ''], tags: [] });
        throw new Error('no');
      }),
    ).toThrow('no');
    // The rollback ran the committed deferred write: SQLite holds it without an export.
    const raw = rawRow(col);
    expect(parseJson<Record<string, unknown>>(raw.conf)).toMatchObject({ nextPos: 2, curDeck: 1 });
    expect(raw.mod).toBe(TEST_NOW);
    expect(col.col.get('conf')['nextPos']).toBe(2);
    expect(col.col.scalars().mod).toBe(TEST_NOW);
    expect(addNote(col, { nt, deckId: 1, fields: ['next', ''], tags: [] })).toBeGreaterThan(0);
    expect(col.col.get('conf')['nextPos']).toBe(3);
  });

  it('writes a deferred conf with the next ordinary write of the row, which then defers nothing', async () => {
    const { col, clock, entries } = await journaled();
    addNote(col, { nt: basic(col), deckId: 1, fields: ['x', ''], tags: [] });
    clock.advance(1000);
    col.transact(() => {
      const models = col.col.get('models');
      col.col.save('models', models, col.nowMs());
    });
    const write = entries.at(-1)!.at(-1)!;
    expect(write.sql).toBe('update col set models = ?, conf = ?, mod = ?');
    const raw = rawRow(col);
    expect(parseJson<Record<string, unknown>>(raw.conf)['nextPos']).toBe(2);
    expect(raw.mod).toBe(TEST_NOW + 1000);
    expect(await exportedRow(col)).toEqual(raw);
  });
});
