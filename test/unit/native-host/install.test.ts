import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  extensionIdFromKey,
  hostLauncherPath,
  projectExtensionId,
  userBrowserHostDirs,
  writeChromeHostManifest,
  writeFirefoxHostManifest,
} from '../../../native-host/src/install.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acb-install-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('host installation', () => {
  it('derives the extension id from the manifest key', () => {
    // `base64 -d <<<"$key" | sha256sum | head -c32 | tr 0-9a-f a-p`
    expect(projectExtensionId(root)).toBe('fkjlflbccelhjjpnkcimplpapacliccf');
    const key = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).key as string;
    expect(extensionIdFromKey(key)).toMatch(/^[a-p]{32}$/);
  });

  it('writes an executable launcher, idempotently', () => {
    const project = temp();
    const launcher = hostLauncherPath(project);
    expect(launcher).toBe(join(project, 'build', 'native-host', 'launch.sh'));
    expect(readFileSync(launcher, 'utf8')).toBe(
      `#!/bin/sh\nexec "${process.execPath}" "${join(project, 'build', 'native-host', 'src', 'main.js')}" "$@"\n`,
    );
    expect(statSync(launcher).mode & 0o777).toBe(0o755);
    const before = statSync(launcher).mtimeMs;
    expect(hostLauncherPath(project)).toBe(launcher);
    expect(statSync(launcher).mtimeMs).toBe(before);
  });

  it('writes the Chromium and Firefox host manifests', () => {
    const dir = join(temp(), 'NativeMessagingHosts');
    const chrome = writeChromeHostManifest(dir, '/abs/launch.sh', 'fkjlflbccelhjjpnkcimplpapacliccf');
    expect(chrome).toBe(join(dir, 'com.anki_connect_browser.host.json'));
    expect(JSON.parse(readFileSync(chrome, 'utf8'))).toEqual({
      name: 'com.anki_connect_browser.host',
      description: 'Anki-Connect Browser native host',
      path: '/abs/launch.sh',
      type: 'stdio',
      allowed_origins: ['chrome-extension://fkjlflbccelhjjpnkcimplpapacliccf/'],
    });
    const ffDir = join(temp(), 'native-messaging-hosts');
    const firefox = writeFirefoxHostManifest(ffDir, '/abs/launch.sh', 'anki-connect-browser@example.org');
    expect(JSON.parse(readFileSync(firefox, 'utf8'))).toEqual({
      name: 'com.anki_connect_browser.host',
      description: 'Anki-Connect Browser native host',
      path: '/abs/launch.sh',
      type: 'stdio',
      allowed_extensions: ['anki-connect-browser@example.org'],
    });
  });

  it('knows the per-user manifest folders on Linux and macOS', () => {
    const linux = userBrowserHostDirs('/home/u', 'linux', {});
    expect(linux.map((d) => d.dir)).toEqual([
      '/home/u/.config/google-chrome/NativeMessagingHosts',
      '/home/u/.config/chromium/NativeMessagingHosts',
      '/home/u/.config/microsoft-edge/NativeMessagingHosts',
      '/home/u/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
      '/home/u/.mozilla/native-messaging-hosts',
    ]);
    expect(linux.at(-1)).toMatchObject({ kind: 'firefox', configDir: '/home/u/.mozilla' });
    expect(userBrowserHostDirs('/home/u', 'linux', { XDG_CONFIG_HOME: '/xdg' })[1]!.dir).toBe('/xdg/chromium/NativeMessagingHosts');
    const mac = userBrowserHostDirs('/Users/u', 'darwin', {});
    expect(mac.map((d) => d.dir)).toEqual([
      '/Users/u/Library/Application Support/Google/Chrome/NativeMessagingHosts',
      '/Users/u/Library/Application Support/Chromium/NativeMessagingHosts',
      '/Users/u/Library/Application Support/Microsoft Edge/NativeMessagingHosts',
      '/Users/u/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts',
      '/Users/u/Library/Application Support/Mozilla/NativeMessagingHosts',
    ]);
  });
});
