import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOCKET_PATH, type HttpRequestMessage, type SocketOfferMessage } from '../../../shared/messages.ts';
import { encodeReplyFrame } from '../../../shared/reply-frame.ts';
import { HostProcess, http, json } from './host-process.ts';

type Message = { type: string } & Record<string, unknown>;

/** A WebSocket client standing in for the extension's socket, collecting what the host sends on it. */
class SocketClient {
  readonly received: Message[] = [];
  private readonly waiters: { type: string; resolve: (m: Message) => void }[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Message;
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
      else this.received.push(m);
    });
  }

  static open(url: string): Promise<SocketClient> {
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new SocketClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  next<T = Message>(type: string, timeoutMs = 10_000): Promise<T> {
    const i = this.received.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.received.splice(i, 1)[0] as T);
    return new Promise((resolve, reject) => {
      const waiter = { type, resolve: resolve as (m: Message) => void };
      this.waiters.push(waiter);
      setTimeout(() => reject(new Error(`no ${type} on the socket within ${timeoutMs} ms`)), timeoutMs);
    });
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

const REPLY_HEADERS = { 'Content-Type': 'application/json' };

describe('the host socket', () => {
  let host: HostProcess | null = null;

  afterEach(async () => {
    await host?.stop();
    host = null;
  });

  async function start(env: Record<string, string> = {}): Promise<{ host: HostProcess; port: number; url: (token: string) => string }> {
    host = new HostProcess({ env });
    host.config(0);
    const status = await host.nextStatus();
    const port = status.port!;
    return { host, port, url: (token) => `ws://127.0.0.1:${port}${SOCKET_PATH}?token=${token}` };
  }

  it('offers its socket after the config, takes it with its token, and after the switch carries requests and replies on it', async () => {
    const { host, port, url } = await start();
    const offer = await host.next<SocketOfferMessage>('socket-offer');
    expect(offer.token).toMatch(/^[0-9a-f]{64}$/);
    const socket = await SocketClient.open(url(offer.token));

    // Before the switch, requests still come through native messaging.
    const first = http(port, { body: '{"action":"version"}' });
    const viaPort = await host.next<HttpRequestMessage>('request');
    host.respond(viaPort.id, 200, REPLY_HEADERS, '{"result":6,"error":null}');
    expect(json(await first)).toEqual({ result: 6, error: null });

    host.send({ type: 'socket-switch' });
    await socket.next('socket-switched');

    const second = http(port, { body: '{"action":"deckNames"}' });
    const viaSocket = await socket.next<HttpRequestMessage>('request');
    expect(viaSocket.body).toBe('{"action":"deckNames"}');
    socket.send({ type: 'response', id: viaSocket.id, status: 200, headers: REPLY_HEADERS, body: '{"result":["Default"],"error":null}' });
    expect(json(await second)).toEqual({ result: ['Default'], error: null });
    expect(host.badFrames).toEqual([]);
    await socket.close();
  });

  it('writes a reply sent as a binary frame byte for byte, after the journal entries it carries are synced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acb-socket-journal-'));
    try {
      const { host, port, url } = await start({ ACB_JOURNAL_DIR: dir });
      const socket = await SocketClient.open(url((await host.next<SocketOfferMessage>('socket-offer')).token));
      host.send({ type: 'socket-switch' });
      await socket.next('socket-switched');
      const pending = http(port, { body: '{"action":"cardsInfo"}' });
      const req = await socket.next<HttpRequestMessage>('request');
      const body = new TextEncoder().encode(`{"result":[${'"日本語 \\"x\\"",'.repeat(20_000)}0],"error":null}`);
      const journal = { type: 'journal-append' as const, key: 'framekey', entries: [{ seq: 1, entry: '["framed"]' }] };
      socket.ws.send(encodeReplyFrame({ type: 'response', id: req.id, status: 200, headers: REPLY_HEADERS, journalSeq: 1, journal }, body));
      const res = await pending;
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body.equals(Buffer.from(body))).toBe(true);
      expect(readFileSync(join(dir, 'journal-framekey.log'), 'utf8')).toContain('framed');
      // A frame that is not a reply is dropped; the socket keeps working.
      socket.ws.send(new Uint8Array([1, 2, 3]));
      const next = http(port, { body: '{}' });
      const again = await socket.next<HttpRequestMessage>('request');
      socket.ws.send(encodeReplyFrame({ type: 'response', id: again.id, status: 403, headers: {} }, null));
      expect((await next).status).toBe(403);
      await socket.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a socket without the token, or with another one, and anything but its path', async () => {
    const { host, port, url } = await start();
    const { token } = await host.next<SocketOfferMessage>('socket-offer');
    await expect(SocketClient.open(url('0'.repeat(64)))).rejects.toThrow('HTTP 403');
    await expect(SocketClient.open(`ws://127.0.0.1:${port}${SOCKET_PATH}`)).rejects.toThrow('HTTP 403');
    await expect(SocketClient.open(`ws://127.0.0.1:${port}/elsewhere?token=${token}`)).rejects.toThrow('HTTP 403');
    // A refused socket changes nothing: the switch is refused on the port.
    host.send({ type: 'socket-switch' });
    await host.next('socket-switched');
  });

  it('takes socket-switch only on the port', async () => {
    const { host, port, url } = await start();
    const socket = await SocketClient.open(url((await host.next<SocketOfferMessage>('socket-offer')).token));
    socket.send({ type: 'socket-switch' });
    const reply = http(port, { body: '{}' });
    const req = await host.next<HttpRequestMessage>('request');
    host.respond(req.id, 200, REPLY_HEADERS, '{}');
    expect((await reply).status).toBe(200);
    expect(socket.received.filter((m) => m.type === 'socket-switched')).toEqual([]);
    await socket.close();
  });

  it('goes back to native messaging when the socket closes', async () => {
    const { host, port, url } = await start();
    const socket = await SocketClient.open(url((await host.next<SocketOfferMessage>('socket-offer')).token));
    host.send({ type: 'socket-switch' });
    await socket.next('socket-switched');
    await socket.close();
    await new Promise((r) => setTimeout(r, 100));
    const reply = http(port, { body: '{"action":"version"}' });
    const req = await host.next<HttpRequestMessage>('request');
    host.respond(req.id, 200, REPLY_HEADERS, '{"result":6,"error":null}');
    expect(json(await reply)).toEqual({ result: 6, error: null });
  });

  it('answers 503 to a request sent on the socket when the socket closes before its reply', async () => {
    const { host, port, url } = await start();
    const socket = await SocketClient.open(url((await host.next<SocketOfferMessage>('socket-offer')).token));
    host.send({ type: 'socket-switch' });
    await socket.next('socket-switched');
    const pending = http(port, { body: '{"action":"version"}' });
    await socket.next<HttpRequestMessage>('request');
    await socket.close();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(json(res)).toEqual({ result: null, error: 'Anki-Connect Browser extension is not connected' });
  });

  it('offers no socket and takes none under ACB_NATIVE_ONLY', async () => {
    const { host, port } = await start({ ACB_NATIVE_ONLY: '1' });
    await expect(host.next('socket-offer', 1_000)).rejects.toThrow('no socket-offer');
    await expect(SocketClient.open(`ws://127.0.0.1:${port}${SOCKET_PATH}?token=x`)).rejects.toThrow();
  });
});
