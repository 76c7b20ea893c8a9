/**
 * The whole chain for end-to-end tests: `scripts/start.ts` (what `npm start`
 * runs) in a fresh profile on a free port, a real Chromium with the built
 * extension, the real host, real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export function tempProfile(): string {
  return mkdtempSync(join(tmpdir(), 'acb-profile-'));
}

export interface Chain {
  port: number;
  profileDir: string;
  debugPort: number;
  /** The start script's process. */
  proc: ChildProcess;
  /** Pid of the browser (from the start script's report). */
  browserPid: number;
  stdout: string;
  /** SIGTERM to the start script, wait for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL the browser at once (the host sees EOF), then wait for the start script to end. */
  killBrowser(): Promise<void>;
}

export interface StartOptions {
  profileDir?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function startChain(o: StartOptions = {}): Promise<Chain> {
  const port = o.port ?? (await freePort());
  const debugPort = await freePort();
  const profileDir = o.profileDir ?? tempProfile();
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'start.ts'), '--headless', '--profile', profileDir, '--port', String(port), '--debug-port', String(debugPort)],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let browserPid = 0;
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chain did not start in time\n${stderr}`)), o.timeoutMs ?? 90_000);
    proc.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('AnkiConnect API listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /\(pid (\d+)\)/.exec(stderr);
      if (m) browserPid = Number(m[1]);
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code}\n${stderr}`));
    });
  });
  return {
    port,
    profileDir,
    debugPort,
    proc,
    browserPid,
    stdout,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async killBrowser() {
      process.kill(browserPid, 'SIGKILL');
      await exited;
    },
  };
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

export function http(port: number, body: string | Buffer | null, o: { method?: string; headers?: OutgoingHttpHeaders; path?: string; agent?: import('node:http').Agent } = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: o.method ?? 'POST', path: o.path ?? '/', headers: o.headers ?? {}, agent: o.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** POSTs one AnkiConnect request and returns the parsed reply. */
export async function invoke(port: number, action: string, params?: Record<string, unknown>, extra: Record<string, unknown> = { version: 6 }): Promise<unknown> {
  const body = JSON.stringify({ action, ...(params ? { params } : {}), ...extra });
  const r = await http(port, body, { headers: { 'content-type': 'application/json' } });
  return r.json();
}
