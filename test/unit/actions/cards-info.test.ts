import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { notetypeByName, saveNotetype } from '../../../extension/collection/notetypes/lookup.ts';
import { nextReviewLabels } from '../../../extension/collection/scheduler/next-reviews.ts';
import { timingAt } from '../../../extension/collection/scheduler/timing.ts';
import { call, contextFor, newCollection, ok, TEST_NOW } from '../../helpers/builders.ts';

let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  col = await newCollection();
  ctx = contextFor(col);
});

const CSS =
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n' +
  '    color: black;\n    background-color: white;\n}\n';

async function addNote(modelName: string, fields: Record<string, string>, deckName = 'Default'): Promise<{ nid: number; cids: number[] }> {
  if (deckName !== 'Default') await ok(ctx, 'createDeck', { deck: deckName });
  const nid = await ok<number>(ctx, 'addNote', { note: { deckName, modelName, fields } });
  return { nid, cids: col.db.column<number>('select id from cards where nid = ? order by ord', [nid]) };
}

const info = (cards: unknown) => ok<Record<string, unknown>[]>(ctx, 'cardsInfo', { cards });
const infoError = async (params: Record<string, unknown>) => (await call(ctx, 'cardsInfo', params)).error;
const sql = (statement: string, params: (string | number)[]) => col.transact(() => col.db.run(statement, params));

