/** Card actions as a client sees them (version 6 replies), with every error path. */
import * as E from '../../../extension/actions/errors.ts';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../extension/collection/clock.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { timingAt } from '../../../extension/collection/scheduler/timing.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';
import { cardRow, insertNoteWithCards, noteRow } from '../../helpers/rows.ts';

const DAY_MS = 86_400_000;

/** Two notes: a new card pair, and a review card with a learning sibling. */
async function setup() {
  const clock = fixedClock(TEST_NOW);
  const col = await newCollection(clock);
  clock.advance(30 * DAY_MS);
  const today = timingAt(col).daysElapsed;
  const now = col.nowSecs();
  const a = insertNoteWithCards(col, { mod: 5 }, [
    { type: 0, queue: 0, due: 1, mod: 100 },
    { type: 0, queue: 0, due: 1, mod: 100 },
  ]);
  const b = insertNoteWithCards(col, {}, [
    { type: 2, queue: 2, due: today, ivl: 10, factor: 2500, reps: 4, mod: 200 },
    { type: 1, queue: 1, due: now + 3600, left: 1, mod: 300 },
  ]);
  clock.advance(60_000);
  return { col, clock, ctx: contextFor(col), a, b, today, now: col.nowSecs() };
}

function addRevlog(col: Collection, id: number, cid: number, ivl: number) {
  col.transact(() => col.db.run('insert into revlog values (?, ?, -1, 3, ?, 0, 2500, 1000, 0)', [id, cid, ivl]));
}

describe('cardsModTime', () => {
  it('gives each card its mod, and {} for a missing one', async () => {
    const { ctx, a } = await setup();
    expect(await call(ctx, 'cardsModTime', { cards: [a.cids[0], 42] })).toEqual({
      result: [{ cardId: a.cids[0], mod: 100 }, {}],
      error: null,
    });
  });

  it('fails on a card id that is not an integer, and on a missing argument', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'cardsModTime', { cards: ['12'] })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'cardsModTime', { cards: 5 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'cardsModTime', {})).error).toBe("AnkiConnect.cardsModTime() missing 1 required positional argument: 'cards'");
  });
});

describe('cardsToNotes', () => {
  it('gives the distinct notes of the cards that exist, in card order', async () => {
    const { ctx, a, b } = await setup();
    expect(await ok(ctx, 'cardsToNotes', { cards: [b.cids[1], a.cids[1], a.cids[0], 42, b.cids[0]] })).toEqual([a.nid, b.nid]);
    expect(await ok(ctx, 'cardsToNotes', { cards: [] })).toEqual([]);
    expect(await ok(ctx, 'cardsToNotes', { cards: [String(a.cids[0])] })).toEqual([a.nid]);
  });

  it('fails on an id that is not a number', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'cardsToNotes', { cards: [1.5] })).error).toBe("'float' object cannot be interpreted as an integer");
  });
});

describe('getEaseFactors and setEaseFactors', () => {
  it('reads factors (null for a missing card) and sets them (false for a missing card)', async () => {
    const { col, ctx, a, b } = await setup();
    expect(await ok(ctx, 'getEaseFactors', { cards: [b.cids[0], a.cids[0], 42] })).toEqual([2500, 0, null]);
    expect(await ok(ctx, 'setEaseFactors', { cards: [b.cids[0], 42], easeFactors: [3100, 2000] })).toEqual([true, false]);
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ factor: 3100, mod: col.nowSecs(), usn: -1 });
  });

  it('fails when there are fewer factors than cards, after saving the earlier ones', async () => {
    const { col, ctx, a, b } = await setup();
    const r = await call(ctx, 'setEaseFactors', { cards: [b.cids[0], a.cids[0]], easeFactors: [2700] });
    expect(r).toEqual({ result: null, error: 'list index out of range' });
    expect(cardRow(col, b.cids[0]!)!.factor).toBe(2700);
  });

  it('fails on a factor that is not an integer or out of range', async () => {
    const { col, ctx, b } = await setup();
    expect((await call(ctx, 'setEaseFactors', { cards: [b.cids[0]], easeFactors: ['2500'] })).error).toBe(
      "'str' object cannot be interpreted as an integer",
    );
    expect((await call(ctx, 'setEaseFactors', { cards: [b.cids[0]], easeFactors: [-1] })).error).toBe('Value out of range: -1');
    expect((await call(ctx, 'setEaseFactors', { cards: [b.cids[0]], easeFactors: 5 })).error).toBe("'int' object is not subscriptable");
    expect(cardRow(col, b.cids[0]!)!.factor).toBe(2500);
  });
});

