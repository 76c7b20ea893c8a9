/** Building the extension and the host when their sources changed. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EXTENSION_DIST, HOST_MAIN, PROJECT_ROOT } from './paths.ts';
import { isStale } from './stale.ts';


const at = (...p: string[]) => join(PROJECT_ROOT, ...p);
const common = [at('shared'), at('package.json'), at('package-lock.json')];

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function buildStale(force = false): void {
  const npx = join(PROJECT_ROOT, 'node_modules', '.bin');
  if (force || isStale(join(EXTENSION_DIST, 'manifest.json'), [at('extension'), at('manifest.json'), at('vite.config.ts'), ...common])) {
    run(join(npx, 'vite'), ['build', '--logLevel', 'warn']);
  }
  if (force || isStale(HOST_MAIN, [at('native-host'), at('tsconfig.host.json'), ...common])) {
    run(join(npx, 'tsc'), ['-p', 'tsconfig.host.json']);
  }
}


