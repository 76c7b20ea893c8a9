/**
 * The media store (IndexedDB over fake-indexeddb) and the host's real media
 * folder kept the same: the extension's bridge and sync talking to the
 * host's file service and folder in-process, over a port that can drop.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionToHost, FileRequestMessage } from '../../../shared/messages.ts';
import { fileErrorText, HostBridge } from '../../../extension/background/host-files.ts';
import { MediaSync } from '../../../extension/background/media-sync.ts';
import { StorageDb } from '../../../extension/storage/database.ts';
import { DexieMediaStore } from '../../../extension/storage/media-store.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FileHttp } from '../../../native-host/src/file-http.ts';
import { FileService } from '../../../native-host/src/files.ts';
import { MediaFolder } from '../../../native-host/src/media-folder.ts';

/** The native port, in-process: messages go to the host's file service; it can be cut. */
class FakePort {
  connected = false;
  sent: ExtensionToHost[] = [];
  constructor(private readonly service: () => FileService) {}
  send(message: ExtensionToHost): void {
    if (!this.connected) return;
    this.sent.push(message);
    if (message.type === 'file') void this.service().handle(message as FileRequestMessage);
  }
}

let root: string;
let dir: string;
let db: StorageDb;
let store: DexieMediaStore;
let bridge: HostBridge;
let sync: MediaSync;
let port: FakePort;
let folder: MediaFolder;
let service: FileService;
let clock = 1_700_000_000_000;
const logged: unknown[][] = [];

let fileHttp: FileHttp | null = null;
let server: Server | null = null;

function startHost(withHttp = false): void {
  folder?.close();
  folder = new MediaFolder(dir, (c) => port.connected && bridge.accept({ type: 'media-changed', ...c }), { debounceMs: 25, rescanMs: 0 });
  fileHttp = withHttp ? new FileHttp(folder) : null;
  service = new FileService(folder, (reply) => port.connected && bridge.accept(reply), fileHttp?.token);
}

/** The host's HTTP port, as the host reports it in a status message. */
async function listen(): Promise<void> {
  server = createServer((req, res) => {
    if (!fileHttp?.serve(req, res)) res.end('forwarded');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const status = { type: 'status', listening: true, address: '127.0.0.1', port: (server.address() as AddressInfo).port, error: null, pid: 1 } as const;
  expect(bridge.accept(status)).toBe(false); // the host link handles it too
}

async function connect(): Promise<void> {
  port.connected = true;
  bridge.portConnected();
  await sync.lastReconcile;
  await sync.idle();
}

function disconnect(): void {
  port.connected = false;
  bridge.portDisconnected();
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'acb-sync-'));
  dir = join(root, 'collection.media');
  db = new StorageDb({ name: `acb-sync-${crypto.randomUUID()}`, indexedDB, IDBKeyRange });
  await db.open();
  store = new DexieMediaStore(db, () => clock);
  bridge = new HostBridge();
  port = new FakePort(() => service);
  bridge.attach(port);
  sync = new MediaSync(store, bridge, { now: () => clock, log: (...a) => logged.push(a) });
  startHost();
});
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = null;
  folder.close();
  db.close();
  rmSync(root, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString());
const onDisk = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
const mtimeOnDisk = (name: string) => Math.round(statSync(join(dir, name)).mtimeMs);
const waitFor = async (check: () => boolean | Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('API writes and removals', () => {
  it('go to IndexedDB, then to the folder with the same mtime', async () => {
    await connect();
    await sync.write('a.mp3', bytes('audio'));
    expect(text(await store.read('a.mp3'))).toBe('audio');
    await sync.idle();
    expect(onDisk('a.mp3')).toBe('audio');
    expect(mtimeOnDisk('a.mp3')).toBe(clock);
    expect((await store.metas()).get('a.mp3')).toEqual({ size: 5, mtime: clock });
    await sync.remove('a.mp3');
    expect(await store.read('a.mp3')).toBeNull();
    await sync.idle();
    expect(onDisk('a.mp3')).toBeNull();
    expect(readFileSync(join(root, 'media.trash', 'a.mp3'), 'utf8')).toBe('audio');
  });

  it('still succeed while the host is away, and reach the folder at the next connect', async () => {
    await connect();
    await sync.write('old.png', bytes('old'));
    await sync.idle();
    disconnect();
    clock += 1000;
    await sync.write('new.png', bytes('new'));
    await sync.remove('old.png');
    expect(onDisk('new.png')).toBeNull();
    expect(onDisk('old.png')).toBe('old');
    await connect();
    expect(onDisk('new.png')).toBe('new');
    expect(onDisk('old.png')).toBeNull();
    expect(await sync.list()).toEqual(['new.png']);
  });

  it('are kept in order per name', async () => {
    await connect();
    await Promise.all([sync.write('x', bytes('1')), sync.write('x', bytes('22')), sync.remove('x'), sync.write('x', bytes('333'))]);
    expect(text(await store.read('x'))).toBe('333');
    await sync.idle();
    expect(onDisk('x')).toBe('333');
  });

  it('fail nothing when the folder cannot be written; the next connect retries', async () => {
    await connect();
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'a file where the folder was');
    await sync.write('w.mp3', bytes('w'));
    expect(text(await store.read('w.mp3'))).toBe('w');
    await sync.idle();
    expect(logged.length).toBeGreaterThan(0);
    rmSync(dir);
    disconnect();
    await connect();
    expect(onDisk('w.mp3')).toBe('w');
  });
});

