/** Where things are: the project, its builds, the default profile. */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIST = join(PROJECT_ROOT, 'dist');
export const HOST_MAIN = join(PROJECT_ROOT, 'build', 'native-host', 'src', 'main.js');

export function defaultProfileDir(): string {
  const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'anki-connect-browser', 'chromium-profile');
}
