/**
 * `npm start`: builds what is stale, registers the native host in a
 * dedicated browser profile, launches Chromium with the extension, and
 * prints the API's address once a request has gone through the whole chain.
 *
 *   npm start -- [--headless] [--profile DIR] [--port N] [--browser PATH] [--debug-port N]
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BIND_ADDRESS, DEFAULT_BIND_PORT } from '../shared/limits.ts';
import type { HostStatusMessage } from '../shared/messages.ts';
import { extensionIdFromKey, hostLauncherPath, writeChromeHostManifest } from '../native-host/src/install.ts';
import { buildStale } from './lib/build.ts';
import { findBrowser, launchBrowser } from './lib/browser.ts';
import { defaultProfileDir, EXTENSION_DIST, PROJECT_ROOT } from './lib/paths.ts';
import { chainAnswers, waitFor } from './lib/wait.ts';

const START_TIMEOUT_MS = 60_000;

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    profile: { type: 'string' },
    port: { type: 'string' },
    browser: { type: 'string' },
    'debug-port': { type: 'string' },
  },
  allowPositionals: false,
});

const explicitPort = values.port === undefined ? undefined : Number(values.port);
if (explicitPort !== undefined && (!Number.isInteger(explicitPort) || explicitPort < 1 || explicitPort > 65535)) {
  fail(`--port must be a port number, not ${values.port}`);
}
const profileDir = values.profile ?? defaultProfileDir();
const statusFile = join(profileDir, 'host-status.json');
const probe = (address: string) => (address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address);
const headless = values.headless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

let browserPath: string;
try {
  browserPath = findBrowser(values.browser);
} catch (e) {
  fail((e as Error).message);
}

{
  const address = process.env.ANKICONNECT_BIND_ADDRESS || DEFAULT_BIND_ADDRESS;
  const port = explicitPort ?? DEFAULT_BIND_PORT;
  if (await chainAnswers(probe(address), port)) {
    fail(`something already answers on ${probe(address)}:${port} (another npm start, or Anki with AnkiConnect?). Stop it or pass --port.`);
  }
}

buildStale();

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'manifest.json'), 'utf8')) as { key: string };
mkdirSync(join(profileDir, 'NativeMessagingHosts'), { recursive: true });
rmSync(statusFile, { force: true });
writeChromeHostManifest(join(profileDir, 'NativeMessagingHosts'), hostLauncherPath(PROJECT_ROOT), extensionIdFromKey(manifest.key));

// The host reports where it listens in ACB_STATUS_FILE; --port overrides the stored webBindPort;
// each profile keeps its own media folder (getMediaDirPath) unless ACB_MEDIA_DIR says otherwise.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ACB_STATUS_FILE: statusFile,
  ACB_MEDIA_DIR: process.env.ACB_MEDIA_DIR || join(profileDir, 'collection.media'),
};
if (explicitPort !== undefined) env.ACB_PORT = String(explicitPort);
const debugPort = values['debug-port'] === undefined ? undefined : Number(values['debug-port']);
const browser = launchBrowser({ browser: browserPath, profileDir, extensionDir: EXTENSION_DIST, headless, env, debugPort });
console.error(`Started ${browserPath} (pid ${browser.pid}) with profile ${profileDir}`);

let exited = false;
let stderrTail = '';
browser.stderr?.on('data', (c: Buffer) => {
  stderrTail = (stderrTail + c.toString('utf8')).slice(-4000);
  if (process.env.ACB_BROWSER_LOG) process.stderr.write(c);
});
browser.on('exit', (code, signal) => {
  exited = true;
  if (!stopping) {
    console.error(`The browser exited (${signal ?? `code ${code}`}).`);
    if (stderrTail) console.error(stderrTail.trim().split('\n').slice(-10).join('\n'));
    process.exit(1);
  }
});

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (!exited) {
    browser.kill('SIGTERM');
    await waitFor(async () => exited, 10_000, () => false);
    if (!exited) browser.kill('SIGKILL');
  }
  process.exit(signal === 'SIGINT' ? 130 : 0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

function readStatus(): HostStatusMessage | null {
  try {
    return JSON.parse(readFileSync(statusFile, 'utf8')) as HostStatusMessage;
  } catch {
    return null;
  }
}

let status: HostStatusMessage | null = null;
const started = await waitFor(
  async () => {
    status = readStatus();
    return status !== null && (status.listening || status.error !== null);
  },
  START_TIMEOUT_MS,
  () => exited || stopping,
);
const s = status as HostStatusMessage | null;
if (!started || !s) {
  if (!exited && !stopping) {
    browser.kill('SIGTERM');
    fail(`the native host did not report within ${START_TIMEOUT_MS / 1000} s; run with ACB_HOST_LOG=1 and ACB_BROWSER_LOG=1 to see why`);
  }
} else if (!s.listening) {
  browser.kill('SIGTERM');
  fail(`the native host cannot listen: ${s.error}`);
} else {
  const up = await waitFor(() => chainAnswers(probe(s.address!), s.port!), START_TIMEOUT_MS, () => exited || stopping);
  if (up) console.log(`AnkiConnect API listening on http://${s.address}:${s.port}`);
  else if (!exited && !stopping) {
    browser.kill('SIGTERM');
    fail(`the API did not answer on ${s.address}:${s.port}`);
  }
}
