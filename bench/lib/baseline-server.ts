/**
 * The baseline: a bare Node HTTP server on 127.0.0.1 that answers `6` to any
 * request. It runs in a child process of its own, as the chain's host does,
 * so it does not share the client's event loop.
 *
 * Run directly (`node --import tsx baseline-server.ts`) it serves on a free
 * port, prints the port on stdout, and exits when its stdin closes (its
 * parent has gone).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface BaselineServer {
  port: number;
  close(): Promise<void>;
}

function serve(): void {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('6');
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
  process.on('SIGTERM', () => process.exit(0));
  // The parent holds our stdin: when it goes away (even killed), so do we.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

export async function startBaselineServer(): Promise<BaselineServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.on('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return {
    port,
    async close() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) serve();
