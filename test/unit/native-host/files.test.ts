/** The host's file service and media folder, in-process over a temporary folder. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileReplyMessage, FileRequestMessage, FileOperation } from '../../../shared/messages.ts';
import { FileService } from '../../../native-host/src/files.ts';
import { MediaFolder, mediaDirFromEnv, type FolderChanges } from '../../../native-host/src/media-folder.ts';

let root: string;
let dir: string;
let folder: MediaFolder;
let service: FileService;
let replies: FileReplyMessage[];
let changes: FolderChanges[];
let nextId = 1;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'acb-files-'));
  dir = join(root, 'collection.media');
  replies = [];
  changes = [];
  folder = new MediaFolder(dir, (c) => changes.push(c), { debounceMs: 30, rescanMs: 0 });
  service = new FileService(folder, (r) => replies.push(r));
});
afterEach(() => {
  folder.close();
  rmSync(root, { recursive: true, force: true });
});

async function run(op: FileOperation): Promise<FileReplyMessage> {
  const request = { type: 'file', id: nextId++, ...op } as FileRequestMessage;
  await service.handle(request);
  const reply = replies.find((r) => r.id === request.id);
  if (!reply) throw new Error('no reply');
  return reply;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('mediaDirFromEnv', () => {
  it('takes ACB_MEDIA_DIR, else a folder under XDG_DATA_HOME or ~/.local/share', () => {
    expect(mediaDirFromEnv({ ACB_MEDIA_DIR: '/x/y/collection.media' })).toBe('/x/y/collection.media');
    expect(mediaDirFromEnv({ XDG_DATA_HOME: '/data' })).toBe('/data/anki-connect-browser/collection.media');
    expect(mediaDirFromEnv({ HOME: '/home/u' })).toMatch(/\/\.local\/share\/anki-connect-browser\/collection\.media$/);
  });
});

describe('FileService: files anywhere', () => {
  it('reads and writes a file as base64, byte-exact', async () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 13) & 255));
    const path = join(root, 'out.bin');
    expect(await run({ op: 'write', path, data: b64(bytes) })).toEqual({ type: 'file-reply', id: expect.any(Number), error: null });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(Buffer.from((await run({ op: 'read', path })).data!, 'base64').equals(bytes)).toBe(true);
  });

  it('gives the code, errno and path of a failure', async () => {
    const missing = join(root, 'nope', 'x.apkg');
    expect((await run({ op: 'read', path: missing })).error).toMatchObject({ code: 'ENOENT', errno: 2, path: missing });
    expect((await run({ op: 'read', path: root })).error).toMatchObject({ code: 'EISDIR', errno: 21, path: root });
    expect((await run({ op: 'write', path: missing, data: '' })).error).toMatchObject({ code: 'ENOENT', errno: 2 });
    expect((await run({ op: 'read', path: '' })).error).toMatchObject({ code: 'ENOENT', errno: 2, path: '' });
    expect((await run({ op: 'bogus' } as unknown as FileOperation)).error).toMatchObject({ code: 'EINVAL' });
  });
});

describe('FileService: the media folder', () => {
  it('creates the folder and names it', async () => {
    expect(existsSync(dir)).toBe(false);
    expect((await run({ op: 'media-dir' })).dir).toBe(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('writes with the given mtime, reads back with md5, lists and removes into media.trash', async () => {
    const w = await run({ op: 'media-write', name: 'a.mp3', data: b64('audio'), mtime: 1_700_000_000_123 });
    expect(w.error).toBeNull();
    expect(w.stat).toEqual({ name: 'a.mp3', size: 5, mtime: 1_700_000_000_123 });
    expect(Math.round(statSync(join(dir, 'a.mp3')).mtimeMs)).toBe(1_700_000_000_123);
    const r = await run({ op: 'media-read', name: 'a.mp3' });
    expect(Buffer.from(r.data!, 'base64').toString()).toBe('audio');
    expect(r.md5).toBe('a5ca0b5894324f8bb54bb9fffad29d1e'); // md5 of 'audio'
    expect(r.stat).toEqual(w.stat);
    const list = await run({ op: 'media-list' });
    expect(list.dir).toBe(dir);
    expect(list.files).toEqual([{ name: 'a.mp3', size: 5, mtime: 1_700_000_000_123 }]);
    expect((await run({ op: 'media-remove', name: 'a.mp3' })).error).toBeNull();
    expect(existsSync(join(dir, 'a.mp3'))).toBe(false);
    expect(readFileSync(join(root, 'media.trash', 'a.mp3'), 'utf8')).toBe('audio');
    expect((await run({ op: 'media-remove', name: 'a.mp3' })).error).toBeNull();
  });

  it('leaves no temporary file behind and lists only plain files', async () => {
    await run({ op: 'media-write', name: 'b.png', data: b64('png'), mtime: 1000 });
    writeFileSync(join(dir, '.acb-abc123.tmp'), 'half');
    await run({ op: 'media-dir' });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'subdir'));
    expect((await run({ op: 'media-list' })).files!.map((f) => f.name)).toEqual(['b.png']);
  });

  it('refuses names that are paths', async () => {
    for (const name of ['../x', 'a/b', '', '.', '..', '.acb-1f.tmp']) {
      expect((await run({ op: 'media-write', name, data: '', mtime: 1 })).error).toMatchObject({ code: 'EINVAL', errno: 22 });
      expect((await run({ op: 'media-read', name })).error).toMatchObject({ code: 'EINVAL' });
      expect((await run({ op: 'media-remove', name })).error).toMatchObject({ code: 'EINVAL' });
    }
    expect(existsSync(join(root, 'x'))).toBe(false);
  });

  it('reports a missing media file as ENOENT', async () => {
    await run({ op: 'media-dir' });
    expect((await run({ op: 'media-read', name: 'none.mp3' })).error).toMatchObject({ code: 'ENOENT', errno: 2 });
  });
});

describe('MediaFolder: watching', () => {
  it('reports files others add, change and remove, once they hold still, and not its own writes', async () => {
    await folder.list();
    writeFileSync(join(dir, 'new.mp3'), 'by a client');
    await waitFor(() => changes.length > 0);
    const mtime = Math.round(statSync(join(dir, 'new.mp3')).mtimeMs);
    expect(changes).toEqual([{ changed: [{ name: 'new.mp3', size: 11, mtime }], removed: [] }]);

    changes.length = 0;
    await folder.write('own.mp3', Buffer.from('mine'), 5_000);
    await folder.remove('own.mp3');
    writeFileSync(join(dir, 'new.mp3'), 'changed by a client');
    utimesSync(join(dir, 'new.mp3'), 7, 7);
    await waitFor(() => changes.length > 0);
    expect(changes).toEqual([{ changed: [{ name: 'new.mp3', size: 19, mtime: 7000 }], removed: [] }]);

    changes.length = 0;
    rmSync(join(dir, 'new.mp3'));
    await waitFor(() => changes.length > 0);
    expect(changes).toEqual([{ changed: [], removed: [{ name: 'new.mp3', size: 19, mtime: 7000 }] }]);
  });

  it('waits for a file being written to hold still', async () => {
    await folder.list();
    const path = join(dir, 'growing.mkv');
    writeFileSync(path, 'a');
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      writeFileSync(path, 'a'.repeat(i + 2));
    }
    await waitFor(() => changes.length > 0);
    await new Promise((r) => setTimeout(r, 150));
    const last = changes.flatMap((c) => c.changed).filter((f) => f.name === 'growing.mkv');
    expect(last.at(-1)!.size).toBe(6);
    expect(last.every((f) => f.size === 6)).toBe(true);
  });

  it('finds changes by rescanning when watching is missing', async () => {
    const quiet = new MediaFolder(dir, (c) => changes.push(c), { debounceMs: 20, rescanMs: 0 });
    await quiet.list();
    quiet.close(); // no watcher from here on
    writeFileSync(join(dir, 'missed.png'), 'x');
    await quiet.rescan();
    await waitFor(() => changes.some((c) => c.changed.some((f) => f.name === 'missed.png')));
    quiet.close();
  });
});