describe('reconciling at connect', () => {
  it('pushes rows the folder lacks or has older, pulls files that are new or newer, drops nothing', async () => {
    await store.put('only-db.mp3', bytes('db'), { mtime: clock });
    await store.put('db-newer.mp3', bytes('db version'), { mtime: clock });
    await store.put('folder-newer.mp3', bytes('db version'), { mtime: clock });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'only-folder.png'), 'folder');
    writeFileSync(join(dir, 'db-newer.mp3'), 'folder version');
    utimesSync(join(dir, 'db-newer.mp3'), (clock - 5000) / 1000, (clock - 5000) / 1000);
    writeFileSync(join(dir, 'folder-newer.mp3'), 'folder version');
    utimesSync(join(dir, 'folder-newer.mp3'), (clock + 5000) / 1000, (clock + 5000) / 1000);

    await connect();
    expect(onDisk('only-db.mp3')).toBe('db');
    expect(onDisk('db-newer.mp3')).toBe('db version');
    expect(text(await store.read('only-folder.png'))).toBe('folder');
    expect(text(await store.read('folder-newer.mp3'))).toBe('folder version');
    expect((await sync.list()).sort()).toEqual(['db-newer.mp3', 'folder-newer.mp3', 'only-db.mp3', 'only-folder.png']);
    // Now the same: names, sizes and mtimes.
    const metas = await store.metas();
    for (const name of metas.keys()) expect(metas.get(name)).toEqual({ size: statSync(join(dir, name)).size, mtime: mtimeOnDisk(name) });
    // A pulled file keeps the md5 the host computed.
    expect((await db.media.get('only-folder.png'))!.md5).toBe(createHash('md5').update('folder').digest('hex'));
  });

  it('fills an empty or new folder from IndexedDB instead of emptying the store', async () => {
    await connect();
    await sync.write('keep.mp3', bytes('keep'));
    await sync.idle();
    disconnect();
    rmSync(dir, { recursive: true });
    await connect();
    expect(onDisk('keep.mp3')).toBe('keep');
    expect(text(await store.read('keep.mp3'))).toBe('keep');
  });

  it('sends nothing when both sides agree', async () => {
    await connect();
    await sync.write('same.mp3', bytes('s'));
    await sync.idle();
    disconnect();
    port.sent = [];
    await connect();
    expect(port.sent.map((m) => (m as FileRequestMessage).op)).toEqual(['media-list']);
  });
});

