/**
 * Media through the whole chain: storeMediaFile with data, path and url,
 * skipHash and deleteExisting; retrieveMediaFile byte-exact up to 50 MB;
 * glob listing; deletion; the real media folder the host keeps (its files
 * equal the stored ones, and a file dropped there becomes available); a
 * note carrying audio and a picture; media surviving a restart.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, removeProfile, startChain, type Chain } from '../helpers/chain.ts';

let chain: Chain;
let server: Server;
let base: string;
let temp: string;

async function api(action: string, params: Record<string, unknown> = {}): Promise<{ result: unknown; error: string | null }> {
  const r = await http(chain.port, JSON.stringify({ action, version: 6, params }), { headers: { 'content-type': 'application/json' } });
  expect(r.status).toBe(200);
  return r.json() as { result: unknown; error: string | null };
}
async function ok<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
  const r = await api(action, params);
  if (r.error !== null) throw new Error(`${action}: ${r.error}`);
  return r.result as T;
}

const b64 = (b: string | Buffer) => Buffer.from(b).toString('base64');
const md5 = (b: string | Buffer) => createHash('md5').update(b).digest('hex');
const pattern = (n: number, seed: number) => {
  const out = Buffer.allocUnsafe(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
};
async function eventually(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'acb-media-e2e-'));
  server = createServer((req, res) => {
    if (req.url === '/sound.mp3') res.end('sound from the web');
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  chain = await startChain();
});
afterAll(async () => {
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
  await new Promise((r) => server?.close(r));
  rmSync(temp, { recursive: true, force: true });
});

describe('storeMediaFile and retrieveMediaFile', () => {
  it('stores data, a path and a url', async () => {
    expect(await ok('storeMediaFile', { filename: 'data.txt', data: b64('from data') })).toBe('data.txt');
    const path = join(temp, 'from-disk.mp3');
    writeFileSync(path, 'from a path');
    expect(await ok('storeMediaFile', { filename: 'path.mp3', path })).toBe('path.mp3');
    expect(await ok('storeMediaFile', { filename: 'url.mp3', url: `${base}/sound.mp3` })).toBe('url.mp3');
    expect(await ok('retrieveMediaFile', { filename: 'data.txt' })).toBe(b64('from data'));
    expect(await ok('retrieveMediaFile', { filename: 'path.mp3' })).toBe(b64('from a path'));
    expect(await ok('retrieveMediaFile', { filename: 'url.mp3' })).toBe(b64('sound from the web'));
  });

  it('reports a missing path and a failed download with AnkiConnect’s texts', async () => {
    const missing = join(temp, 'none.mp3');
    expect(await api('storeMediaFile', { filename: 'x.mp3', path: missing })).toEqual({ result: null, error: `[Errno 2] No such file or directory: '${missing}'` });
    expect(await api('storeMediaFile', { filename: 'x.mp3', url: `${base}/missing.mp3` })).toEqual({
      result: null,
      error: `${base}/missing.mp3 download failed with return code 404`,
    });
    expect(await api('retrieveMediaFile', { filename: 'x.mp3' })).toEqual({ result: false, error: null });
  });

  it('skips on a matching skipHash, and renames instead of replacing with deleteExisting false', async () => {
    expect(await api('storeMediaFile', { filename: 'skip.txt', data: b64('same'), skipHash: md5('same') })).toEqual({ result: null, error: null });
    expect(await ok('retrieveMediaFile', { filename: 'skip.txt' })).toBe(false);
    expect(await ok('storeMediaFile', { filename: 'keep.txt', data: b64('first') })).toBe('keep.txt');
    const renamed = await ok<string>('storeMediaFile', { filename: 'keep.txt', data: b64('second'), deleteExisting: false });
    expect(renamed).toBe(`keep-${createHash('sha1').update('second').digest('hex')}.txt`);
    expect(await ok('retrieveMediaFile', { filename: 'keep.txt' })).toBe(b64('first'));
    expect(await ok('storeMediaFile', { filename: 'keep.txt', data: b64('third') })).toBe('keep.txt');
    expect(await ok('retrieveMediaFile', { filename: 'keep.txt' })).toBe(b64('third'));
  });

  it('stores 10 MB and returns 50 MB byte-exact', async () => {
    const ten = pattern(10 * 1024 * 1024, 1);
    const started = performance.now();
    expect(await ok('storeMediaFile', { filename: 'ten.bin', data: b64(ten) })).toBe('ten.bin');
    console.log(`storeMediaFile of 10 MB through the chain: ${Math.round(performance.now() - started)} ms`);
    const fifty = pattern(50 * 1024 * 1024, 2);
    expect(await ok('storeMediaFile', { filename: 'fifty.bin', data: b64(fifty) })).toBe('fifty.bin');
    const back = await ok<string>('retrieveMediaFile', { filename: 'fifty.bin' });
    expect(Buffer.from(back, 'base64').equals(fifty)).toBe(true);
    expect(Buffer.from(await ok<string>('retrieveMediaFile', { filename: 'ten.bin' }), 'base64').equals(ten)).toBe(true);
  }, 300_000);
});

describe('listing and deleting', () => {
  it('lists with a glob and deletes', async () => {
    for (const n of [1, 2]) await ok('storeMediaFile', { filename: `glob-${n}.png`, data: b64(`g${n}`) });
    expect(((await ok<string[]>('getMediaFilesNames', { pattern: 'glob-*' })) ?? []).sort()).toEqual(['glob-1.png', 'glob-2.png']);
    expect(await ok('getMediaFilesNames', { pattern: '*.nothing' })).toEqual([]);
    expect(await api('deleteMediaFile', { filename: 'glob-1.png' })).toEqual({ result: null, error: null });
    expect(await ok('getMediaFilesNames', { pattern: 'glob-*' })).toEqual(['glob-2.png']);
    expect(await ok('retrieveMediaFile', { filename: 'glob-1.png' })).toBe(false);
  });
});

describe('the real media folder', () => {
  it('is the profile’s folder, holding exactly the stored files', async () => {
    const dir = await ok<string>('getMediaDirPath');
    expect(dir).toBe(join(chain.profileDir, 'collection.media'));
    const names = (await ok<string[]>('getMediaFilesNames')).sort();
    expect(names).toContain('ten.bin');
    await eventually(() => JSON.stringify(readdirSync(dir).filter((n) => !n.startsWith('.')).sort()) === JSON.stringify(names));
    for (const name of names) {
      expect(md5(readFileSync(join(dir, name)))).toBe(md5(Buffer.from(await ok<string>('retrieveMediaFile', { filename: name }), 'base64')));
    }
    expect(existsSync(join(dir, 'glob-1.png'))).toBe(false);
  }, 120_000);

  it('makes a file a client writes there available without a restart', async () => {
    const dir = await ok<string>('getMediaDirPath');
    const bytes = pattern(300_000, 3);
    writeFileSync(join(dir, 'dropped-by-mpvacious.mp3'), bytes);
    await eventually(async () => (await ok<string[]>('getMediaFilesNames', { pattern: 'dropped-*' })).length === 1);
    expect(Buffer.from(await ok<string>('retrieveMediaFile', { filename: 'dropped-by-mpvacious.mp3' }), 'base64').equals(bytes)).toBe(true);
    rmSync(join(dir, 'dropped-by-mpvacious.mp3'));
    await eventually(async () => (await ok<string[]>('getMediaFilesNames', { pattern: 'dropped-*' })).length === 0);
  });
});

describe('media on notes', () => {
  it('adds a note with audio and a picture', async () => {
    const id = await ok<number>('addNote', {
      note: {
        deckName: 'Default',
        modelName: 'Basic',
        fields: { Front: '猫', Back: 'cat' },
        audio: [{ url: `${base}/sound.mp3`, filename: 'neko.mp3', skipHash: 'not-its-md5', fields: ['Front'] }],
        picture: { data: b64('png bytes'), filename: 'neko.png', fields: ['Back'] },
      },
    });
    const [info] = await ok<{ fields: Record<string, { value: string }> }[]>('notesInfo', { notes: [id] });
    expect(info!.fields.Front!.value).toBe('猫[sound:neko.mp3]');
    expect(info!.fields.Back!.value).toBe('cat<img src="neko.png">');
    expect(await ok('retrieveMediaFile', { filename: 'neko.mp3' })).toBe(b64('sound from the web'));
    expect(await ok('retrieveMediaFile', { filename: 'neko.png' })).toBe(b64('png bytes'));
  });
});

describe('after a restart', () => {
  it('still has every file', async () => {
    const before = (await ok<string[]>('getMediaFilesNames')).sort();
    await chain.stop();
    chain = await startChain({ profileDir: chain.profileDir });
    expect((await ok<string[]>('getMediaFilesNames')).sort()).toEqual(before);
    expect(await ok('retrieveMediaFile', { filename: 'neko.png' })).toBe(b64('png bytes'));
  }, 180_000);
});
