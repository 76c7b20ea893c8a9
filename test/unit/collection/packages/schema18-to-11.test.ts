/** A schema-18 collection turned into schema 11: the JSON Anki's downgrade writes. */
import { describe, expect, it } from 'vitest';
import { parseJson, toJson } from '../../../../extension/collection/json.ts';
import { convertSchema18To11 } from '../../../../extension/collection/packages/schema18-to-11.ts';
import { sqlJs } from '../../../helpers/builders.ts';
import { schema18Bytes, type ModernPackageInput } from './modern-builder.ts';

const base: ModernPackageInput = {
  crt: 1690000000,
  config: { schedVer: 2, curDeck: 1, activeDecks: [1], rollover: 4 },
  notetypes: [],
  decks: [
    { id: 1, name: 'Default', collapsed: true },
    { id: 5, name: 'Parent::Filtered', mtime: 7, filtered: { reschedule: true, terms: [['deck:Parent is:due', 100, 6]], delays: [1.5] } },
  ],
  deckConfigs: [{ id: 1, name: 'Default', learnSteps: [1, 10], newPerDay: 20, initialEase: 2.5, easyMultiplier: 1.3, leechAction: 1, desiredRetention: 0.9 }],
  tags: ['One', 'two::three'],
  notes: [],
  cards: [],
};

async function converted(input: ModernPackageInput) {
  const SQL = await sqlJs();
  const db = convertSchema18To11(SQL.Database, new SQL.Database(schema18Bytes(SQL, input)));
  const row = db.exec('select ver, conf, models, decks, dconf, tags from col')[0]!.values[0]!;
  const tables = db.exec("select name from sqlite_master where type = 'table' order by name")[0]!.values.map((r) => r[0]);
  db.close();
  return { ver: row[0], conf: parseJson(String(row[1])), decks: parseJson<Record<string, unknown>>(String(row[3])), dconf: parseJson<Record<string, Record<string, unknown>>>(String(row[4])), tags: parseJson(String(row[5])), tables };
}

describe('convertSchema18To11', () => {
  it('moves config, decks, presets and tags back into col, with ver 11 and the schema-11 tables', async () => {
    const c = await converted(base);
    expect(c.ver).toBe(11);
    expect(c.conf).toEqual({ activeDecks: [1], curDeck: 1, rollover: 4, schedVer: 2 });
    expect(c.tags).toEqual({ One: -1, 'two::three': -1 });
    expect(c.tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    expect(toJson(c.decks['1'])).toBe(
      '{"id":1,"mod":0,"name":"Default","usn":-1,"lrnToday":[0,0],"revToday":[0,0],"newToday":[0,0],"timeToday":[0,0],"collapsed":true,"browserCollapsed":false,"desc":"","dyn":0,"conf":1,"extendNew":0,"extendRev":0,"reviewLimit":null,"newLimit":null,"reviewLimitToday":null,"newLimitToday":null,"desiredRetention":null}',
    );
  });

  it('writes a filtered deck as Anki does', async () => {
    const c = await converted(base);
    expect(toJson(c.decks['5'])).toBe(
      '{"id":5,"mod":7,"name":"Parent::Filtered","usn":-1,"lrnToday":[0,0],"revToday":[0,0],"newToday":[0,0],"timeToday":[0,0],"collapsed":false,"browserCollapsed":false,"desc":"","dyn":1,"resched":true,"terms":[["deck:Parent is:due",100,6]],"separate":true,"delays":[1.5],"previewDelay":0,"previewAgainSecs":0,"previewHardSecs":0,"previewGoodSecs":0}',
    );
  });

  it('writes the Default preset key for key as Anki does', async () => {
    const c = await converted(base);
    expect(Object.keys(c.dconf['1']!)).toEqual([
      'id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'replayq', 'new', 'rev', 'lapse', 'dyn', 'newMix',
      'newPerDayMinimum', 'interdayLearningMix', 'reviewOrder', 'newSortOrder', 'newGatherPriority', 'buryInterdayLearning',
      'fsrsWeights', 'fsrsParams5', 'fsrsParams6', 'desiredRetention', 'ignoreRevlogsBeforeDate', 'easyDaysPercentages',
      'stopTimerOnAnswer', 'secondsToShowQuestion', 'secondsToShowAnswer', 'questionAction', 'answerAction', 'waitForAudio',
      'sm2Retention', 'weightSearch',
    ]);
    expect(c.dconf['1']!['new']).toEqual({ bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 });
  });

  it('refuses a schema it does not know', async () => {
    const SQL = await sqlJs();
    const raw = new SQL.Database(schema18Bytes(SQL, base));
    raw.run('update col set ver = 99');
    expect(() => convertSchema18To11(SQL.Database, raw)).toThrow(/schema version 99/);
  });
});
