import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtensionToHost, HostToExtension } from '../../../shared/messages.ts';
import { FRAME_MIN_LENGTH, HostRoute, type SocketLike } from '../../../extension/background/host-route.ts';
import { decodeReplyFrame } from '../../../shared/reply-frame.ts';

class FakePort {
  connected = true;
  readonly sent: ExtensionToHost[] = [];
  send(m: ExtensionToHost): void {
    this.sent.push(m);
  }
}

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string | Uint8Array): void {
    this.sent.push(typeof data === 'string' ? JSON.parse(data) : data);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(m: unknown): void {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const trim = (upTo: number): ExtensionToHost => ({ type: 'journal-trim', key: 'k', upTo });

describe('HostRoute', () => {
  let port: FakePort;
  let sockets: FakeSocket[];
  let received: HostToExtension[];
  let lost: number;
  let route: HostRoute;

  beforeEach(() => {
    vi.useFakeTimers();
    port = new FakePort();
    sockets = [];
    received = [];
    lost = 0;
    route = new HostRoute(port, { message: (m) => received.push(m), socketLost: () => lost++ }, (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    });
  });

  afterEach(() => vi.useRealTimers());

  /** Offers, opens and accepts the socket. */
  function switched(): FakeSocket {
    route.offer('ws://127.0.0.1:1/_acb/socket?token=t');
    const s = sockets.at(-1)!;
    s.open();
    s.receive({ type: 'socket-switched' });
    return s;
  }

  it('sends on the port until the switch, holds what comes during it, then sends everything on the socket in order', () => {
    route.send(trim(1));
    route.offer('ws://127.0.0.1:1/_acb/socket?token=t');
    route.send(trim(2));
    const s = sockets[0]!;
    expect(s.url).toBe('ws://127.0.0.1:1/_acb/socket?token=t');
    s.open();
    expect(port.sent).toEqual([trim(1), trim(2), { type: 'socket-switch' }]);
    route.send(trim(3));
    route.send(trim(4));
    expect(s.sent).toEqual([]);
    expect(route.transport).toBe('native');
    s.receive({ type: 'socket-switched' });
    expect(route.transport).toBe('socket');
    route.send(trim(5));
    expect(s.sent).toEqual([trim(3), trim(4), trim(5)]);
    expect(port.sent).toHaveLength(3);
  });

  it('passes every other message from the socket on, and ignores a malformed one', () => {
    const s = switched();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    s.onmessage?.({ data: '{not json' });
    s.receive({ type: 'status', listening: true, address: '127.0.0.1', port: 1, error: null, pid: 1 });
    expect(received.map((m) => m.type)).toEqual(['status']);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('opens one socket at a time', () => {
    route.offer('ws://a');
    route.offer('ws://b');
    expect(sockets).toHaveLength(1);
  });

  it('stays on the port, in order, when the host refuses the switch', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    route.offer('ws://a');
    const s = sockets[0]!;
    s.open();
    route.send(trim(1));
    route.refused();
    expect(port.sent).toEqual([{ type: 'socket-switch' }, trim(1)]);
    expect(s.closed).toBe(true);
    route.send(trim(2));
    expect(port.sent.at(-1)).toEqual(trim(2));
    expect(lost).toBe(0);
    warn.mockRestore();
  });

  it('stays on the port when the host never answers the switch', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    route.offer('ws://a');
    sockets[0]!.open();
    route.send(trim(1));
    vi.advanceTimersByTime(2_500);
    expect(port.sent).toEqual([{ type: 'socket-switch' }, trim(1)]);
    expect(route.transport).toBe('native');
    // A late answer changes nothing.
    sockets[0]!.receive({ type: 'socket-switched' });
    expect(route.transport).toBe('native');
    warn.mockRestore();
  });

  it('goes back to the port when the socket closes in use, and says so', () => {
    const s = switched();
    s.drop();
    expect(lost).toBe(1);
    expect(route.transport).toBe('native');
    route.send(trim(9));
    expect(port.sent.at(-1)).toEqual(trim(9));
    // It may be offered again.
    route.offer('ws://again');
    expect(sockets).toHaveLength(2);
  });

  it('a socket that fails before the switch is not a loss', () => {
    route.offer('ws://a');
    sockets[0]!.drop();
    expect(lost).toBe(0);
    route.send(trim(1));
    expect(port.sent).toEqual([trim(1)]);
  });

  it('drops the socket and what it held when the port disconnects, and opens none without a port', () => {
    route.offer('ws://a');
    sockets[0]!.open();
    route.send(trim(1));
    port.connected = false;
    route.portDisconnected();
    expect(sockets[0]!.closed).toBe(true);
    expect(lost).toBe(0);
    route.offer('ws://b');
    expect(sockets).toHaveLength(1);
  });

  it('sends a large reply as one binary frame on the socket, and leaves small ones and the port to the caller', () => {
    const response = (body: string | Uint8Array | null) => ({ type: 'response' as const, id: 3, status: 200, headers: {}, body });
    const big = new TextEncoder().encode('"' + 'é'.repeat(FRAME_MIN_LENGTH) + '"');
    expect(route.sendReply(response(big))).toBe(false); // not on the socket yet
    const s = switched();
    expect(route.sendReply(response('{"result":1}'))).toBe(false);
    expect(route.sendReply(response(null))).toBe(false);
    expect(route.sendReply(response(big))).toBe(true);
    const frame = s.sent.at(-1) as unknown as Uint8Array;
    const { header, body } = decodeReplyFrame(frame);
    expect(header).toEqual({ type: 'response', id: 3, status: 200, headers: {}, hasBody: true });
    expect(Buffer.from(body!).equals(Buffer.from(big))).toBe(true);
    const text = 'x'.repeat(FRAME_MIN_LENGTH);
    expect(route.sendReply(response(text))).toBe(true);
    expect(new TextDecoder().decode(decodeReplyFrame(s.sent.at(-1) as unknown as Uint8Array).body!)).toBe(text);
  });

  it('stays on the port when the socket cannot even be created', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = new HostRoute(port, { message: () => undefined, socketLost: () => undefined }, () => {
      throw new SyntaxError('bad url');
    });
    failing.offer('nonsense');
    failing.send(trim(1));
    expect(port.sent).toEqual([trim(1)]);
    warn.mockRestore();
  });
});
