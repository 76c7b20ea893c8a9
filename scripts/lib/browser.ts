/** Finding and launching a Chromium with the extension loaded. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/google-chrome-for-testing',
];

export function findBrowser(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`no browser at ${explicit}`);
    return explicit;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. On Debian or Ubuntu: sudo apt-get install chromium. Or pass --browser /path/to/chromium ' +
        '(branded Google Chrome ignores --load-extension since version 137; use Chromium).',
    );
  }
  return found;
}

export interface LaunchOptions {
  browser: string;
  profileDir: string;
  extensionDir: string;
  headless: boolean;
  env: NodeJS.ProcessEnv;
  debugPort?: number;
}

export function launchBrowser(o: LaunchOptions): ChildProcess {
  const args = [
    `--user-data-dir=${o.profileDir}`,
    `--load-extension=${o.extensionDir}`,
    `--disable-extensions-except=${o.extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
  ];
  if (o.headless) args.push('--headless=new');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (o.debugPort !== undefined) args.push(`--remote-debugging-port=${o.debugPort}`);
  args.push('about:blank');
  return spawn(o.browser, args, { env: o.env, stdio: ['ignore', 'ignore', 'pipe'], detached: false });
}