describe('news from the folder', () => {
  it('pulls files a client drops or changes, and removes those it deletes', async () => {
    await connect();
    writeFileSync(join(dir, 'dropped.mp3'), 'by mpvacious');
    await waitFor(async () => text(await store.read('dropped.mp3')) === 'by mpvacious');
    expect((await store.metas()).get('dropped.mp3')).toEqual({ size: 12, mtime: mtimeOnDisk('dropped.mp3') });

    writeFileSync(join(dir, 'dropped.mp3'), 'changed');
    utimesSync(join(dir, 'dropped.mp3'), 100, 100);
    await waitFor(async () => text(await store.read('dropped.mp3')) === 'changed');

    rmSync(join(dir, 'dropped.mp3'));
    await waitFor(async () => !(await store.has('dropped.mp3')));
  });

  it('keeps a copy written through the API after the folder’s copy was deleted', async () => {
    await connect();
    await sync.write('k.png', bytes('first'));
    await sync.write('k.png', bytes('second')); // same name, newer row and file
    bridge.accept({ type: 'media-changed', changed: [], removed: [{ name: 'k.png', size: 5, mtime: clock - 1 }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(text(await store.read('k.png'))).toBe('second');
  });

  it('read() pulls a file the folder has but the store has not picked up yet', async () => {
    await connect();
    writeFileSync(join(dir, 'fresh.jpg'), 'fresh');
    expect(text(await sync.read('fresh.jpg'))).toBe('fresh');
    expect(text(await store.read('fresh.jpg'))).toBe('fresh');
    expect(await sync.read('never.jpg')).toBeNull();
    expect(await sync.read('../x')).toBeNull();
  });
});

describe('HostBridge', () => {
  it('refuses requests while disconnected, and fails those in flight when the port drops', async () => {
    await expect(bridge.read('/x')).rejects.toThrow('the native host is not connected');
    port.connected = true;
    const slow = bridge.request({ op: 'media-dir' });
    bridge.portDisconnected();
    port.connected = false;
    await expect(slow).rejects.toThrow('the native host is not connected');
    expect(bridge.inFlight).toBe(0);
  });

  it("words failures as Python's OSError", async () => {
    await connect();
    await expect(bridge.read(join(root, 'none.apkg'))).rejects.toThrow(`[Errno 2] No such file or directory: '${join(root, 'none.apkg')}'`);
    await expect(bridge.read(root)).rejects.toThrow(`[Errno 21] Is a directory: '${root}'`);
    expect(fileErrorText({ code: 'EWHATEVER', errno: null, message: 'odd', path: '/p' })).toBe('odd');
    expect(fileErrorText({ code: 'EACCES', errno: 13, message: 'x', path: "/it's" })).toBe(`[Errno 13] Permission denied: "/it's"`);
  });

  it('reads and writes files anywhere, and names the media folder', async () => {
    await connect();
    await bridge.write(join(root, 'out.bin'), bytes('out'));
    expect(text(await bridge.read(join(root, 'out.bin')))).toBe('out');
    expect(await bridge.mediaDirPath()).toBe(dir);
  });
});

describe("over the host's HTTP port", () => {
  const ops = () => port.sent.map((m) => (m as FileRequestMessage).op);

  beforeEach(async () => {
    startHost(true);
    await listen();
  });

  it('moves media bytes over HTTP, not the native port', async () => {
    await connect();
    port.sent = [];
    await sync.write('h.mp3', bytes('over http'));
    await sync.idle();
    expect(onDisk('h.mp3')).toBe('over http');
    expect(mtimeOnDisk('h.mp3')).toBe(clock);
    writeFileSync(join(dir, 'dropped.png'), 'dropped');
    expect(text(await sync.read('dropped.png'))).toBe('dropped');
    expect(await sync.read('none.png')).toBeNull();
    expect(ops()).toEqual([]);
  });

  it('reads and writes files anywhere over HTTP, with the same errors', async () => {
    await connect();
    port.sent = [];
    await bridge.write(join(root, 'out.apkg'), bytes('pkg'));
    expect(text(await bridge.read(join(root, 'out.apkg')))).toBe('pkg');
    await expect(bridge.read(join(root, 'none'))).rejects.toThrow(`[Errno 2] No such file or directory: '${join(root, 'none')}'`);
    expect(ops()).toEqual([]);
  });

  it('falls back to the native port when the token is stale or HTTP is down', async () => {
    await connect();
    const oldHttp = fileHttp!;
    fileHttp = new FileHttp(folder); // another host process behind the same port
    port.sent = [];
    await sync.write('s1.mp3', bytes('1'));
    await sync.idle();
    expect(onDisk('s1.mp3')).toBe('1');
    expect(ops()).toEqual(['media-write']);
    expect(oldHttp.token).not.toBe(fileHttp.token);
    await new Promise((r) => server!.close(r));
    server = null;
    port.sent = [];
    await sync.write('s2.mp3', bytes('2'));
    await sync.idle();
    expect(onDisk('s2.mp3')).toBe('2');
    expect(ops()).toEqual(['media-write']);
  });
});
