/**
 * The service worker's import port, with a fake chrome.runtime: a package
 * sent in base64 chunks or named by path is imported, progress comes back,
 * then the summary (after the writes are durable) or the error.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../extension/background/base64.ts';
import { listenForImports, type ImportDeps } from '../../../extension/background/import-port.ts';
import { IMPORT_PORT, type ImportPortReply, type ImportPortRequest } from '../../../extension/background/runtime-messages.ts';
import { MemoryMedia } from '../../../extension/collection/media/memory.ts';
import { newCollection } from '../../helpers/builders.ts';
import { MemoryHostFiles } from '../../helpers/memory-media.ts';
import { fixture } from '../collection/packages/helpers.ts';

type Listener = (port: chrome.runtime.Port) => void;

/** A chrome.runtime with onConnect, and ports whose replies are recorded. */
function fakeChrome() {
  const listeners: Listener[] = [];
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime: { onConnect: { addListener: (l: Listener) => listeners.push(l) } } };
  return {
    connect(name: string) {
      const onMessage: ((m: ImportPortRequest) => void)[] = [];
      const replies: ImportPortReply[] = [];
      let resolveDone: (r: ImportPortReply) => void = () => undefined;
      const done = new Promise<ImportPortReply>((r) => (resolveDone = r));
      const port = {
        name,
        onMessage: { addListener: (f: (m: ImportPortRequest) => void) => onMessage.push(f) },
        postMessage: (r: ImportPortReply) => {
          replies.push(r);
          if (r.type !== 'progress') resolveDone(r);
        },
      } as unknown as chrome.runtime.Port;
      for (const l of listeners) l(port);
      return { send: (m: ImportPortRequest) => onMessage.forEach((f) => f(m)), replies, done, heard: onMessage.length > 0 };
    },
  };
}

async function deps() {
  const col = await newCollection();
  const files = new MemoryHostFiles();
  let durableCalls = 0;
  const d: ImportDeps = {
    collection: async () => col,
    media: new MemoryMedia(),
    files,
    durable: async () => void durableCalls++,
  };
  return { col, files, d, durableCalls: () => durableCalls };
}

describe('the import port', () => {
  it('imports a package sent in chunks and answers with progress, then the summary', async () => {
    const browser = fakeChrome();
    const { col, d, durableCalls } = await deps();
    listenForImports(Promise.resolve(d));
    const port = browser.connect(IMPORT_PORT);
    const bytes = fixture('media.apkg');
    port.send({ type: 'begin', name: 'media.apkg', size: bytes.length });
    for (let at = 0; at < bytes.length; at += 1000) port.send({ type: 'chunk', data: bytesToBase64(bytes.subarray(at, at + 1000)) });
    port.send({ type: 'end' });
    const last = await port.done;
    expect(last).toMatchObject({ type: 'done', summary: { notes: { added: 1 }, media: { added: ['foo.wav'] } } });
    expect(port.replies.some((r) => r.type === 'progress' && r.stage === 'planning')).toBe(true);
    expect(durableCalls()).toBe(1);
    expect(col.db.scalar('select count() from notes')).toBe(1);
  });

  it('imports a file the host reads by path', async () => {
    const browser = fakeChrome();
    const { files, d } = await deps();
    files.files.set('/p/update1.apkg', fixture('update1.apkg'));
    listenForImports(Promise.resolve(d));
    const port = browser.connect(IMPORT_PORT);
    port.send({ type: 'path', path: '/p/update1.apkg' });
    expect(await port.done).toMatchObject({ type: 'done', summary: { notes: { found: 1, added: 1 } } });
  });

  it('reports why a package failed', async () => {
    const browser = fakeChrome();
    const { d } = await deps();
    listenForImports(Promise.resolve(d));
    const port = browser.connect(IMPORT_PORT);
    port.send({ type: 'path', path: '/missing.apkg' });
    expect(await port.done).toEqual({ type: 'failed', error: "[Errno 2] No such file or directory: '/missing.apkg'" });
    const again = browser.connect(IMPORT_PORT);
    again.send({ type: 'begin', name: 'x.apkg', size: 3 });
    again.send({ type: 'chunk', data: bytesToBase64(new Uint8Array([1, 2, 3])) });
    again.send({ type: 'end' });
    expect(await again.done).toEqual({ type: 'failed', error: 'The provided file is not a valid .apkg file. It is not a zip archive.' });
  });

  it('leaves other ports alone', async () => {
    const browser = fakeChrome();
    const { d } = await deps();
    listenForImports(Promise.resolve(d));
    expect(browser.connect('something-else').heard).toBe(false);
  });
});
