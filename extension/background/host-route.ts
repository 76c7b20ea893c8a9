/**
 * Where messages to the host go: through the native port, or over the host's
 * socket once both sides have switched to it (shared/messages.ts
 * SOCKET_PATH has the handshake). The socket halves a round trip and keeps
 * the browser process out of every request; the port stays the fallback.
 * Messages keep their order across the switch: those made while the switch
 * is under way are held, then sent on whichever side it ended on.
 */
import { SOCKET_MAX_MESSAGE_BYTES, type ExtensionToHost, type HostToExtension } from '../../shared/messages.ts';
import { encodeReplyFrame } from '../../shared/reply-frame.ts';
import type { HostChannel } from './host-files.ts';
import type { ServiceResponse } from './http.ts';
import { recycle } from './json-bytes.ts';

/** The part of a WebSocket the route uses (tests give a fake). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string | Uint8Array): void;
  close(): void;
}

const OPEN = 1;
const textEncoder = new TextEncoder();
/** Reply bodies from this length (bytes, or UTF-16 units for text) go as binary frames (measured: smaller ones are faster as text). */
export const FRAME_MIN_LENGTH = 32 * 1024;
/** How long the host may take to accept the switch before the route stays on the port. */
const SWITCH_TIMEOUT_MS = 2_000;

export interface RouteEvents {
  /** A message from the host that came over the socket. */
  message(message: HostToExtension): void;
  /** The socket closed after carrying messages: some sent on it may not have arrived. */
  socketLost(): void;
}

export type Transport = 'native' | 'socket';

export class HostRoute implements HostChannel {
  private socket: SocketLike | null = null;
  private state: 'native' | 'opening' | 'switching' | 'socket' = 'native';
  private held: ExtensionToHost[] = [];
  private switchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly port: HostChannel,
    private readonly events: RouteEvents,
    private readonly openSocket: (url: string) => SocketLike = (url) => new WebSocket(url) as unknown as SocketLike,
  ) {}

  get connected(): boolean {
    return this.port.connected;
  }

  get transport(): Transport {
    return this.state === 'socket' ? 'socket' : 'native';
  }

  send(message: ExtensionToHost): void {
    if (this.state === 'switching') {
      this.held.push(message);
      return;
    }
    if (this.state === 'socket' && this.socket?.readyState === OPEN) {
      const text = JSON.stringify(message);
      // Beyond the host's limit the socket would close: such a message (rare: over 341 MiB of text) takes the port.
      if (text.length * 3 <= SOCKET_MAX_MESSAGE_BYTES) {
        this.socket.send(text);
        return;
      }
    }
    this.port.send(message);
  }

  /**
   * Sends a reply with a large body as one binary frame when the socket is in
   * use; false otherwise (the caller sends it as text, which costs less for a
   * small one).
   */
  sendReply(response: ServiceResponse): boolean {
    const socket = this.socket;
    const { body, ...rest } = response;
    if (this.state !== 'socket' || socket?.readyState !== OPEN || body === null || body.length < FRAME_MIN_LENGTH) return false;
    const frame = encodeReplyFrame(rest, typeof body === 'string' ? textEncoder.encode(body) : body);
    if (frame.length > SOCKET_MAX_MESSAGE_BYTES) return false; // the host's HTTP side channel takes it
    socket.send(frame); // copies the bytes: the buffer can be written again
    recycle(frame);
    return true;
  }

  /** The host offered its socket at `url`: opens it unless one is open or opening. */
  offer(url: string): void {
    if (this.state !== 'native' || !this.port.connected) return;
    let ws: SocketLike;
    try {
      ws = this.openSocket(url);
    } catch (e) {
      console.warn('could not open the host socket; staying on native messaging', e);
      return;
    }
    this.socket = ws;
    this.state = 'opening';
    ws.onopen = () => {
      if (this.socket !== ws || this.state !== 'opening') return;
      this.state = 'switching';
      this.port.send({ type: 'socket-switch' });
      this.switchTimer = setTimeout(() => this.drop(ws, 'the host did not take the socket in time'), SWITCH_TIMEOUT_MS);
    };
    ws.onmessage = (ev) => this.receive(ws, ev.data);
    ws.onclose = ws.onerror = () => this.drop(ws, null);
  }

  /** The host answered socket-switch on the port: it has no socket open, so the port stays. */
  refused(): void {
    if (this.state === 'switching' && this.socket) this.drop(this.socket, 'the host refused the socket');
  }

  /** The port dropped: the host process is gone, and its socket with it. */
  portDisconnected(): void {
    const ws = this.socket;
    this.reset();
    this.held = [];
    ws?.close();
  }

  private receive(ws: SocketLike, data: unknown): void {
    if (this.socket !== ws) return;
    let message: HostToExtension;
    try {
      message = JSON.parse(String(data)) as HostToExtension;
    } catch (e) {
      console.error('bad message on the host socket', e);
      return;
    }
    if (message?.type === 'socket-switched') {
      if (this.state !== 'switching') return;
      this.clearTimer();
      this.state = 'socket';
      this.flush();
      return;
    }
    this.events.message(message);
  }

  /** Leaves the socket; what was held goes through the port, still in order. */
  private drop(ws: SocketLike, why: string | null): void {
    if (this.socket !== ws) return;
    const wasInUse = this.state === 'socket';
    if (why) console.warn(`${why}; staying on native messaging`);
    this.reset();
    this.flush();
    if (ws.readyState <= OPEN) ws.close();
    if (wasInUse) this.events.socketLost();
  }

  private reset(): void {
    this.clearTimer();
    this.socket = null;
    this.state = 'native';
  }

  private flush(): void {
    const held = this.held;
    this.held = [];
    for (const m of held) this.send(m);
  }

  private clearTimer(): void {
    if (this.switchTimer) clearTimeout(this.switchTimer);
    this.switchTimer = null;
  }
}
