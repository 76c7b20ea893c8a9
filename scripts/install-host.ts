/**
 * `npm run install-host`: registers the native host for the user's own
 * browsers (Chrome, Chromium, Edge, Brave, Firefox on Linux and macOS), in
 * each one whose per-user folder exists, and says where it wrote.
 * Needs `npm run build` first (the launcher runs build/native-host/src/main.js).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIREFOX_EXTENSION_ID,
  HOST_MAIN_JS,
  hostLauncherPath,
  projectExtensionId,
  userBrowserHostDirs,
  writeChromeHostManifest,
  writeFirefoxHostManifest,
} from '../native-host/src/install.ts';
import { PROJECT_ROOT } from './lib/paths.ts';

if (!existsSync(join(PROJECT_ROOT, HOST_MAIN_JS))) {
  console.error(`install-host: ${HOST_MAIN_JS} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

const extensionId = projectExtensionId(PROJECT_ROOT);
const launcher = hostLauncherPath(PROJECT_ROOT);
console.log(`Launcher: ${launcher}`);

const targets = userBrowserHostDirs();
if (targets.length === 0) {
  console.error(`install-host: ${process.platform} is not supported (Linux and macOS only).`);
  process.exit(1);
}

let written = 0;
for (const target of targets) {
  if (!existsSync(target.configDir)) {
    console.log(`${target.browser}: skipped (${target.configDir} not found)`);
    continue;
  }
  const file = target.kind === 'firefox'
    ? writeFirefoxHostManifest(target.dir, launcher, FIREFOX_EXTENSION_ID)
    : writeChromeHostManifest(target.dir, launcher, extensionId);
  console.log(`${target.browser}: wrote ${file}`);
  written++;
}

if (written === 0) console.log('No supported browser profile found; nothing registered.');
else console.log(`Registered for extension id ${extensionId} (Firefox: ${FIREFOX_EXTENSION_ID}).`);
