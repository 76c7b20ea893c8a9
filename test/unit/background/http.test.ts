/** The HTTP-level rules of web.py and the envelope rules of the handler, in Node. */
import { beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../shared/base64.ts';
import type { HttpRequestMessage } from '../../../shared/messages.ts';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { handleRequest } from '../../../extension/background/handler.ts';
import { API_BANNER, bodyText, respond } from '../../../extension/background/http.ts';
import { decideOrigin } from '../../../extension/background/origin.ts';
import { checkRequestSchema } from '../../../extension/background/request-schema.ts';
import { contextFor, newCollection } from '../../helpers/builders.ts';

let ctx: ActionContext;
let origins: string[];

beforeEach(async () => {
  ctx = contextFor(await newCollection());
  origins = ['http://localhost'];
});

function msg(body: string | Uint8Array, o: Partial<HttpRequestMessage> = {}): HttpRequestMessage {
  // The host sends valid UTF-8 as text and anything else as base64.
  if (typeof body === 'string') return { type: 'request', id: 7, method: 'POST', path: '/', headers: {}, body, encoding: 'utf8', ...o };
  return { type: 'request', id: 7, method: 'POST', path: '/', headers: {}, body: bytesToBase64(body), encoding: 'base64', ...o };
}

const api = () => ({ corsOriginList: () => origins, handle: (r: unknown) => handleRequest(ctx, r) });
/** The reply with its body as text (an action's result comes as UTF-8 bytes). */
const send = async (body: string | Uint8Array, o: Partial<HttpRequestMessage> = {}) => {
  const r = await respond(msg(body, o), api());
  return { ...r, body: bodyText(r.body) };
};
const body = async (b: string, o: Partial<HttpRequestMessage> = {}) => JSON.parse((await send(b, o)).body!);

describe('origin rule', () => {
  it.each([
    [undefined, true, 'http://localhost'],
    ['http://localhost', true, 'http://localhost'],
    ['http://127.0.0.1', true, 'http://127.0.0.1'],
    ['https://127.0.0.1', true, 'https://127.0.0.1'],
    ['http://127.0.0.1:5000', true, 'http://127.0.0.1:5000'],
    ['https://127.0.0.1:5000', false, 'http://localhost'],
    ['http://localhost:3000', false, 'http://localhost'],
    ['chrome-extension://abcdef', true, 'chrome-extension://abcdef'],
    ['moz-extension://uuid', true, 'moz-extension://uuid'],
    ['safari-web-extension://x', true, 'safari-web-extension://x'],
    ['null', false, 'http://localhost'],
    ['https://example.com', false, 'http://localhost'],
  ])('%s → allowed %s, ACAO %s', (origin, allowed, cors) => {
    expect(decideOrigin(origin, ['http://localhost'])).toEqual({ allowed, corsOrigin: cors });
  });

  it('admits only listed origins when localhost is not listed, and everything with *', () => {
    expect(decideOrigin('chrome-extension://x', ['https://a.example']).allowed).toBe(false);
    expect(decideOrigin('https://a.example', ['https://a.example'])).toEqual({ allowed: true, corsOrigin: 'https://a.example' });
    expect(decideOrigin('https://b.example', ['*'])).toEqual({ allowed: true, corsOrigin: '*' });
    expect(decideOrigin(undefined, ['*'])).toEqual({ allowed: true, corsOrigin: '*' });
  });
});

describe('request schema (jsonschema first lines)', () => {
  it.each([
    [{ action: 'x' }, null],
    [{ action: 'x', version: 6, params: {} }, null],
    [[], "[] is not of type 'object'"],
    ['s', "'s' is not of type 'object'"],
    [null, "None is not of type 'object'"],
    [{}, "'action' is a required property"],
    [{ action: '' }, "'' should be non-empty"],
    [{ action: 3 }, "3 is not of type 'string'"],
    [{ action: 'x', version: '6' }, "'6' is not of type 'integer'"],
    [{ action: 'x', version: 6.5 }, "6.5 is not of type 'integer'"],
    [{ action: 'x', params: [] }, "[] is not of type 'object'"],
    [{ action: 'x', params: null }, "None is not of type 'object'"],
  ])('%j → %s', (value, error) => {
    expect(checkRequestSchema(value)).toBe(error);
  });
});

describe('HTTP replies', () => {
  it('answers an empty body with the banner and OPTIONS with an empty 200', async () => {
    expect((await send('')).body).toBe(API_BANNER);
    const pre = await send('', { method: 'OPTIONS', headers: { origin: 'http://localhost', 'access-control-request-private-network': 'true' } });
    expect(pre).toMatchObject({ status: 200, body: '', headers: { 'Access-Control-Allow-Private-Network': 'true', 'Access-Control-Allow-Headers': '*' } });
  });

  it('sets exactly the AnkiConnect headers', async () => {
    const r = await send('{"action":"version"}', { headers: { origin: 'chrome-extension://yomitan' } });
    expect(r.headers).toEqual({
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': 'chrome-extension://yomitan',
      'Access-Control-Allow-Headers': '*',
    });
    expect(r.body).toBe('6');
  });

  it('refuses a foreign origin with 403 and no body, even for a bad body', async () => {
    for (const b of ['{"action":"version"}', '', 'not json']) {
      const r = await send(b, { headers: { origin: 'https://evil.example' } });
      expect(r.status).toBe(403);
      expect(r.body).toBeNull();
      expect(r.headers).toEqual({ 'Access-Control-Allow-Origin': 'http://localhost', 'Access-Control-Allow-Headers': '*' });
    }
  });

  it('gives requestPermission its origin and allowed flag, and the caller origin as ACAO when denied', async () => {
    const denied = await send('{"action":"requestPermission","version":6}', { headers: { origin: 'https://site.example' } });
    expect(denied.status).toBe(200);
    expect(denied.headers['Access-Control-Allow-Origin']).toBe('https://site.example');
    expect(JSON.parse(denied.body!)).toEqual({ result: { permission: 'denied' }, error: null });
    expect(await body('{"action":"requestPermission","version":6,"params":{"origin":"x","allowed":true}}', { headers: { origin: 'https://site.example' } })).toEqual({
      result: { permission: 'denied' },
      error: null,
    });
    expect(await body('{"action":"requestPermission"}')).toEqual({ permission: 'granted', requireApikey: false, version: 6 });
  });

  it('reports bad UTF-8 and bad JSON with Python texts', async () => {
    expect(await body('{"action": }')).toEqual({ result: null, error: 'Expecting value: line 1 column 12 (char 11)' });
    expect(JSON.parse((await send(new Uint8Array([0x22, 0xff, 0x22]))).body!)).toEqual({
      result: null,
      error: "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
    });
    expect(await body('{"version": 6}')).toEqual({ result: null, error: "'action' is a required property" });
  });
});

describe('the handler', () => {
  const run = (request: unknown, settings = {}) => handleRequest({ ...ctx, ...(settings ? { settings: { ...ctx.settings, ...settings } } : {}) }, request);

  it('shapes replies by version: missing or ≤ 4 raw, ≥ 5 wrapped; errors always wrapped', async () => {
    expect(await run({ action: 'version' })).toBe(6);
    expect(await run({ action: 'version', version: 4 })).toBe(6);
    expect(await run({ action: 'version', version: 5 })).toEqual({ result: 6, error: null });
    expect(await run({ action: 'getActiveProfile', version: 6 })).toEqual({ result: 'User 1', error: null });
    expect(await run({ action: 'nope', version: 2 })).toEqual({ result: null, error: 'unsupported action' });
    expect(await run({ action: 'version', version: '6' })).toEqual({ result: null, error: "'<=' not supported between instances of 'str' and 'int'" });
    expect(await run({ action: 'version', version: null })).toEqual({ result: null, error: "'<=' not supported between instances of 'NoneType' and 'int'" });
  });

  it('applies Python argument rules: unexpected first, then missing', async () => {
    expect(await run({ action: 'createDeck', version: 6, params: { wrong: 1 } })).toEqual({
      result: null,
      error: "AnkiConnect.createDeck() got an unexpected keyword argument 'wrong'",
    });
    expect(await run({ action: 'requestPermission', version: 6 })).toEqual({
      result: null,
      error: "AnkiConnect.requestPermission() missing 2 required positional arguments: 'origin' and 'allowed'",
    });
    expect(await run({ action: 'multi', version: 6, params: [] })).toEqual({
      result: null,
      error: 'AnkiConnect.multi() argument after ** must be a mapping, not list',
    });
  });

  it('checks the API key with Python equality, except for requestPermission', async () => {
    expect(await run({ action: 'version', key: 'k' })).toEqual({ result: null, error: 'valid api key must be provided' });
    expect(await run({ action: 'version', key: 'k' }, { apiKey: 'k' })).toBe(6);
    expect(await run({ action: 'version', key: 1 }, { apiKey: true })).toBe(6);
    expect(await run({ action: 'version' }, { apiKey: 'k' })).toEqual({ result: null, error: 'valid api key must be provided' });
    expect(await run({ action: 'requestPermission', params: { origin: '', allowed: true } }, { apiKey: 'k' })).toEqual({
      permission: 'granted',
      requireApikey: true,
      version: 6,
    });
  });

  it('runs multi items through the whole handler, and fails it whole on a non-object item', async () => {
    expect(await run({ action: 'multi', version: 6, params: { actions: [{ action: 'version' }, { action: 'version', version: 6 }, { action: 'x' }] } })).toEqual({
      result: [6, { result: 6, error: null }, { result: null, error: 'unsupported action' }],
      error: null,
    });
    expect(await run({ action: 'multi', version: 6, params: { actions: [{ action: 'version' }, 3] } })).toEqual({
      result: null,
      error: "'int' object has no attribute 'get'",
    });
    expect(await run({ action: 'multi', version: 6, params: { actions: 5 } })).toEqual({ result: null, error: "'int' object is not iterable" });
    expect(await run({ action: 'multi', version: 6, params: { actions: [] } })).toEqual({ result: [], error: null });
  });

  it('reflects the action list', async () => {
    const all = (await run({ action: 'apiReflect', params: { scopes: ['actions'] } })) as { actions: string[] };
    expect(all.actions).toEqual([...all.actions].sort());
    expect(all.actions).toEqual(expect.arrayContaining(['version', 'multi', 'deckNames', 'createDeck', 'getProfiles', 'reloadCollection']));
    expect(await run({ action: 'apiReflect', params: { scopes: [], actions: null } })).toEqual({ scopes: [] });
    expect(await run({ action: 'apiReflect', params: { scopes: ['actions'], actions: 'x' }, version: 6 })).toEqual({ result: null, error: 'actions has invalid value' });
  });
});
