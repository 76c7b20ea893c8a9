/**
 * The service worker's side of the import page: a port (IMPORT_PORT) over
 * which the page sends a package, in base64 chunks or as a path for the
 * native host to read, and gets progress, then the summary or the error.
 * The import itself is the engine's (collection/packages/import.ts); its
 * writes are durable before the summary is sent.
 */
import type { Collection } from '../collection/collection.ts';
import type { HostFiles, MediaStore } from '../collection/media/types.ts';
import { importPackage } from '../collection/packages/import.ts';
import { base64ToBytes } from './base64.ts';
import { IMPORT_PORT, type ImportPortReply, type ImportPortRequest } from './runtime-messages.ts';

export interface ImportDeps {
  collection(): Promise<Collection>;
  media: MediaStore;
  files: HostFiles;
  /** Resolves once every write made so far is stored. */
  durable(): Promise<void>;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function serve(port: chrome.runtime.Port, deps: Promise<ImportDeps>): void {
  let chunks: Uint8Array[] = [];
  const post = (reply: ImportPortReply) => {
    try {
      port.postMessage(reply);
    } catch {
      // The page was closed; the import goes on.
    }
  };
  const run = async (read: (d: ImportDeps) => Promise<Uint8Array>) => {
    try {
      const d = await deps;
      const bytes = await read(d);
      const summary = await importPackage(await d.collection(), d.media, bytes, {
        onProgress: (p) => post({ type: 'progress', stage: p.stage, fraction: p.fraction }),
      });
      await d.durable();
      post({ type: 'done', summary });
    } catch (e) {
      post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };
  port.onMessage.addListener((msg: ImportPortRequest) => {
    if (msg.type === 'begin') chunks = [];
    else if (msg.type === 'chunk') chunks.push(base64ToBytes(msg.data));
    else if (msg.type === 'end') {
      const bytes = concat(chunks);
      chunks = [];
      void run(async () => bytes);
    } else if (msg.type === 'path') void run((d) => d.files.read(msg.path));
  });
}

/** Serves the import page's ports. Call at the service worker's top level (MV3 wakes it for them). */
export function listenForImports(deps: Promise<ImportDeps>): void {
  deps.catch(() => undefined); // a failed start is reported where it happens; each import reports it again
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name === IMPORT_PORT) serve(port, deps);
  });
}