describe('setSpecificValueOfCard', () => {
  it('sets unprotected values', async () => {
    const { col, ctx, b } = await setup();
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['flags', 'factor', 'due'], newValues: [3, 2200, 99] })).toEqual([true]);
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ flags: 3, factor: 2200, due: 99, mod: col.nowSecs(), usn: -1 });
  });

  it('refuses protected keys unless warning_check is true', async () => {
    const { col, ctx, b } = await setup();
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['ivl'], newValues: [5] })).toBe(false);
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['ivl'], newValues: [5], warning_check: 0 })).toEqual([true]);
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['ivl', 'queue', 'type', 'left', 'mod', 'usn'], newValues: [7, -1, 2, 0, 1, 1], warning_check: true })).toEqual([true]);
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ ivl: 7, queue: -1, type: 2, left: 0, mod: col.nowSecs(), usn: -1 });
  });

  it('gives false for bad arguments', async () => {
    const { ctx, b } = await setup();
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: [b.cids[0]], keys: ['flags'], newValues: [1] })).toBe(false);
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: 'flags', newValues: [1] })).toBe(false);
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['flags'], newValues: 1 })).toBe(false);
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['flags', 'due'], newValues: [1] })).toBe(false);
  });

  it('reports failures as [[false, message]] without changing the card', async () => {
    const { col, ctx, b } = await setup();
    const set = (card: unknown, keys: unknown[], newValues: unknown[]) =>
      ok(ctx, 'setSpecificValueOfCard', { card, keys, newValues, warning_check: true });
    expect(await set(42, ['flags'], [1])).toEqual([[false, 'Card was not found: 42']]);
    expect(await set('x', ['flags'], [1])).toEqual([[false, "'str' object cannot be interpreted as an integer"]]);
    expect(await set(b.cids[0], ['due'], ['tomorrow'])).toEqual([[false, "'str' object cannot be interpreted as an integer"]]);
    expect(await set(b.cids[0], ['ivl'], [-3])).toEqual([[false, 'Value out of range: -3']]);
    expect(await set(b.cids[0], ['type'], [7])).toEqual([[false, 'invalid card type']]);
    expect(await set(b.cids[0], ['queue'], [9])).toEqual([[false, 'invalid card queue']]);
    expect(await set(b.cids[0], [5], [1])).toEqual([[false, "attribute name must be string, not 'int'"]]);
    expect(await set(b.cids[0], ['id'], [42])).toEqual([
      [false, "Your database appears to be in an inconsistent state. Please use the Check Database action. No such card: '42'"],
    ]);
    expect(await set(b.cids[0], ['id'], [b.cids[1]])).toEqual([[false, `another card already has the id ${b.cids[1]}`]]);
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ due: cardRow(col, b.cids[0]!)!.due, ivl: 10, type: 2, queue: 2, mod: 200 });
  });

  it('narrows values as Anki stores them, and ignores attributes that are not columns', async () => {
    const { col, ctx, b } = await setup();
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: b.cids[0], keys: ['flags', 'note', 'data'], newValues: [259, 1, 'x'] })).toEqual([true]);
    expect(cardRow(col, b.cids[0]!)!.flags).toBe(3);
  });
});

