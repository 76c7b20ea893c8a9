/**
 * A new collection is the one Anki creates: schema 11's tables and indexes,
 * the col row, the six stock note types, the Default deck and preset; and it
 * opens in Python's sqlite3 as well as in sql.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { Collection } from '../../../extension/collection/collection.ts';
import { createCollection, creationTimestamp } from '../../../extension/collection/create.ts';
import { parseJson } from '../../../extension/collection/json.ts';
import type { NotetypeJson } from '../../../extension/collection/notetypes/types.ts';
import { SCHEMA11_INDEX_NAMES, SCHEMA11_TABLE_NAMES } from '../../../extension/collection/schema/schema11.ts';
import { sqlJs, TEST_NOW } from '../../helpers/builders.ts';

const dir = mkdtempSync(join(tmpdir(), 'acb-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STOCK = [
  ['Basic', 0, ['Front', 'Back'], ['Card 1']],
  ['Basic (and reversed card)', 0, ['Front', 'Back'], ['Card 1', 'Card 2']],
  ['Basic (optional reversed card)', 0, ['Front', 'Back', 'Add Reverse'], ['Card 1', 'Card 2']],
  ['Basic (type in the answer)', 0, ['Front', 'Back'], ['Card 1']],
  ['Cloze', 1, ['Text', 'Back Extra'], ['Cloze']],
  ['Image Occlusion', 1, ['Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'], ['Image Occlusion']],
] as const;

function python(script: string, file: string): string {
  const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('a new collection', () => {
  it('has exactly the tables and indexes of schema 11, as Python sqlite3 sees them', async () => {
    const col = createCollection(await sqlJs(), fixedClock(TEST_NOW));
    const file = join(dir, 'new.anki2');
    writeFileSync(file, col.export());
    const out = JSON.parse(
      python(
        `import sqlite3, sys, json
c = sqlite3.connect(sys.argv[1])
print(json.dumps({
  "integrity": c.execute("pragma integrity_check").fetchone()[0],
  "tables": sorted(r[0] for r in c.execute("select name from sqlite_master where type='table'")),
  "indexes": sorted(r[0] for r in c.execute("select name from sqlite_master where type='index'")),
  "cols": {t: [r[1] for r in c.execute(f"pragma table_info({t})")] for t in ["col","notes","cards","revlog","graves"]},
  "sched": [r[2] for r in c.execute("pragma index_info(ix_cards_sched)")],
  "col": list(c.execute("select id, ver, dty, usn, ls from col").fetchone()),
  "rows": c.execute("select count() from col").fetchone()[0],
}))`,
        file,
      ),
    );
    expect(out.integrity).toBe('ok');
    expect(out.tables).toEqual([...SCHEMA11_TABLE_NAMES].sort());
    expect(out.indexes).toEqual([...SCHEMA11_INDEX_NAMES].sort());
    expect(out.sched).toEqual(['did', 'queue', 'due']);
    expect(out.cols.notes).toEqual(['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data']);
    expect(out.cols.cards).toEqual([
      'id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data',
    ]);
    expect(out.cols.revlog).toEqual(['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type']);
    expect(out.cols.col).toEqual(['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags']);
    expect(out.col).toEqual([1, 11, 0, 0, 0]);
    expect(out.rows).toBe(1);
  });

  it('holds the six stock note types in order with consecutive ids, Basic current', async () => {
    const col = createCollection(await sqlJs(), fixedClock(TEST_NOW));
    const models = Object.values(col.col.get('models')).sort((a, b) => Number(a.id) - Number(b.id));
    expect(models.map((m) => [m.name, m.type, m.flds.map((f) => f.name), m.tmpls.map((t) => t.name)])).toEqual(
      STOCK.map(([n, t, f, tm]) => [n, t, [...f], [...tm]]),
    );
    expect(models.map((m) => Number(m.id))).toEqual(STOCK.map((_, i) => TEST_NOW + i));
    expect(col.col.get('conf').curModel).toBe(TEST_NOW);
    const basic = models[0]!;
    expect(basic.tmpls[0]!.qfmt).toBe('{{Front}}');
    expect(basic.tmpls[0]!.afmt).toBe('{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}');
    expect(basic.css).toContain('.card {\n    font-family: arial;');
    expect(models[4]!.css).toContain('.cloze {\n    font-weight: bold;');
    expect(models[4]!.flds[0]).toMatchObject({ name: 'Text', tag: 0, preventDeletion: true });
    expect(models[2]!.tmpls[1]!.qfmt).toBe('{{#Add Reverse}}{{Back}}{{/Add Reverse}}');
    expect(models[2]!.req).toEqual([
      [0, 'any', [0]],
      [1, 'all', [1, 2]],
    ]);
  });

  it('has the Default deck and preset, and a crt at 4 am local time', async () => {
    const clock = fixedClock(Date.UTC(2026, 2, 10, 2, 30), -480); // 10:30 at UTC+8
    const col = createCollection(await sqlJs(), clock);
    const decks = col.col.get('decks');
    expect(Object.keys(decks)).toEqual(['1']);
    expect(decks['1']).toMatchObject({ id: 1, name: 'Default', conf: 1, dyn: 0, collapsed: true, lrnToday: [0, 0] });
    expect(col.col.get('dconf')['1']).toMatchObject({ id: 1, name: 'Default', new: { delays: [1, 10], ints: [1, 4, 0], perDay: 20 }, rev: { perDay: 200, maxIvl: 36500 }, lapse: { leechFails: 8 } });
    const conf = col.col.get('conf');
    expect(conf).toMatchObject({ curDeck: 1, activeDecks: [1], nextPos: 1, schedVer: 2, sched2021: true, creationOffset: -480, collapseTime: 1200 });
    const { crt } = col.col.scalars();
    // 2026-03-10 04:00 at UTC+8 = 2026-03-09 20:00 UTC.
    expect(crt).toBe(Date.UTC(2026, 2, 9, 20, 0) / 1000);
    expect(creationTimestamp(Date.UTC(2026, 2, 10, 3, 59), 0)).toBe(Date.UTC(2026, 2, 9, 4, 0) / 1000);
    expect(creationTimestamp(Date.UTC(2026, 2, 10, 4, 0), 0)).toBe(Date.UTC(2026, 2, 10, 4, 0) / 1000);
  });

  it('keeps 64-bit field and template ids digit for digit through export and reopen', async () => {
    const SQL = await sqlJs();
    const col = createCollection(SQL, fixedClock(TEST_NOW));
    const text = col.db.scalar('select models from col') as string;
    const ids = [...text.matchAll(/"id":(\d+)/g)].map((m) => m[1]!).filter((d) => d.length > 13);
    expect(ids.length).toBe(16 + 8); // every field (16) and template (8) of the stock types
    expect(ids.some((d) => BigInt(d) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    const reopened = Collection.open(SQL, col.export());
    const again = reopened.db.scalar('select models from col') as string;
    expect(again).toBe(text);
    // Parsed values are exact bigints where unsafe.
    const models = parseJson<Record<string, NotetypeJson>>(again);
    const all = Object.values(models).flatMap((m) => [...m.flds, ...m.tmpls].map((x) => String(x.id)));
    expect(all.sort()).toEqual([...ids].sort());
  });
});
