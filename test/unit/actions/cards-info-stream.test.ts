/**
 * cardsInfo made card by card while its reply is written (StreamedList): the
 * bytes are exactly those of the whole list made first, whatever the cards,
 * and whatever cannot be streamed (LaTeX whose notice needs the media, multi)
 * is answered the ordinary way.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { StreamedList } from '../../../extension/actions/streamed-list.ts';
import { handleRequest } from '../../../extension/background/handler.ts';
import { bodyText, respond } from '../../../extension/background/http.ts';
import { jsonBytes } from '../../../extension/background/json-bytes.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { toJson } from '../../../extension/collection/json.ts';
import { notetypeByName, saveNotetype } from '../../../extension/collection/notetypes/lookup.ts';
import { contextFor, newCollection, ok } from '../../helpers/builders.ts';

let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  col = await newCollection();
  ctx = contextFor(col);
});

const request = (params: unknown) => ({ action: 'cardsInfo', version: 6, params });

/** The reply body through the HTTP path, with streaming allowed as the service allows it. */
async function streamedBody(params: unknown): Promise<string> {
  const api = {
    corsOriginList: () => ['http://localhost'],
    handle: (r: unknown, stream: boolean) => handleRequest({ ...ctx, streamReplies: stream }, r),
  };
  const msg = { type: 'request' as const, id: 1, method: 'POST', path: '/', headers: {}, body: JSON.stringify(request(params)), encoding: 'utf8' as const };
  return bodyText((await respond(msg, api)).body)!;
}

const eagerBody = async (params: unknown) => toJson(await handleRequest(ctx, request(params)));

async function addNote(modelName: string, fields: Record<string, string>): Promise<number[]> {
  const nid = await ok<number>(ctx, 'addNote', { note: { deckName: 'Default', modelName, fields } });
  return col.db.column<number>('select id from cards where nid = ? order by ord', [nid]);
}

describe('cardsInfo streamed into its reply', () => {
  it('writes exactly the bytes of the whole list, cards made one at a time', async () => {
    const cids = [
      ...(await addNote('Basic', { Front: '日本語 "q" \\ <b>x</b>', Back: 'back 😀' })),
      ...(await addNote('Basic (and reversed card)', { Front: 'a', Back: 'b' })),
      ...(await addNote('Cloze', { Text: '{{c1::one}} {{c2::two::hint}}', 'Back Extra': '' })),
    ];
    const params = { cards: [...cids, 12345, 0, cids[0]!] };
    const streamed = await handleRequest({ ...ctx, streamReplies: true }, request(params));
    expect((streamed as { result: unknown }).result).toBeInstanceOf(StreamedList);
    expect(Buffer.from(jsonBytes(streamed)).toString('utf8')).toBe(await eagerBody(params));
    expect(await streamedBody(params)).toBe(await eagerBody(params));
    expect(JSON.parse(await streamedBody(params)).result).toHaveLength(params.cards.length);
  });

  it('writes a card whose template has an error as the whole list does', async () => {
    const cids = await addNote('Basic', { Front: 'f', Back: 'b' });
    const nt = notetypeByName(col, 'Basic')!;
    nt.tmpls[0]!.qfmt = '{{Front}} {{text:Nope}}';
    col.transact(() => saveNotetype(col, nt));
    const body = await streamedBody({ cards: cids });
    expect(body).toContain('there is no field called');
    expect(body).toBe(await eagerBody({ cards: cids }));
  });

  it('answers a bad id with the same error either way', async () => {
    const cids = await addNote('Basic', { Front: 'f', Back: 'b' });
    for (const cards of [[cids[0], 'x'], 'ab', 5, [1.5]]) {
      const body = await streamedBody({ cards });
      expect(JSON.parse(body).error).toBeTruthy();
      expect(body).toBe(await eagerBody({ cards }));
    }
  });

  it('does not stream cards whose LaTeX needs a notice, and gives the notice', async () => {
    const cids = await addNote('Basic', { Front: '[$$]x[/$$]', Back: 'b' });
    const result = await handleRequest({ ...ctx, streamReplies: true }, request({ cards: cids }));
    expect((result as { result: unknown }).result).toBeInstanceOf(Array);
    const body = await streamedBody({ cards: cids });
    expect(body).toContain('LaTeX image generation is disabled');
    expect(body).toBe(await eagerBody({ cards: cids }));
  });

  it('starts over without streaming when LaTeX appears only once a filter has run', async () => {
    await ok(ctx, 'updateModelTemplates', { model: { name: 'Basic', templates: { 'Card 1': { Front: '{{text:Front}}', Back: '{{FrontSide}}' } } } });
    const cids = await addNote('Basic', { Front: '[la<b></b>tex]y[/la<b></b>tex]', Back: 'b' });
    const streamed = await handleRequest({ ...ctx, streamReplies: true }, request({ cards: cids }));
    expect((streamed as { result: unknown }).result).toBeInstanceOf(StreamedList);
    const body = await streamedBody({ cards: cids });
    expect(body).toContain('LaTeX image generation is disabled');
    expect(body).toBe(await eagerBody({ cards: cids }));
  });

  it('makes the whole list inside multi', async () => {
    const cids = await addNote('Basic', { Front: 'f', Back: 'b' });
    const multi = { action: 'multi', version: 6, params: { actions: [request({ cards: cids })] } };
    const result = (await handleRequest({ ...ctx, streamReplies: true }, multi)) as { result: { result: unknown }[] };
    expect(result.result[0]!.result).toBeInstanceOf(Array);
  });

  it('gives the whole list to anything else that serialises it', async () => {
    const cids = await addNote('Basic', { Front: 'f', Back: 'b' });
    const streamed = await handleRequest({ ...ctx, streamReplies: true }, request({ cards: cids }));
    expect(JSON.stringify(streamed)).toBe(await eagerBody({ cards: cids }));
  });
});