describe('suspend, unsuspend, suspended, areSuspended', () => {
  it('suspends and unsuspends; unsuspend returns null as upstream does', async () => {
    const { col, ctx, a, b } = await setup();
    expect(await call(ctx, 'suspend', { cards: [a.cids[0], b.cids[1]] })).toEqual({ result: true, error: null });
    expect([cardRow(col, a.cids[0]!)!.queue, cardRow(col, b.cids[1]!)!.queue]).toEqual([-1, -1]);
    expect(cardRow(col, a.cids[0]!)).toMatchObject({ usn: -1, mod: col.nowSecs() });
    expect(await ok(ctx, 'suspended', { card: a.cids[0] })).toBe(true);
    expect(await ok(ctx, 'areSuspended', { cards: [a.cids[0], a.cids[1], 42] })).toEqual([true, false, null]);
    expect(await call(ctx, 'unsuspend', { cards: [a.cids[0], b.cids[1]] })).toEqual({ result: null, error: null });
    expect([cardRow(col, a.cids[0]!)!.queue, cardRow(col, b.cids[1]!)!.queue]).toEqual([0, 1]);
  });

  it('returns false when nothing needs changing', async () => {
    const { ctx, a } = await setup();
    expect(await ok(ctx, 'suspend', { cards: [a.cids[0]], suspend: false })).toBe(false);
    expect(await ok(ctx, 'suspend', { cards: [] })).toBe(false);
  });

  it('skips the card after one already in the wanted state (upstream removes while iterating)', async () => {
    const { col, ctx, a, b } = await setup();
    await ok(ctx, 'suspend', { cards: [a.cids[0]] });
    expect(await ok(ctx, 'suspend', { cards: [a.cids[0], a.cids[1], b.cids[0]] })).toBe(true);
    expect([cardRow(col, a.cids[1]!)!.queue, cardRow(col, b.cids[0]!)!.queue]).toEqual([-1, -1]);
  });

  it('unsuspending restores the queue from the type (interday learning by its due)', async () => {
    const { col, ctx, today } = await setup();
    const { cids } = insertNoteWithCards(col, {}, [{ type: 1, queue: -1, due: today + 1, left: 1 }, { type: 2, queue: -2, due: today }]);
    await ok(ctx, 'unsuspend', { cards: cids });
    expect(cardRow(col, cids[0]!)!.queue).toBe(3);
    expect(cardRow(col, cids[1]!)!.queue).toBe(-2);
  });

  it('fails for a card that does not exist', async () => {
    const { ctx, a } = await setup();
    expect(await call(ctx, 'suspend', { cards: [a.cids[0], 42] })).toEqual({ result: null, error: 'Card was not found: 42' });
    expect(await call(ctx, 'suspended', { card: 42 })).toEqual({ result: null, error: 'Card was not found: 42' });
    expect((await call(ctx, 'suspended', { card: 'x' })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'unsuspend', {})).error).toBe("AnkiConnect.unsuspend() missing 1 required positional argument: 'cards'");
  });
});

describe('areDue', () => {
  it('new cards are due; reviewed cards are due when the search says so', async () => {
    const { col, ctx, a, b, now } = await setup();
    addRevlog(col, now * 1000 - 86_400_000, b.cids[0]!, 5);
    addRevlog(col, now * 1000 - 10_000, b.cids[1]!, -600);
    expect(await ok(ctx, 'areDue', { cards: [a.cids[0], b.cids[0], b.cids[1]] })).toEqual([true, true, false]);
  });

  it('a learning step over 20 minutes is due by its log time, not the learn-ahead limit', async () => {
    const { col, ctx, b, now } = await setup();
    addRevlog(col, (now - 3000) * 1000, b.cids[1]!, -3600);
    expect(await ok(ctx, 'areDue', { cards: [b.cids[1]] })).toEqual([false]);
    const other = insertNoteWithCards(col, {}, [{ type: 1, queue: 1, due: now + 3600, left: 1 }]).cids[0]!;
    addRevlog(col, (now - 4000) * 1000, other, -3600);
    expect(await ok(ctx, 'areDue', { cards: [other] })).toEqual([true]);
  });

  it('fails like upstream for a card with no log that is not new', async () => {
    const { ctx, b } = await setup();
    expect(await call(ctx, 'areDue', { cards: [b.cids[0]] })).toEqual({ result: null, error: 'list index out of range' });
    expect(await call(ctx, 'areDue', { cards: [42] })).toEqual({ result: null, error: 'list index out of range' });
  });
});

describe('getIntervals', () => {
  it('gives the last logged interval (0 for new cards), or all of them with complete', async () => {
    const { col, ctx, a, b, now } = await setup();
    addRevlog(col, now * 1000 - 20_000, b.cids[0]!, -60);
    addRevlog(col, now * 1000 - 10_000, b.cids[0]!, 3);
    expect(await ok(ctx, 'getIntervals', { cards: [a.cids[0], b.cids[0]] })).toEqual([0, 3]);
    expect(await ok(ctx, 'getIntervals', { cards: [a.cids[0], b.cids[0]], complete: true })).toEqual([0, [-60, 3]]);
    expect(await ok(ctx, 'getIntervals', { cards: [b.cids[1]], complete: true })).toEqual([[]]);
  });

  it('fails like upstream for a reviewed-less card without complete', async () => {
    const { ctx, b } = await setup();
    expect(await call(ctx, 'getIntervals', { cards: [b.cids[1]] })).toEqual({ result: null, error: 'list index out of range' });
  });
});

describe('forgetCards and relearnCards', () => {
  it('forgetCards resets cards to new and returns null', async () => {
    const { col, ctx, b } = await setup();
    expect(await call(ctx, 'forgetCards', { cards: [b.cids[0]] })).toEqual({ result: null, error: null });
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ type: 0, queue: 0, ivl: 0, factor: 0, due: 1 });
    expect((await call(ctx, 'forgetCards', { cards: ['x'] })).error).toBe("'str' object cannot be interpreted as an integer");
  });

  it('relearnCards sets type 3 and queue 1 only, and returns null', async () => {
    const { col, ctx, b } = await setup();
    const before = cardRow(col, b.cids[0]!)!;
    expect(await call(ctx, 'relearnCards', { cards: [b.cids[0], 42] })).toEqual({ result: null, error: null });
    expect(cardRow(col, b.cids[0]!)).toEqual({ ...before, type: 3, queue: 1 });
    expect((await call(ctx, 'relearnCards', { cards: [null] })).error).toBe("'NoneType' object cannot be interpreted as an integer");
  });
});

