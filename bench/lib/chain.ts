/**
 * The whole chain for the bench, started exactly as `npm start` runs it:
 * scripts/start.ts with a headless Chromium holding the built extension, the
 * real native host and real HTTP, in a temporary profile on free ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

export interface Chain {
  port: number;
  debugPort: number;
  profileDir: string;
  proc: ChildProcess;
  /** The last lines the start script (and, with BENCH_DEBUG=1, the browser and host) wrote on stderr. */
  logTail(): string;
  /** SIGTERM to the start script (it stops the browser), then wait for it. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function tempProfile(): string {
  return mkdtempSync(join(tmpdir(), 'acb-bench-profile-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const LOG_TAIL_CHARS = 8000;

/** With BENCH_DEBUG=1 the browser's stderr and the host's log are kept too. */
function chainEnv(): NodeJS.ProcessEnv {
  return process.env.BENCH_DEBUG ? { ...process.env, ACB_BROWSER_LOG: '1', ACB_HOST_LOG: '1' } : process.env;
}

function waitForListening(proc: ChildProcess, stderr: () => string): Promise<void> {
  let stdout = '';
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the chain did not start within ${START_TIMEOUT_MS / 1000} s\n${stderr()}`)), START_TIMEOUT_MS);
    proc.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('AnkiConnect API listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/start.ts exited with ${code}\n${stderr()}`));
    });
  });
}

export async function startChain(o: { profileDir?: string; port?: number } = {}): Promise<Chain> {
  const port = o.port ?? (await freePort());
  const debugPort = await freePort();
  const profileDir = o.profileDir ?? tempProfile();
  const args = ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'start.ts'), '--headless', '--profile', profileDir, '--port', String(port), '--debug-port', String(debugPort)];
  const proc = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: chainEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-LOG_TAIL_CHARS);
  });
  try {
    await waitForListening(proc, () => stderr);
  } catch (e) {
    if (proc.exitCode === null) proc.kill('SIGTERM');
    await exited;
    throw e;
  }
  return {
    port,
    debugPort,
    profileDir,
    proc,
    logTail: () => stderr,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
