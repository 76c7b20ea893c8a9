/** The host's HTTP file access for the extension (raw bytes, token-guarded), in-process. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_STAT_HEADER, FILE_TOKEN_HEADER } from '../../../shared/messages.ts';
import { FileHttp } from '../../../native-host/src/file-http.ts';
import { MediaFolder } from '../../../native-host/src/media-folder.ts';

let root: string;
let dir: string;
let folder: MediaFolder;
let files: FileHttp;
let server: Server;
let base: string;
let forwarded: string[];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'acb-file-http-'));
  dir = join(root, 'collection.media');
  folder = new MediaFolder(dir, () => undefined, { rescanMs: 0 });
  files = new FileHttp(folder);
  forwarded = [];
  server = createServer((req, res) => {
    if (files.serve(req, res)) return;
    forwarded.push(req.url ?? '');
    res.end('forwarded');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  folder.close();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

const call = (path: string, init: RequestInit = {}, token: string | null = files.token) =>
  fetch(base + path, { ...init, headers: token === null ? {} : { [FILE_TOKEN_HEADER]: token } });

describe('FileHttp', () => {
  it('writes and reads media files as raw bytes, with the stat and md5', async () => {
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 17) & 255));
    const put = await call('/_acb/media/a%20b.mp3?mtime=1700000000456', { method: 'PUT', body: bytes });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ stat: { name: 'a b.mp3', size: bytes.length, mtime: 1_700_000_000_456 } });
    expect(readFileSync(join(dir, 'a b.mp3')).equals(bytes)).toBe(true);
    expect(Math.round(statSync(join(dir, 'a b.mp3')).mtimeMs)).toBe(1_700_000_000_456);
    const get = await call('/_acb/media/a%20b.mp3');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(JSON.parse(get.headers.get(FILE_STAT_HEADER)!)).toEqual({
      name: 'a b.mp3',
      size: bytes.length,
      mtime: 1_700_000_000_456,
      md5: createHash('md5').update(bytes).digest('hex'),
    });
  });

  it('reads and writes files anywhere', async () => {
    const path = join(root, 'deck.apkg');
    expect((await call(`/_acb/file?path=${encodeURIComponent(path)}`, { method: 'PUT', body: 'zip bytes' })).status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe('zip bytes');
    writeFileSync(path, 'other');
    expect(await (await call(`/_acb/file?path=${encodeURIComponent(path)}`)).text()).toBe('other');
  });

  it('answers failures as JSON with the code, errno and path', async () => {
    const missing = join(root, 'none.apkg');
    const r = await call(`/_acb/file?path=${encodeURIComponent(missing)}`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ code: 'ENOENT', errno: 2, path: missing });
    await folder.ensure();
    expect(await (await call('/_acb/media/none.mp3')).json()).toMatchObject({ code: 'ENOENT', errno: 2 });
    const bad = await call('/_acb/media/..', { method: 'PUT', body: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'EINVAL' });
    expect((await call('/_acb/other')).status).toBe(400);
  });

  it('refuses a wrong token and leaves requests without one to the forwarder', async () => {
    const wrong = await call('/_acb/media/x', {}, 'f'.repeat(64));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'EBADTOKEN' });
    expect((await call('/_acb/media/x', {}, 'short')).status).toBe(403);
    expect(await (await call('/_acb/media/x', { method: 'POST', body: '{}' }, null)).text()).toBe('forwarded');
    expect(forwarded).toEqual(['/_acb/media/x']);
  });

  it('has a new token for every host', () => {
    expect(files.token).toMatch(/^[0-9a-f]{64}$/);
    expect(new FileHttp(folder).token).not.toBe(files.token);
  });
});
