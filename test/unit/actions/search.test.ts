import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { call, contextFor, newCollection, ok } from '../../helpers/builders.ts';

let ctx: ActionContext;
let dog: number;
let houses: number;

beforeEach(async () => {
  ctx = contextFor(await newCollection());
  await ok(ctx, 'createDeck', { deck: 'Japanese::Vocab' });
  dog = await ok<number>(ctx, 'addNote', {
    note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'dog', Back: 'animal' }, tags: ['pets'] },
  });
  houses = await ok<number>(ctx, 'addNote', {
    note: { deckName: 'Japanese::Vocab', modelName: 'Basic (and reversed card)', fields: { Front: '家', Back: 'house' } },
  });
});

const cardsOf = (nid: number) => ctx.col.db.column<number>('select id from cards where nid = ? order by id', [nid]);

describe('findNotes', () => {
  it('finds notes by query', async () => {
    expect(await call(ctx, 'findNotes', { query: 'dog' })).toEqual({ result: [dog], error: null });
    expect(await ok(ctx, 'findNotes', { query: 'deck:Japanese' })).toEqual([houses]);
    expect(await ok(ctx, 'findNotes', { query: '"deck:Japanese::Vocab" "front:家"' })).toEqual([houses]);
    expect(await ok(ctx, 'findNotes', { query: '' })).toEqual([dog, houses]);
  });

  it('returns [] without a query, as the newest AnkiConnect does', async () => {
    expect(await call(ctx, 'findNotes', {})).toEqual({ result: [], error: null });
    expect(await call(ctx, 'findNotes', { query: null })).toEqual({ result: [], error: null });
  });

  it("passes Anki's search error through", async () => {
    expect(await call(ctx, 'findNotes', { query: 'dog)' })).toEqual({
      result: null,
      error:
        'Invalid search: a closing bracket `)` was found, but there was no opening bracket `(` preceding it. ' +
        'If you want to search for a literal `)`, wrap it in double quotes or prepend a backslash: `")"` or `\\)`.',
    });
  });

  it('refuses a query that is not a string, and unknown parameters', async () => {
    expect(await call(ctx, 'findNotes', { query: 5 })).toEqual({ result: null, error: 'query must be a string, not int' });
    expect(await call(ctx, 'findNotes', { query: 'x', foo: 1 })).toEqual({
      result: null,
      error: "AnkiConnect.findNotes() got an unexpected keyword argument 'foo'",
    });
  });
});

describe('findCards', () => {
  it('finds cards by query', async () => {
    expect(await ok(ctx, 'findCards', { query: `nid:${houses}` })).toEqual(cardsOf(houses));
    expect(await ok(ctx, 'findCards', { query: 'card:2' })).toEqual(cardsOf(houses).slice(1));
    expect(await ok(ctx, 'findCards', { query: 'tag:pets' })).toEqual(cardsOf(dog));
    expect(await ok(ctx, 'findCards', { query: 'is:due' })).toEqual([]);
  });

  it('returns [] without a query and errors on a bad one', async () => {
    expect(await call(ctx, 'findCards', {})).toEqual({ result: [], error: null });
    expect(await call(ctx, 'findCards', { query: 'is:foo' })).toEqual({
      result: null,
      error: "Invalid search: `is:` was given an invalid argument '`foo`'.",
    });
    expect(await call(ctx, 'findCards', { query: ['dog'] })).toEqual({ result: null, error: 'query must be a string, not list' });
  });
});

describe('guiBrowse', () => {
  it("returns findCards' ids for the query", async () => {
    expect(await ok(ctx, 'guiBrowse', { query: 'deck:Japanese' })).toEqual(cardsOf(houses));
    expect(await ok(ctx, 'guiBrowse', {})).toEqual([]);
  });

  it('accepts a reorderCards on an active column', async () => {
    const reorderCards = { columnId: 'noteFld', order: 'descending' };
    expect(await call(ctx, 'guiBrowse', { query: 'dog', reorderCards })).toEqual({ result: cardsOf(dog), error: null });
  });

  it('checks reorderCards as AnkiConnect does, before the search', async () => {
    const errorFor = async (reorderCards: unknown, query = 'dog)') => (await call(ctx, 'guiBrowse', { query, reorderCards })).error;
    expect(await errorFor(['noteFld'])).toBe("reorderCards should be a dict: ['noteFld']");
    expect(await errorFor('x')).toBe('reorderCards should be a dict: x');
    expect(await errorFor({ columnId: 'noteFld' })).toBe('Must provide a "columnId" and a "order" property"');
    expect(await errorFor({ columnId: 'noteFld', order: 'up' })).toBe('invalid card order: up');
    expect(await errorFor({ columnId: 'cardEase', order: 'ascending' })).toBe('invalid columnId: cardEase');
    expect(await errorFor({ columnId: 'noteFld', order: 'ascending' })).toMatch(/^Invalid search: a closing bracket/);
  });

  it("uses the collection's active columns", async () => {
    ctx.col.transact(() => {
      const conf = ctx.col.col.get('conf');
      conf.activeCols = ['cardEase'];
      ctx.col.col.save('conf', conf, ctx.col.nowMs());
    });
    expect((await call(ctx, 'guiBrowse', { query: 'dog', reorderCards: { columnId: 'cardEase', order: 'ascending' } })).error).toBeNull();
    expect((await call(ctx, 'guiBrowse', { query: 'dog', reorderCards: { columnId: 'noteFld', order: 'ascending' } })).error).toBe(
      'invalid columnId: noteFld',
    );
  });

  it('refuses a query that is not a string', async () => {
    expect(await call(ctx, 'guiBrowse', { query: 1.5 })).toEqual({ result: null, error: 'query must be a string, not float' });
  });
});
