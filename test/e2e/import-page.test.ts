/**
 * The import page in the real browser: an .apkg picked in its file input is
 * imported (progress, then the summary), a later version of the same note
 * opened through guiImportFile updates it, and a broken file is refused
 * with nothing changed. Packages and the exports of exportPackage travel
 * through the real host. Screenshots go to test-results/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';
import { invoke, removeProfile, startChain, type Chain } from '../helpers/chain.ts';
import { connectDevtools, EXTENSION_ID } from '../helpers/devtools.ts';

const shots = join(PROJECT_ROOT, 'test-results');
const fixtures = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'anki-test-support');
const IMPORT_PAGE = `chrome-extension://${EXTENSION_ID}/extension/pages/import/index.html`;
let chain: Chain;
let browser: Browser;
let temp: string;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  temp = mkdtempSync(join(tmpdir(), 'acb-import-e2e-'));
  chain = await startChain();
  browser = await connectDevtools(chain.debugPort);
});

afterAll(async () => {
  await browser?.disconnect();
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
  rmSync(temp, { recursive: true, force: true });
});

async function importPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 760, height: 900 });
  await page.goto(IMPORT_PAGE);
  return page;
}

async function upload(page: Page, path: string): Promise<void> {
  const input = (await page.$('input#file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);
const summaryShown = (page: Page) => page.waitForSelector('#summary:not([hidden])', { timeout: 60_000 });

it('imports a package picked in the file input and shows what it imported', async () => {
  const page = await importPage();
  await upload(page, join(fixtures, 'update1.apkg'));
  await summaryShown(page);
  const summary = await text(page, '#summary');
  expect(summary).toMatch(/Notes added\s+1/);
  expect(summary).toMatch(/Notes updated\s+0/);
  expect(summary).toMatch(/Cards added\s+1/);
  await page.screenshot({ path: join(shots, 'import-summary.png'), fullPage: true });
  expect(await invoke(chain.port, 'findNotes', { query: 'hello' })).toMatchObject({ result: [1375933494578], error: null });
  await page.close();
});

it('guiImportFile opens the page with the file, whose import updates the note', async () => {
  const opened = browser.waitForTarget((t) => t.url().startsWith(`${IMPORT_PAGE}?path=`), { timeout: 20_000 });
  expect(await invoke(chain.port, 'guiImportFile', { path: join(fixtures, 'update2.apkg') })).toEqual({ result: null, error: null });
  const page = (await (await opened).page())!;
  await page.waitForSelector('#preset:not([hidden])');
  expect(await text(page, '#preset-path')).toBe(join(fixtures, 'update2.apkg'));
  await page.click('#preset-import');
  await summaryShown(page);
  expect(await text(page, '#summary')).toMatch(/Notes updated\s+1/);
  const info = (await invoke(chain.port, 'notesInfo', { notes: [1375933494578] })) as { result: { fields: { Front: { value: string } } }[] };
  expect(info.result[0]!.fields.Front.value).toBe('goodbye');
  await page.close();
});

it('refuses a broken file, saying why, and changes nothing', async () => {
  const before = await invoke(chain.port, 'findNotes', { query: 'deck:*' });
  const broken = join(temp, 'broken.apkg');
  writeFileSync(broken, 'this is not a zip archive');
  const page = await importPage();
  await upload(page, broken);
  await page.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
  expect(await text(page, '#error')).toContain('not a valid .apkg file');
  await page.screenshot({ path: join(shots, 'import-error.png') });
  expect(await invoke(chain.port, 'findNotes', { query: 'deck:*' })).toEqual(before);
  await page.close();
});

it('exportPackage writes a file the page imports back (media included)', async () => {
  await invoke(chain.port, 'createDeck', { deck: 'Round Trip' });
  await invoke(chain.port, 'storeMediaFile', { filename: 'round.txt', data: Buffer.from('round trip').toString('base64') });
  await invoke(chain.port, 'addNote', { note: { deckName: 'Round Trip', modelName: 'Basic', fields: { Front: '[sound:round.txt]', Back: 'b' } } });
  const path = join(temp, 'round.apkg');
  expect(await invoke(chain.port, 'exportPackage', { deck: 'Round Trip', path, includeSched: true })).toEqual({ result: true, error: null });
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  const page = await importPage();
  await upload(page, path);
  await summaryShown(page);
  expect(await text(page, '#summary')).toMatch(/Notes skipped \(already up to date\)\s+1/);
  await page.close();
});
