import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Binder, type ListenStatus } from '../../../native-host/src/binder.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => resolve(s));
    cleanups.push(() => s.close());
  });
}

function binder(retry = { intervalMs: 20, maxMs: 150 }): { binder: Binder; statuses: ListenStatus[]; next: () => Promise<ListenStatus> } {
  const statuses: ListenStatus[] = [];
  let wake: (() => void) | null = null;
  const b = new Binder((_req, res) => res.end('hi'), (s) => {
    statuses.push(s);
    wake?.();
  }, retry);
  cleanups.push(() => b.close());
  let seen = 0;
  const next = async (): Promise<ListenStatus> => {
    while (statuses.length <= seen) await new Promise<void>((r) => (wake = r));
    return statuses[seen++]!;
  };
  return { binder: b, statuses, next };
}

describe('Binder', () => {
  it('reports the real port for port 0, and does not rebind for the same target', async () => {
    const { binder: b, statuses, next } = binder();
    b.bind({ address: '127.0.0.1', port: 0 });
    const first = await next();
    expect(first).toMatchObject({ listening: true, address: '127.0.0.1', error: null });
    b.bind({ address: '127.0.0.1', port: 0 });
    b.bind({ address: '127.0.0.1', port: first.port! });
    expect(statuses).toEqual([first, first, first]);
    const res = await fetch(`http://127.0.0.1:${first.port}/`);
    expect(await res.text()).toBe('hi');
  });

  it('gives up on a port in use after the retry window, and tries again when asked', async () => {
    const blocker = await occupy();
    const port = (blocker.address() as { port: number }).port;
    const { binder: b, next } = binder();
    const started = Date.now();
    b.bind({ address: '127.0.0.1', port });
    const failed = await next();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(failed).toMatchObject({ listening: false, address: '127.0.0.1', port });
    expect(failed.error).toMatch(/in use/);

    await new Promise<void>((r) => blocker.close(() => r()));
    b.bind({ address: '127.0.0.1', port });
    expect(await next()).toMatchObject({ listening: true, port });
  });

  it('reports other listen errors at once', async () => {
    const { binder: b, next } = binder({ intervalMs: 1000, maxMs: 10_000 });
    b.bind({ address: '203.0.113.1', port: 0 }); // TEST-NET-3: not a local address
    const status = await next();
    expect(status.listening).toBe(false);
    expect(status.error).toMatch(/203\.0\.113\.1/);
  });

  it('abandons a pending attempt when a new target arrives', async () => {
    const blocker = await occupy();
    const busy = (blocker.address() as { port: number }).port;
    const { binder: b, statuses, next } = binder({ intervalMs: 20, maxMs: 5000 });
    b.bind({ address: '127.0.0.1', port: busy });
    await new Promise((r) => setTimeout(r, 60));
    b.bind({ address: '127.0.0.1', port: 0 });
    const status = await next();
    expect(status.listening).toBe(true);
    expect(status.port).not.toBe(busy);
    await new Promise((r) => setTimeout(r, 100));
    expect(statuses).toHaveLength(1);
  });
});