describe('cardsInfo', () => {
  it('returns AnkiConnect’s keys in AnkiConnect’s order', async () => {
    const { nid, cids } = await addNote('Basic', { Front: 'front', Back: 'back' });
    const [card] = await info(cids);
    expect(Object.keys(card!)).toEqual([
      'cardId', 'fields', 'fieldOrder', 'question', 'answer', 'modelName', 'ord', 'deckName', 'css', 'factor',
      'interval', 'note', 'type', 'queue', 'due', 'reps', 'lapses', 'left', 'mod', 'nextReviews', 'flags',
    ]);
    expect(card).toEqual({
      cardId: cids[0],
      fields: { Front: { value: 'front', order: 0 }, Back: { value: 'back', order: 1 } },
      fieldOrder: 0,
      question: `<style>${CSS}</style>front`,
      answer: `<style>${CSS}</style>front\n\n<hr id=answer>\n\nback`,
      modelName: 'Basic',
      ord: 0,
      deckName: 'Default',
      css: CSS,
      factor: 0,
      interval: 0,
      note: nid,
      type: 0,
      queue: 0,
      due: 1,
      reps: 0,
      lapses: 0,
      left: 0,
      mod: Math.floor(TEST_NOW / 1000),
      nextReviews: nextReviewLabels(col, cids[0]!),
      flags: 0,
    });
    expect(card!['nextReviews']).toHaveLength(4);
    expect((card!['nextReviews'] as string[]).slice(0, 3)).toEqual(['<1m', '<6m', '<10m']);
  });

  it('reports the stored scheduling columns as they are', async () => {
    const { cids } = await addNote('Basic (and reversed card)', { Front: 'f', Back: 'b' }, 'Lang::Japanese');
    sql('update cards set type = 2, queue = 2, due = 321, ivl = 12, factor = 2500, reps = 7, lapses = 1, "left" = 1002, mod = 1700000000, flags = 4 where id = ?', [cids[1]!]);
    const [, second] = await info(cids);
    expect(second).toMatchObject({
      cardId: cids[1], fieldOrder: 1, ord: 1, deckName: 'Lang::Japanese', question: `<style>${CSS}</style>b`,
      type: 2, queue: 2, due: 321, interval: 12, factor: 2500, reps: 7, lapses: 1, left: 1002, mod: 1700000000, flags: 4,
    });
  });

  it('gives {} for unknown ids, keeping the order of the request', async () => {
    const { cids } = await addNote('Basic', { Front: 'front', Back: 'back' });
    const out = await info([123, cids[0], 0, null, false, -5, cids[0]]);
    expect(out.map((c) => c['cardId'] ?? null)).toEqual([null, cids[0], null, null, null, null, cids[0]]);
    expect(out[0]).toEqual({});
    expect(out[2]).toEqual({});
  });

  it('gives {} for a card whose note is gone', async () => {
    const { nid, cids } = await addNote('Basic', { Front: 'front', Back: 'back' });
    sql('delete from notes where id = ?', [nid]);
    expect(await info(cids)).toEqual([{}]);
  });

  it('renders cloze cards, including one whose number was removed', async () => {
    const { nid, cids } = await addNote('Cloze', { Text: '{{c1::Canberra}} is the capital of {{c2::Australia}}', 'Back Extra': 'Back Extra' });
    await ok(ctx, 'updateNoteFields', { note: { id: nid, fields: { Text: '{{c1::Canberra}} is the capital of Australia' } } });
    const [c1, c2] = await info(cids);
    expect(c1!['question']).toMatch(/<\/style><span class="cloze" data-cloze="Canberra" data-ordinal="1">\[\.\.\.\]<\/span> is the capital of Australia$/);
    expect(c1!['answer']).toMatch(/<br>\nBack Extra$/);
    expect(c2!['question']).toMatch(/<\/style><div>No cloze 2 found on card\.\n/);
    expect(c2!['fieldOrder']).toBe(1);
  });

  it('reads cards across more than one batch of 999 ids', async () => {
    const { cids } = await addNote('Basic', { Front: 'first', Back: 'b' });
    const { cids: last } = await addNote('Basic', { Front: 'last', Back: 'b' });
    const ids = [cids[0], ...Array.from({ length: 1500 }, (_, i) => i + 1), last[0]];
    const out = await info(ids);
    expect(out).toHaveLength(1502);
    expect(out[0]!['question']).toMatch(/first$/);
    expect(out[1501]!['question']).toMatch(/last$/);
    expect(out.slice(1, 1501).every((c) => Object.keys(c).length === 0)).toBe(true);
  });

  it('names the card’s current deck, falling back to Default when that deck is gone', async () => {
    const { cids } = await addNote('Basic', { Front: 'f', Back: 'b' }, 'Somewhere');
    sql('update cards set did = 99999 where id = ?', [cids[0]!]);
    expect((await info(cids))[0]).toMatchObject({ deckName: 'Default' });
  });

  it('appends Anki’s notice when a LaTeX image is not in the media folder', async () => {
    const { cids } = await addNote('Basic', { Front: '[$$]math &amp; stuff[/$$]', Back: 'b' });
    const notice = 'LaTeX image generation is disabled in the preferences.';
    const [card] = await info(cids);
    expect(card!['question']).toMatch(/src="latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07\.png">LaTeX image generation is disabled in the preferences\.$/);
    expect(card!['answer']).toMatch(new RegExp(`<hr id=answer>\\n\\nb${notice.replaceAll('.', '\\.')}$`));
    await ctx.media.write('latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png', new Uint8Array([1]));
    const [again] = await info(cids);
    expect(again!['question']).not.toContain(notice);
    expect(again!['answer']).not.toContain(notice);
  });

  it('adds no LaTeX notice when generation is switched on', async () => {
    const { cids } = await addNote('Basic', { Front: '[latex]x[/latex]', Back: 'b' });
    col.transact(() => {
      const conf = col.col.get('conf');
      conf['renderLatex'] = true;
      col.col.save('conf', conf, col.nowMs());
    });
    expect((await info(cids))[0]!['question']).toMatch(/\.png">$/);
  });

  it('returns the template error text as the question and answer', async () => {
    const { cids } = await addNote('Basic', { Front: 'f', Back: 'b' });
    // Anki refuses such a template now, but collections made elsewhere can hold one.
    const nt = notetypeByName(col, 'Basic')!;
    nt.tmpls[0]!.qfmt = '{{Front}}{{Missing}}';
    col.transact(() => saveNotetype(col, nt));
    const [card] = await info(cids);
    expect(card!['question']).toBe(
      "<style></style>Front template has a problem:<br>Found &#x27;{{Missing}}&#x27;, but there is no field called &#x27;Missing&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More information</a>",
    );
    expect(card!['answer']).toBe(card!['question']);
    expect(card!['css']).toBe(CSS);
  });
});

describe('cardsInfo on many cards at once', () => {
  /** Cards of one note each, with the given scheduling columns (and `data`). */
  async function cardsWith(columns: Record<string, number | string>[]): Promise<number[]> {
    const cids: number[] = [];
    for (const [i, set] of columns.entries()) {
      const { cids: [cid] } = await addNote('Basic', { Front: `f${i}`, Back: 'b' });
      const names = Object.keys(set);
      sql(`update cards set ${names.map((n) => `"${n}" = ?`).join(', ')} where id = ?`, [...Object.values(set), cid!]);
      cids.push(cid!);
    }
    return cids;
  }

  const today = () => timingAt(col).daysElapsed;
  const now = () => col.nowSecs();

  async function kindsOfCards(): Promise<number[]> {
    const cids = await cardsWith([
      { type: 0, queue: 0, due: 3 },
      { type: 1, queue: 1, due: now() + 60, left: 2 },
      { type: 1, queue: 3, due: today(), left: 1 },
      { type: 2, queue: 2, due: today(), ivl: 10, factor: 2500, reps: 4 },
      { type: 2, queue: 2, due: today() + 5, ivl: 100, factor: 1800, reps: 12, lapses: 3 },
      { type: 3, queue: 1, due: now() + 300, ivl: 4, factor: 2100, left: 1, lapses: 1 },
      { type: 2, queue: -1, due: today(), ivl: 30, factor: 2500, data: '{"s":40.0,"d":3.0,"lrt":1773100000}' },
    ]);
    col.transact(() => col.db.run('insert into revlog values (?, ?, -1, 3, 4, 1, 2500, 3000, 1)', [col.nowMs() - 86_400_000, cids[3]!]));
    return cids;
  }

  it('labels every card as nextReviewLabels does, one card at a time', async () => {
    const cids = await kindsOfCards();
    const out = await info(cids);
    expect(out.map((c) => c['nextReviews'])).toEqual(cids.map((cid) => nextReviewLabels(col, cid)));
    expect(new Set(out.map((c) => String(c['nextReviews']))).size).toBeGreaterThanOrEqual(5);
  });

  it('labels every card as nextReviewLabels does under FSRS', async () => {
    const cids = await kindsOfCards();
    col.transact(() => {
      col.col.get('conf').fsrs = true;
      col.col.save('conf', col.col.get('conf'), col.nowMs());
    });
    const out = await info([...cids, cids[3]]);
    expect(out.map((c) => c['nextReviews'])).toEqual([...cids, cids[3]!].map((cid) => nextReviewLabels(col, cid)));
  });

  it('keeps a field named __proto__ as an ordinary key', async () => {
    const nt = notetypeByName(col, 'Basic')!;
    nt.flds[1]!.name = '__proto__';
    nt.tmpls[0]!.afmt = '{{FrontSide}}<hr id=answer>{{__proto__}}';
    col.transact(() => saveNotetype(col, nt));
    const { cids } = await addNote('Basic', JSON.parse('{"Front": "f", "__proto__": "b"}') as Record<string, string>);
    const [card] = await info(cids);
    const fields = card!['fields'] as Record<string, unknown>;
    expect(Object.keys(fields)).toEqual(['Front', '__proto__']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(JSON.stringify(fields)).toBe('{"Front":{"value":"f","order":0},"__proto__":{"value":"b","order":1}}');
  });

  it('names each card’s deck, also when several cards share a deck that is gone', async () => {
    const nt = notetypeByName(col, 'Basic')!;
    nt.tmpls[0]!.qfmt = '{{Front}} in {{Deck}}';
    col.transact(() => saveNotetype(col, nt));
    const { cids: a } = await addNote('Basic', { Front: 'a', Back: 'b' }, 'Here');
    const { cids: b } = await addNote('Basic', { Front: 'b', Back: 'b' }, 'There');
    const { cids: c } = await addNote('Basic', { Front: 'c', Back: 'b' }, 'There');
    const { cids: d } = await addNote('Basic', { Front: 'd', Back: 'b' }, 'Here');
    sql('update cards set did = 4242 where id in (?, ?)', [b[0]!, c[0]!]);
    const out = await info([a[0], b[0], c[0], d[0]]);
    expect(out.map((x) => x['deckName'])).toEqual(['Here', 'Default', 'Default', 'Here']);
    expect(out.map((x) => (x['question'] as string).replace(/^<style>[^]*<\/style>/, ''))).toEqual(['a in Here', 'b in (Deck)', 'c in (Deck)', 'd in Here']);
  });
});

describe('cardsInfo errors', () => {
  it('needs its parameter', async () => {
    expect(await infoError({})).toBe("AnkiConnect.cardsInfo() missing 1 required positional argument: 'cards'");
    expect(await infoError({ cards: [], extra: 1 })).toBe("AnkiConnect.cardsInfo() got an unexpected keyword argument 'extra'");
  });

  it('iterates the parameter as Python does', async () => {
    expect(await infoError({ cards: 5 })).toBe("'int' object is not iterable");
    expect(await infoError({ cards: null })).toBe("'NoneType' object is not iterable");
    expect(await info('')).toEqual([]);
    expect(await infoError({ cards: '12' })).toBe("'str' object cannot be interpreted as an integer");
  });

  it('refuses ids that are not integers', async () => {
    const { cids } = await addNote('Basic', { Front: 'f', Back: 'b' });
    expect(await infoError({ cards: [cids[0], 'abc'] })).toBe("'str' object cannot be interpreted as an integer");
    expect(await infoError({ cards: [1.5] })).toBe("'float' object cannot be interpreted as an integer");
    expect(await infoError({ cards: [[1]] })).toBe("'list' object cannot be interpreted as an integer");
  });

  it('fails like AnkiConnect on a note type that is gone, or a note with too few fields', async () => {
    const { nid, cids } = await addNote('Basic', { Front: 'f', Back: 'b' });
    sql('update notes set flds = ? where id = ?', ['only', nid]);
    expect(await infoError({ cards: cids })).toBe('list index out of range');
    sql('update notes set mid = 777 where id = ?', [nid]);
    expect(await infoError({ cards: cids })).toBe("'NoneType' object is not subscriptable");
  });

  it('fails on a card whose template is gone', async () => {
    const { cids } = await addNote('Basic', { Front: 'f', Back: 'b' });
    sql('update cards set ord = 3 where id = ?', [cids[0]!]);
    expect(await infoError({ cards: cids })).toBe('missing template');
  });

  it('changes nothing stored', async () => {
    const { cids } = await addNote('Basic', { Front: 'f', Back: 'b' });
    const before = col.db.rows('select * from cards');
    await info(cids);
    expect(col.db.rows('select * from cards')).toEqual(before);
  });
});
