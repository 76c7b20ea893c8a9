/**
 * The extension's WebSocket to the host's own port (shared/messages.ts
 * SOCKET_PATH): accepted only with this host process's token, one at a time
 * (a newer one replaces the older). Each message is one JSON text frame,
 * whole: the socket has no 1 MB limit, so no chunking.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { SOCKET_MAX_MESSAGE_BYTES, SOCKET_PATH, type HostToExtension } from '../../shared/messages.ts';
import { decodeReplyFrame, type ReplyHeader } from '../../shared/reply-frame.ts';
import { log } from './log.ts';
import type { HostToken } from './token.ts';


export interface SocketHandlers {
  /** A message from the extension. */
  message(message: unknown): void;
  /** A reply sent as a binary frame (shared/reply-frame.ts). */
  reply(header: ReplyHeader, body: Buffer | null): void;
  /** The socket in use closed. */
  closed(): void;
}

export class SocketLink {
  private readonly server = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: SOCKET_MAX_MESSAGE_BYTES });
  private socket: WebSocket | null = null;

  constructor(
    private readonly token: HostToken,
    private readonly handlers: SocketHandlers,
  ) {}

  /** The HTTP server's 'upgrade' listener: the socket, with the right token, or 403. */
  readonly upgrade = (req: IncomingMessage, stream: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== SOCKET_PATH || !this.token.matches(url.searchParams.get('token'))) {
      stream.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, stream, head, (ws) => this.adopt(ws));
  };

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends one message; false when no socket is open. */
  send(message: HostToExtension): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
    this.server.close();
  }

  private adopt(ws: WebSocket): void {
    const old = this.socket;
    this.socket = ws;
    if (old) {
      log('a new socket from the extension replaces the old one');
      old.terminate();
      this.handlers.closed();
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        let frame: ReturnType<typeof decodeReplyFrame>;
        try {
          frame = decodeReplyFrame(data as Buffer);
        } catch (e) {
          log('dropping a bad reply frame:', (e as Error).message);
          return;
        }
        const { body } = frame;
        this.handlers.reply(frame.header, body && Buffer.from(body.buffer, body.byteOffset, body.byteLength));
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch (e) {
        log('dropping a bad socket message:', (e as Error).message);
        return;
      }
      this.handlers.message(message);
    });
    ws.on('error', (e) => log('socket error:', e.message));
    ws.on('close', () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.handlers.closed();
    });
  }
}
