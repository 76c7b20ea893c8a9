/**
 * Registering the host with browsers: the launcher script the browser runs,
 * the host manifests (Chromium family and Firefox), the extension id derived
 * from manifest.json's key, and the per-user folders browsers read manifests
 * from. Used by scripts/install-host.ts and by whatever sets up a profile.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { HOST_NAME } from '../../shared/limits.ts';

/** The Firefox add-on id (browser_specific_settings.gecko.id) the host admits. */
export const FIREFOX_EXTENSION_ID = 'anki-connect-browser@example.org';

export const HOST_MANIFEST_FILE = `${HOST_NAME}.json`;

/** The compiled host entry point, relative to the project root. */
export const HOST_MAIN_JS = join('build', 'native-host', 'src', 'main.js');

/**
 * Writes (when missing or different) build/native-host/launch.sh, which runs
 * the compiled host with this very node, and returns its absolute path.
 */
export function hostLauncherPath(projectRoot: string): string {
  const root = resolve(projectRoot);
  const launcher = join(root, 'build', 'native-host', 'launch.sh');
  const script = `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(join(root, HOST_MAIN_JS))} "$@"\n`;
  writeIfChanged(launcher, script);
  if ((statSync(launcher).mode & 0o777) !== 0o755) chmodSync(launcher, 0o755);
  return launcher;
}

/** Writes the Chromium-family host manifest into `dir`; returns its path. */
export function writeChromeHostManifest(dir: string, launcherPath: string, extensionId: string): string {
  return writeManifest(dir, { allowed_origins: [`chrome-extension://${extensionId}/`] }, launcherPath);
}

/** Writes the Firefox host manifest into `dir`; returns its path. */
export function writeFirefoxHostManifest(dir: string, launcherPath: string, geckoId: string = FIREFOX_EXTENSION_ID): string {
  return writeManifest(dir, { allowed_extensions: [geckoId] }, launcherPath);
}

/** Chrome's extension id for a manifest `key`: sha256 of the DER key, first 32 hex digits mapped 0-f → a-p. */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/** The extension id of the project's manifest.json. */
export function projectExtensionId(projectRoot: string): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string') throw new Error('manifest.json has no "key"');
  return extensionIdFromKey(manifest.key);
}

export interface BrowserHostDir {
  browser: string;
  kind: 'chromium' | 'firefox';
  /** Where the host manifest goes. */
  dir: string;
  /** The browser's own per-user folder: present only when the browser has been used. */
  configDir: string;
}

/** The per-user native-messaging folders of Chrome, Chromium, Edge, Brave and Firefox (Linux, macOS). */
export function userBrowserHostDirs(
  home: string = homedir(),
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): BrowserHostDir[] {
  const chromium = (browser: string, configDir: string): BrowserHostDir => ({
    browser,
    kind: 'chromium',
    dir: join(configDir, 'NativeMessagingHosts'),
    configDir,
  });
  if (platform === 'darwin') {
    const support = join(home, 'Library', 'Application Support');
    return [
      chromium('Google Chrome', join(support, 'Google', 'Chrome')),
      chromium('Chromium', join(support, 'Chromium')),
      chromium('Microsoft Edge', join(support, 'Microsoft Edge')),
      chromium('Brave', join(support, 'BraveSoftware', 'Brave-Browser')),
      { browser: 'Firefox', kind: 'firefox', dir: join(support, 'Mozilla', 'NativeMessagingHosts'), configDir: join(support, 'Mozilla') },
    ];
  }
  if (platform === 'win32') return []; // Windows registers hosts in the registry.
  const config = env.XDG_CONFIG_HOME || join(home, '.config');
  return [
    chromium('Google Chrome', join(config, 'google-chrome')),
    chromium('Chromium', join(config, 'chromium')),
    chromium('Microsoft Edge', join(config, 'microsoft-edge')),
    chromium('Brave', join(config, 'BraveSoftware', 'Brave-Browser')),
    { browser: 'Firefox', kind: 'firefox', dir: join(home, '.mozilla', 'native-messaging-hosts'), configDir: join(home, '.mozilla') },
  ];
}

function writeManifest(dir: string, allowed: Record<string, string[]>, launcherPath: string): string {
  const manifest = {
    name: HOST_NAME,
    description: 'Anki-Connect Browser native host',
    path: resolve(launcherPath),
    type: 'stdio',
    ...allowed,
  };
  const file = join(dir, HOST_MANIFEST_FILE);
  writeIfChanged(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

function writeIfChanged(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // missing: write it
  }
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

function shellQuote(s: string): string {
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}
