import { createServer as createNetServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRequestMessage } from '../../../shared/messages.ts';
import { HostProcess, http, json, NOT_CONNECTED } from './host-process.ts';

const hosts: HostProcess[] = [];
function startHost(options?: ConstructorParameters<typeof HostProcess>[0]): HostProcess {
  const host = new HostProcess(options);
  hosts.push(host);
  return host;
}

afterEach(async () => {
  const done = hosts.splice(0);
  await Promise.all(done.map((h) => h.stop()));
  for (const h of done) {
    expect(h.badFrames).toEqual([]);
    expect(h.trailingBytes).toBe(0);
  }
});

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function freePort(): Promise<number> {
  const s = await listen();
  const port = portOf(s);
  await close(s);
  return port;
}

describe('native host lifecycle', () => {
  it('with --listen answers 503 until the extension sends its config', async () => {
    const host = startHost({ args: ['--listen', '127.0.0.1:0'] });
    const status = await host.nextStatus();
    expect(status).toMatchObject({ listening: true, address: '127.0.0.1', error: null });
    const port = status.port!;

    const early = await http(port, { body: '{"action":"version"}' });
    expect(early.status).toBe(503);
    expect(early.headers['content-type']).toBe('application/json');
    expect(json(early)).toEqual(NOT_CONNECTED);

    host.config(0); // same target: no rebind, status again
    expect(await host.nextStatus()).toMatchObject({ listening: true, port });
    host.serve(() => ({ status: 200, headers: {}, body: 'served' }));
    const later = await http(port, { body: '{}' });
    expect(later.status).toBe(200);
    expect(later.body.toString()).toBe('served');
  });

  it('with ACB_LISTEN_WITHOUT_EXTENSION=1 listens at start on the overridden port', async () => {
    const port = await freePort();
    const host = startHost({ env: { ACB_LISTEN_WITHOUT_EXTENSION: '1', ACB_PORT: String(port) } });
    expect(await host.nextStatus()).toMatchObject({ listening: true, address: '127.0.0.1', port });
    const res = await http(port, { method: 'GET' });
    expect(res.status).toBe(503);
    expect(json(res)).toEqual(NOT_CONNECTED);
  });

  it('applies ACB_PORT and ANKICONNECT_BIND_ADDRESS over the config', async () => {
    const port = await freePort();
    const host = startHost({ env: { ACB_PORT: String(port), ANKICONNECT_BIND_ADDRESS: '127.0.0.1' } });
    host.config(1, { bindAddress: '0.0.0.0' });
    expect(await host.nextStatus()).toMatchObject({ listening: true, address: '127.0.0.1', port });
  });

  it('answers 503 to a request in flight when stdin closes, and exits', async () => {
    const host = startHost();
    host.config(0);
    const { port } = await host.nextStatus();
    const pending = http(port!, { body: '{"action":"deckNames"}' });
    await host.next<HttpRequestMessage>('request');
    host.proc.stdin.end();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(json(res)).toEqual(NOT_CONNECTED);
    expect(await host.exited).toBe(0);
    await expect(http(port!, { body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers 503 and exits when stdout breaks (EPIPE)', async () => {
    const host = startHost();
    host.config(0);
    const { port } = await host.nextStatus();
    host.proc.stdout.destroy();
    const res = await http(port!, { body: 'x'.repeat(200_000) });
    expect(res.status).toBe(503);
    expect(json(res)).toEqual(NOT_CONNECTED);
    expect(await host.exited).toBe(0);
  });

  it('rebinds when a new config names another port', async () => {
    const host = startHost();
    host.serve((req) => ({ status: 200, headers: {}, body: req.headers.host ?? '' }));
    host.config(0);
    const first = (await host.nextStatus()).port!;
    expect((await http(first, { body: '{}' })).status).toBe(200);

    const second = await freePort();
    host.config(second);
    expect(await host.nextStatus()).toMatchObject({ listening: true, port: second });
    const res = await http(second, { body: '{}' });
    expect(res.body.toString()).toBe(`127.0.0.1:${second}`);
    await expect(http(first, { body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('retries while the port is taken, and listens once it is free', async () => {
    const blocker = await listen();
    const port = portOf(blocker);
    const host = startHost();
    const started = Date.now();
    host.config(port);
    setTimeout(() => void close(blocker), 500);
    const status = await host.nextStatus();
    expect(status).toMatchObject({ listening: true, port, error: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    host.serve(() => ({ status: 200, headers: {}, body: 'ok' }));
    expect((await http(port, { body: '{}' })).body.toString()).toBe('ok');
  });

  it('refuses a malformed --listen', async () => {
    const host = startHost({ args: ['--listen', 'nonsense'] });
    expect(await host.exited).not.toBe(0);
    expect(host.frameLengths).toEqual([]);
  });
});
