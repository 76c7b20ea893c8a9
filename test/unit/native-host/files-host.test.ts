/** File messages through the real host process: routing, large replies in chunks, folder news. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReplyMessage, MediaChangedMessage } from '../../../shared/messages.ts';
import { HostProcess } from './host-process.ts';

let root: string;
let dir: string;
let host: HostProcess;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'acb-host-files-'));
  dir = join(root, 'collection.media');
  host = new HostProcess({ env: { ACB_MEDIA_DIR: dir } });
});
afterAll(async () => {
  await host?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the host’s file bridge', () => {
  it('answers file requests by id, a large read in chunks, byte-exact', async () => {
    const bytes = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7) & 255));
    const path = join(root, 'big.bin');
    writeFileSync(path, bytes);
    host.send({ type: 'file', id: 7, op: 'read', path });
    const reply = await host.next<FileReplyMessage>('file-reply');
    expect(reply.id).toBe(7);
    expect(reply.error).toBeNull();
    expect(Buffer.from(reply.data!, 'base64').equals(bytes)).toBe(true);
    expect(Math.max(...host.frameLengths)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('writes a large file sent in chunks', async () => {
    const bytes = Buffer.alloc(2 * 1024 * 1024, 0xab);
    const path = join(root, 'written.bin');
    host.send({ type: 'file', id: 8, op: 'write', path, data: bytes.toString('base64') });
    expect(await host.next<FileReplyMessage>('file-reply')).toEqual({ type: 'file-reply', id: 8, error: null });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('keeps the media folder named by ACB_MEDIA_DIR and reports what others put there', async () => {
    host.send({ type: 'file', id: 9, op: 'media-list' });
    expect(await host.next<FileReplyMessage>('file-reply')).toMatchObject({ id: 9, error: null, dir, files: [] });
    host.send({ type: 'file', id: 10, op: 'media-write', name: 'own.mp3', data: Buffer.from('own').toString('base64'), mtime: 1_000_000 });
    expect(await host.next<FileReplyMessage>('file-reply')).toMatchObject({ id: 10, stat: { name: 'own.mp3', size: 3, mtime: 1_000_000 } });
    writeFileSync(join(dir, 'dropped.png'), 'from mpvacious');
    const news = await host.next<MediaChangedMessage>('media-changed', 20_000);
    expect(news.changed.map((f) => f.name)).toEqual(['dropped.png']);
    expect(news.removed).toEqual([]);
  });

  it('answers a missing file with ENOENT', async () => {
    host.send({ type: 'file', id: 11, op: 'read', path: join(root, 'none') });
    expect((await host.next<FileReplyMessage>('file-reply')).error).toMatchObject({ code: 'ENOENT', errno: 2 });
  });

  it('serves the extension raw bytes on its HTTP port with the token, and forwards everything else', async () => {
    host.config(0);
    const status = await host.nextStatus();
    host.send({ type: 'file', id: 12, op: 'media-dir' });
    const { token } = await host.next<FileReplyMessage>('file-reply');
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const base = `http://127.0.0.1:${status.port}`;
    const put = await fetch(`${base}/_acb/media/raw.bin?mtime=2000000`, { method: 'PUT', body: Buffer.from([0, 1, 2, 255]), headers: { 'x-acb-file-token': token! } });
    expect(await put.json()).toEqual({ stat: { name: 'raw.bin', size: 4, mtime: 2_000_000 } });
    expect([...readFileSync(join(dir, 'raw.bin'))]).toEqual([0, 1, 2, 255]);
    const wrong = await fetch(`${base}/_acb/media/raw.bin`, { headers: { 'x-acb-file-token': 'nope' } });
    expect(wrong.status).toBe(403);
    const api = fetch(`${base}/_acb/media/raw.bin`, { method: 'POST', body: '{"action":"version"}' });
    const forwarded = await host.next<{ path: string; id: number }>('request');
    expect(forwarded.path).toBe('/_acb/media/raw.bin');
    host.respond(forwarded.id, 200, { 'Content-Type': 'application/json' }, '6');
    expect(await (await api).text()).toBe('6');
  });
});
