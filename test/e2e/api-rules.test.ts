/**
 * AnkiConnect's HTTP and envelope rules through the whole chain: real HTTP
 * into the native host, native messaging into the extension's service
 * worker, and back.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, invoke, removeProfile, startChain, type Chain } from '../helpers/chain.ts';
import { setConfig } from '../helpers/devtools.ts';

let chain: Chain;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  chain = await startChain();
});

afterAll(async () => {
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
});

describe('banner and envelope', () => {
  it('answers GET and an empty POST with the API banner', async () => {
    const get = await http(chain.port, null, { method: 'GET', path: '/anything?x=1' });
    expect(get.status).toBe(200);
    expect(get.json()).toEqual({ apiVersion: 'AnkiConnect v.6' });
    expect(get.headers['content-type']).toBe('application/json');
    const post = await http(chain.port, '');
    expect(post.json()).toEqual({ apiVersion: 'AnkiConnect v.6' });
  });

  it('gives raw results without version or with version ≤ 4, and {result, error} from 5', async () => {
    expect(await invoke(chain.port, 'version', undefined, {})).toBe(6);
    expect(await invoke(chain.port, 'deckNames', undefined, { version: 4 })).toEqual(['Default']);
    expect(await invoke(chain.port, 'deckNames', undefined, { version: 2 })).toEqual(['Default']);
    const v6 = await http(chain.port, JSON.stringify({ action: 'version', version: 6 }));
    expect(v6.text).toBe('{"result":6,"error":null}');
    expect(await invoke(chain.port, 'version', undefined, { version: 5 })).toEqual({ result: 6, error: null });
  });

  it('always wraps errors, whatever the version', async () => {
    expect(await invoke(chain.port, 'noSuchAction', undefined, {})).toEqual({ result: null, error: 'unsupported action' });
    expect(await invoke(chain.port, 'noSuchAction', undefined, { version: 6 })).toEqual({ result: null, error: 'unsupported action' });
  });

  it('uses the Python wording for missing and unexpected parameters', async () => {
    expect(await invoke(chain.port, 'createDeck', {})).toEqual({
      result: null,
      error: "AnkiConnect.createDeck() missing 1 required positional argument: 'deck'",
    });
    expect(await invoke(chain.port, 'deckNames', { foobar: 1 })).toEqual({
      result: null,
      error: "AnkiConnect.deckNames() got an unexpected keyword argument 'foobar'",
    });
  });

  it('answers malformed bodies with an error reply, never a crash', async () => {
    const bad = await http(chain.port, '{"action": "version", ');
    expect(bad.status).toBe(200);
    expect(bad.json()).toEqual({ result: null, error: 'Expecting property name enclosed in double quotes: line 1 column 23 (char 22)' });
    expect((await http(chain.port, '[1,2]')).json()).toEqual({ result: null, error: "[1, 2] is not of type 'object'" });
    expect((await http(chain.port, '{"version":6}')).json()).toEqual({ result: null, error: "'action' is a required property" });
    expect((await http(chain.port, '{"action":1}')).json()).toEqual({ result: null, error: "1 is not of type 'string'" });
    expect((await http(chain.port, Buffer.from([0x7b, 0xe7, 0x7d]))).json()).toEqual({
      result: null,
      error: "'utf-8' codec can't decode byte 0xe7 in position 1: invalid continuation byte",
    });
    // Still serving afterwards.
    expect(await invoke(chain.port, 'version')).toEqual({ result: 6, error: null });
  });

  it('serves many requests over one keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => http(chain.port, '{"action":"version"}', { agent, headers: json })),
    );
    expect(replies.map((r) => r.text)).toEqual(Array(20).fill('6'));
    agent.destroy();
  });
});

describe('origins and preflight', () => {
  it('answers OPTIONS with the CORS headers and Private Network Access when asked', async () => {
    const r = await http(chain.port, null, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost', 'access-control-request-private-network': 'true', 'access-control-request-method': 'POST' },
    });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(r.headers['access-control-allow-origin']).toBe('http://localhost');
    expect(r.headers['access-control-allow-headers']).toBe('*');
    expect(r.headers['access-control-allow-private-network']).toBe('true');
    const plain = await http(chain.port, null, { method: 'OPTIONS' });
    expect(plain.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('admits no Origin, localhost, 127.0.0.1 and extension origins, and echoes them', async () => {
    for (const origin of ['http://localhost', 'http://127.0.0.1', 'http://127.0.0.1:3000', 'https://127.0.0.1', 'chrome-extension://abc', 'moz-extension://x', 'safari-web-extension://y']) {
      const r = await http(chain.port, '{"action":"version","version":6}', { headers: { origin } });
      expect(r.status, origin).toBe(200);
      expect(r.headers['access-control-allow-origin'], origin).toBe(origin);
    }
    const none = await http(chain.port, '{"action":"version","version":6}');
    expect(none.headers['access-control-allow-origin']).toBe('http://localhost');
  });

  it('refuses other origins with 403 and an empty body', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'https://127.0.0.1:8443', 'null']) {
      const r = await http(chain.port, '{"action":"deckNames","version":6}', { headers: { origin } });
      expect(r.status, origin).toBe(403);
      expect(r.text).toBe('');
      expect(r.headers['access-control-allow-origin']).toBe('http://localhost');
      expect(r.headers['access-control-allow-headers']).toBe('*');
    }
    const empty = await http(chain.port, '', { headers: { origin: 'https://evil.example' } });
    expect(empty.status).toBe(403);
  });

  it('answers requestPermission from any origin: granted when trusted, denied otherwise', async () => {
    const denied = await http(chain.port, '{"action":"requestPermission","version":6}', { headers: { origin: 'https://site.example' } });
    expect(denied.status).toBe(200);
    expect(denied.json()).toEqual({ result: { permission: 'denied' }, error: null });
    expect(denied.headers['access-control-allow-origin']).toBe('https://site.example');
    const granted = await http(chain.port, '{"action":"requestPermission","version":6}', { headers: { origin: 'http://localhost' } });
    expect(granted.json()).toEqual({ result: { permission: 'granted', requireApikey: false, version: 6 }, error: null });
  });
});

describe('actions of the chain', () => {
  it('creates decks with their parents and lists them in Anki order', async () => {
    const id = (await invoke(chain.port, 'createDeck', { deck: 'Japanese::Vocab::N5' })) as { result: number };
    expect(id.result).toBeGreaterThan(1_600_000_000_000);
    expect(String(id.result)).toHaveLength(13);
    const again = (await invoke(chain.port, 'createDeck', { deck: 'japanese::vocab::n5' })) as { result: number };
    expect(again.result).toBe(id.result);
    const names = (await invoke(chain.port, 'deckNames')) as { result: string[] };
    expect(names.result).toEqual(['Default', 'Japanese', 'Japanese::Vocab', 'Japanese::Vocab::N5']);
    const ids = (await invoke(chain.port, 'deckNamesAndIds')) as { result: Record<string, number> };
    expect(ids.result.Default).toBe(1);
    expect(ids.result['Japanese::Vocab::N5']).toBe(id.result);
  });

  it('runs multi with per-item versions and errors', async () => {
    const r = await invoke(chain.port, 'multi', {
      actions: [{ action: 'deckNames', params: {} }, { action: 'version', version: 6 }, { action: 'nope', version: 6 }],
    });
    expect(r).toEqual({
      result: [expect.arrayContaining(['Default']), { result: 6, error: null }, { result: null, error: 'unsupported action' }],
      error: null,
    });
  });

  it('answers the profile and reflection actions', async () => {
    expect(await invoke(chain.port, 'getProfiles')).toEqual({ result: ['User 1'], error: null });
    expect(await invoke(chain.port, 'getActiveProfile')).toEqual({ result: 'User 1', error: null });
    expect(await invoke(chain.port, 'apiReflect', { scopes: ['actions'], actions: ['version', 'nope', 'multi'] })).toEqual({
      result: { scopes: ['actions'], actions: ['version', 'multi'] },
      error: null,
    });
    expect(await invoke(chain.port, 'apiReflect', { scopes: 'actions' })).toEqual({ result: null, error: 'scopes has invalid value' });
  });

  it('reloads the collection from storage with nothing lost', async () => {
    await invoke(chain.port, 'createDeck', { deck: 'Before reload' });
    expect(await invoke(chain.port, 'reloadCollection')).toEqual({ result: null, error: null });
    const names = (await invoke(chain.port, 'deckNames')) as { result: string[] };
    expect(names.result).toContain('Before reload');
  });
});

describe('API key (configured in the extension)', () => {
  it('requires the key on every request and every multi item, except requestPermission', async () => {
    await setConfig(chain.debugPort, { apiKey: 'secret' });
    try {
      expect(await invoke(chain.port, 'version')).toEqual({ result: null, error: 'valid api key must be provided' });
      expect(await invoke(chain.port, 'version', undefined, { version: 6, key: 'secret' })).toEqual({ result: 6, error: null });
      const multi = await invoke(chain.port, 'multi', { actions: [{ action: 'version', key: 'secret' }, { action: 'version' }] }, { version: 6, key: 'secret' });
      expect(multi).toEqual({ result: [6, { result: null, error: 'valid api key must be provided' }], error: null });
      const permission = await http(chain.port, '{"action":"requestPermission","version":6}', { headers: { origin: 'http://localhost' } });
      expect(permission.json()).toEqual({ result: { permission: 'granted', requireApikey: true, version: 6 }, error: null });
    } finally {
      await setConfig(chain.debugPort, { apiKey: null });
    }
    expect(await invoke(chain.port, 'version')).toEqual({ result: 6, error: null });
  });

  it('applies a changed webCorsOriginList at once', async () => {
    await setConfig(chain.debugPort, { webCorsOriginList: ['http://localhost', 'app://obsidian.md'] });
    try {
      const r = await http(chain.port, '{"action":"version","version":6}', { headers: { origin: 'app://obsidian.md' } });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('app://obsidian.md');
    } finally {
      await setConfig(chain.debugPort, { webCorsOriginList: ['http://localhost'] });
    }
  });
});
