/**
 * The extension's own pages, driven in the real browser: the popup shows
 * where the API listens and what the collection holds; the settings page
 * changes the API's configuration at once. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';
import { invoke, removeProfile, startChain, type Chain } from '../helpers/chain.ts';
import { connectDevtools, EXTENSION_ID } from '../helpers/devtools.ts';

const shots = join(PROJECT_ROOT, 'test-results');
let chain: Chain;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  chain = await startChain();
  browser = await connectDevtools(chain.debugPort);
});

afterAll(async () => {
  await browser?.disconnect();
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
});

it('popup shows the listening address and the collection counts', async () => {
  await invoke(chain.port, 'createDeck', { deck: 'Popup::Check' });
  const page = await browser.newPage();
  await page.setViewport({ width: 380, height: 260 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/extension/pages/popup/index.html`);
  await page.waitForFunction(() => document.querySelector('#api')?.classList.contains('ok'), { timeout: 10_000 });
  const text = await page.$eval('body', (b) => (b as HTMLElement).innerText);
  expect(text).toContain(`AnkiConnect API listening on http://127.0.0.1:${chain.port}`);
  expect(text).toMatch(/Decks\s+3/);
  expect(text).toMatch(/Notes\s+0/);
  expect(text).toContain('Import a deck (.apkg)');
  const importHref = await page.$eval('nav a', (a) => (a as HTMLAnchorElement).href);
  expect(importHref).toBe(`chrome-extension://${EXTENSION_ID}/extension/pages/import/index.html`);
  await page.screenshot({ path: join(shots, 'popup.png') });
  await page.close();
});

it('settings page sets an API key that the API then requires', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 760, height: 720 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/extension/pages/options/index.html`);
  await page.waitForFunction(() => (document.querySelector('#webBindPort') as HTMLInputElement).value !== '');
  expect(await page.$eval('#webCorsOriginList', (e) => (e as HTMLTextAreaElement).value)).toBe('http://localhost');
  await page.type('#apiKey', 'my-secret');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#saved')?.textContent === 'Saved.');
  await page.screenshot({ path: join(shots, 'options.png') });
  expect(await invoke(chain.port, 'deckNames')).toEqual({ result: null, error: 'valid api key must be provided' });
  expect(await invoke(chain.port, 'deckNames', undefined, { version: 6, key: 'my-secret' })).toEqual({
    result: ['Default', 'Popup', 'Popup::Check'],
    error: null,
  });
  await page.$eval('#apiKey', (e) => ((e as HTMLInputElement).value = ''));
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#saved')?.textContent === 'Saved.');
  expect(await invoke(chain.port, 'version')).toEqual({ result: 6, error: null });
  await page.close();
});