describe('answerCards', () => {
  it('answers each card, false for a missing one', async () => {
    const { col, ctx, a, b, today } = await setup();
    const r = await ok(ctx, 'answerCards', {
      answers: [
        { cardId: a.cids[0], ease: 3 },
        { cardId: 42, ease: 3 },
        { cardId: b.cids[0], ease: 1 },
        { cardId: 43, ease: 9 },
      ],
    });
    expect(r).toEqual([true, false, true, false]);
    expect(cardRow(col, a.cids[0]!)).toMatchObject({ type: 1, queue: 1, left: 1, reps: 1 });
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ type: 3, queue: 1, lapses: 1, factor: 2300 });
    expect(col.db.column('select ease from revlog order by id')).toEqual([3, 1]);
    expect(col.col.get('decks')['1']!.newToday).toEqual([today, 1]);
  });

  it('takes ease as Python compares it (1.0 and true count as 1)', async () => {
    const { col, ctx, a } = await setup();
    expect(await ok(ctx, 'answerCards', { answers: [{ cardId: a.cids[0], ease: 4.0 }, { cardId: a.cids[1], ease: true }] })).toEqual([true, true]);
    expect(cardRow(col, a.cids[0]!)!.type).toBe(2);
    expect(col.db.column('select ease from revlog order by id')).toEqual([4, 1]);
  });

  it('fails on an invalid ease after saving the answers before it', async () => {
    const { col, ctx, a } = await setup();
    const r = await call(ctx, 'answerCards', { answers: [{ cardId: a.cids[0], ease: 3 }, { cardId: a.cids[1], ease: 5 }] });
    expect(r).toEqual({ result: null, error: 'invalid ease' });
    expect(cardRow(col, a.cids[0]!)!.reps).toBe(1);
    expect(cardRow(col, a.cids[1]!)!.reps).toBe(0);
  });

  it('fails on malformed answers with Python’s texts', async () => {
    const { ctx, a } = await setup();
    expect((await call(ctx, 'answerCards', { answers: [{ ease: 3 }] })).error).toBe("'cardId'");
    expect((await call(ctx, 'answerCards', { answers: [{ cardId: a.cids[0] }] })).error).toBe("'ease'");
    expect((await call(ctx, 'answerCards', { answers: [[a.cids[0], 3]] })).error).toBe('list indices must be integers or slices, not str');
    expect((await call(ctx, 'answerCards', { answers: [5] })).error).toBe("'int' object is not subscriptable");
    expect((await call(ctx, 'answerCards', { answers: [{ cardId: 'x', ease: 3 }] })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'answerCards', { answers: null })).error).toBe("'NoneType' object is not iterable");
  });

  it('tags and suspends a leech as the preset says', async () => {
    const { col, ctx, today } = await setup();
    col.transact(() => {
      col.col.get('dconf')['1']!.lapse.leechAction = 0;
      col.col.save('dconf', col.col.get('dconf'), col.nowMs());
    });
    const { nid, cids } = insertNoteWithCards(col, {}, [{ type: 2, queue: 2, due: today, ivl: 10, factor: 2500, lapses: 7 }]);
    expect(await ok(ctx, 'answerCards', { answers: [{ cardId: cids[0], ease: 1 }] })).toEqual([true]);
    expect(cardRow(col, cids[0]!)!.queue).toBe(-1);
    expect(noteRow(col, nid)!.tags).toBe(' leech ');
  });
});

