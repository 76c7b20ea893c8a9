/**
 * Reaching the extension inside a running chain through the DevTools port:
 * its service worker (to seed IndexedDB) and its popup page (to read the
 * collection's counts the way the popup does).
 *
 * Functions passed to evaluate() run in the browser: they must not declare
 * named inner functions (tsx would wrap them in a helper the browser lacks).
 */
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { StatusReply } from '../../extension/background/runtime-messages.ts';
import { DEFAULT_DATABASE_NAME, SNAPSHOT_KEY } from '../../extension/storage/database.ts';
import { JOURNAL_KEY_SETTING } from '../../extension/storage/persistence.ts';
import { projectExtensionId } from '../../native-host/src/install.ts';
import { EXTENSION_DIST, PROJECT_ROOT } from '../../scripts/lib/paths.ts';

export const EXTENSION_ID = projectExtensionId(PROJECT_ROOT);

export function connectDevtools(debugPort: number): Promise<Browser> {
  return puppeteer.connect({ browserURL: `http://127.0.0.1:${debugPort}`, protocolTimeout: 120_000 });
}

export async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

/** Rows in the extension's journal table (0 once a checkpoint has folded them into the snapshot). */
export function journalRows(worker: WebWorker): Promise<number> {
  return worker.evaluate(
    (dbName: string) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('journal', 'readonly').objectStore('journal').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    DEFAULT_DATABASE_NAME,
  );
}

/** Resolves once the journal table is empty (after the extension's idle checkpoint). */
export async function waitForEmptyJournal(worker: WebWorker, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await journalRows(worker)) > 0) {
    if (Date.now() > end) throw new Error(`the extension did not checkpoint its journal within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // Let the service finish its bookkeeping after the checkpoint transaction.
  await new Promise((r) => setTimeout(r, 250));
}

/** Serves `bytes` once on 127.0.0.1 (CORS open) for the service worker to fetch. */
async function serveOnce(bytes: Uint8Array): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*', 'content-length': bytes.byteLength });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/snapshot`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Stores `bytes` as the extension's collection snapshot (seq 0) and empties
 * the journal, in one strict IndexedDB transaction, the row shaped as
 * extension/storage/database.ts's SnapshotRow. The worker fetches the bytes
 * from a one-shot local server (far faster than passing them through
 * evaluate() arguments).
 */
export async function writeSnapshot(worker: WebWorker, bytes: Uint8Array): Promise<void> {
  const source = await serveOnce(bytes);
  try {
    const stored = await worker.evaluate(
      async (url: string, dbName: string, key: string, journalKeySetting: string) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`fetching the snapshot: HTTP ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['snapshots', 'journal', 'settings'], 'readwrite', { durability: 'strict' });
            tx.objectStore('snapshots').put({ key, bytes, seq: 0, savedAt: Date.now() });
            tx.objectStore('journal').clear();
            // New storage: a new journal key, so the host's copy of the old journal is not replayed over it.
            tx.objectStore('settings').delete(journalKeySetting);
            tx.oncomplete = () => {
              db.close();
              resolve(bytes.length);
            };
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
          };
        });
      },
      source.url,
      DEFAULT_DATABASE_NAME,
      SNAPSHOT_KEY,
      JOURNAL_KEY_SETTING,
    );
    if (stored !== bytes.byteLength) throw new Error(`seeding stored ${stored} bytes, expected ${bytes.byteLength}`);
  } finally {
    await source.close();
  }
}

/** The popup's status request ({decks, notes, cards, …}), sent from the popup page itself. */
export async function extensionStatus(browser: Browser): Promise<StatusReply> {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIST, 'manifest.json'), 'utf8')) as { action: { default_popup: string } };
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/${manifest.action.default_popup}`);
    return await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }) as Promise<StatusReply>);
  } finally {
    await page.close();
  }
}
