/** Reaching the extension inside a running chain through the DevTools port. */
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionIdFromKey } from '../../native-host/src/install.ts';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';

export const EXTENSION_ID = extensionIdFromKey(
  (JSON.parse(readFileSync(join(PROJECT_ROOT, 'manifest.json'), 'utf8')) as { key: string }).key,
);

export async function connectDevtools(debugPort: number): Promise<Browser> {
  return puppeteer.connect({ browserURL: `http://127.0.0.1:${debugPort}`, defaultViewport: { width: 420, height: 320 } });
}

export async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** Writes the extension's stored config (as an options page would). */
export async function setConfig(debugPort: number, patch: Record<string, unknown>): Promise<void> {
  const browser = await connectDevtools(debugPort);
  try {
    const worker = await serviceWorker(browser);
    await worker.evaluate(async (p) => {
      const stored = (await chrome.storage.local.get('config')).config ?? {};
      await chrome.storage.local.set({ config: { ...stored, ...p } });
    }, patch);
  } finally {
    await browser.disconnect();
  }
}