describe('setDueDate', () => {
  it('sets cards due and returns true', async () => {
    const { col, ctx, a, b, today } = await setup();
    expect(await call(ctx, 'setDueDate', { cards: [a.cids[0], b.cids[0]], days: '0' })).toEqual({ result: true, error: null });
    expect(cardRow(col, a.cids[0]!)).toMatchObject({ type: 2, queue: 2, due: today, ivl: 1, factor: 2500 });
    expect(await ok(ctx, 'setDueDate', { cards: [b.cids[0]], days: '1!' })).toBe(true);
    expect(cardRow(col, b.cids[0]!)).toMatchObject({ due: today + 1, ivl: 1 });
    expect(await ok(ctx, 'setDueDate', { cards: [b.cids[0]], days: '3-7' })).toBe(true);
    const due = cardRow(col, b.cids[0]!)!.due - today;
    expect(due).toBeGreaterThanOrEqual(3);
    expect(due).toBeLessThanOrEqual(7);
  });

  it('fails as Anki does on a text it cannot parse, changing nothing', async () => {
    const { col, ctx, a } = await setup();
    expect(await call(ctx, 'setDueDate', { cards: [a.cids[0]], days: 'tomorrow' })).toEqual({ result: null, error: 'tomorrow' });
    expect(await call(ctx, 'setDueDate', { cards: [a.cids[0]], days: '' })).toEqual({ result: null, error: E.emptyDueDate });
    expect(await call(ctx, 'setDueDate', { cards: [a.cids[0]], days: '99999999999' })).toEqual({
      result: null,
      error: 'A number was invalid or out of range.',
    });
    expect(await call(ctx, 'setDueDate', { cards: [a.cids[0]], days: 5 })).toEqual({ result: null, error: 'bad argument type for built-in operation' });
    expect((await call(ctx, 'setDueDate', { cards: ['x'], days: '1' })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'setDueDate', { cards: [a.cids[0]] })).error).toBe("AnkiConnect.setDueDate() missing 1 required positional argument: 'days'");
    expect(cardRow(col, a.cids[0]!)!.type).toBe(0);
  });
});

describe('falsy card ids (pylib loads a blank card for them)', () => {
  it('read actions see a card with id 0 and every value 0', async () => {
    const { ctx } = await setup();
    expect(await ok(ctx, 'cardsModTime', { cards: [0, null] })).toEqual([
      { cardId: 0, mod: 0 },
      { cardId: 0, mod: 0 },
    ]);
    expect(await ok(ctx, 'getEaseFactors', { cards: [0] })).toEqual([0]);
    expect(await ok(ctx, 'suspended', { card: 0 })).toBe(false);
    expect(await ok(ctx, 'areSuspended', { cards: [false] })).toEqual([false]);
    expect(await ok(ctx, 'suspend', { cards: [0] })).toBe(true);
    expect(await ok(ctx, 'answerCards', { answers: [{ cardId: 0, ease: 3 }, { cardId: null, ease: 2 }] })).toEqual([false, false]);
  });

  it('saving a blank card fails as Anki finds no card 0', async () => {
    const { ctx } = await setup();
    const missing = "Your database appears to be in an inconsistent state. Please use the Check Database action. No such card: '0'";
    expect(await call(ctx, 'setEaseFactors', { cards: [0], easeFactors: [2500] })).toEqual({ result: null, error: missing });
    expect(await ok(ctx, 'setSpecificValueOfCard', { card: 0, keys: ['flags'], newValues: [1] })).toEqual([[false, missing]]);
    expect(await call(ctx, 'answerCards', { answers: [{ cardId: 0, ease: 7 }] })).toEqual({ result: null, error: 'invalid ease' });
  });
});

describe('more error paths', () => {
  it('non-integer and non-iterable card lists', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'getEaseFactors', { cards: ['x'] })).error).toBe("'str' object cannot be interpreted as an integer");
    expect((await call(ctx, 'areSuspended', { cards: 5 })).error).toBe("'int' object is not iterable");
    expect((await call(ctx, 'getIntervals', { cards: null })).error).toBe("'NoneType' object is not iterable");
    expect((await call(ctx, 'suspend', { cards: [1.5] })).error).toBe("'float' object cannot be interpreted as an integer");
    expect((await call(ctx, 'setEaseFactors', { cards: [1] })).error).toBe(
      "AnkiConnect.setEaseFactors() missing 1 required positional argument: 'easeFactors'",
    );
    expect((await call(ctx, 'suspend', { cards: [], bogus: 1 })).error).toBe("AnkiConnect.suspend() got an unexpected keyword argument 'bogus'");
  });

  it('areDue and getIntervals pass the id into a search, as upstream does', async () => {
    const { ctx } = await setup();
    expect((await call(ctx, 'areDue', { cards: ['abc'] })).error).toMatch(/^Invalid search/);
    expect((await call(ctx, 'getIntervals', { cards: [1.5] })).error).toMatch(/^Invalid search/);
  });

  it('answerCards checks the ease only for cards that exist', async () => {
    const { ctx } = await setup();
    expect(await ok(ctx, 'answerCards', { answers: [{ cardId: 42, ease: 'x' }] })).toEqual([false]);
    expect((await call(ctx, 'answerCards', { answers: [{ cardId: 'x' }] })).error).toBe("'ease'");
  });
});
