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

/** What carries messages between the extension and the host, as the popup's status request reports it; waits up to `timeoutMs` for `want`. */
export async function hostTransport(debugPort: number, want: 'native' | 'socket', timeoutMs = 5_000): Promise<string> {
  const browser = await connectDevtools(debugPort);
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/extension/pages/popup/index.html`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }) as Promise<{ hostTransport: string }>);
      if (status.hostTransport === want || Date.now() > deadline) return status.hostTransport;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await page.close();
    await browser.disconnect();
  }
}
