/**
 * The listening HTTP server: binds where the config says, rebinds when that
 * changes, and retries while the port is still held (a restarted service
 * worker may spawn a new host while the old one still listens).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { HostStatusMessage } from '../../shared/messages.ts';
import { log } from './log.ts';
import type { BindTarget } from './options.ts';

export type ListenStatus = Omit<HostStatusMessage, 'type' | 'pid'>;

export interface RetryPolicy {
  intervalMs: number;
  maxMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { intervalMs: 250, maxMs: 10_000 };

export class Binder {
  private server: Server | null = null;
  private target: BindTarget | null = null;
  private boundPort: number | null = null;
  private last: ListenStatus | null = null;
  /** Bumped on every new bind or close, so stale attempts and retries stand down. */
  private generation = 0;
  /** Takes WebSocket upgrades (socket-link.ts); without it they are refused. */
  upgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;

  constructor(
    private readonly handler: RequestListener,
    private readonly report: (status: ListenStatus) => void,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** Listens on `target` unless already there (or getting there); reports the outcome. */
  bind(target: BindTarget): void {
    if (this.isCurrent(target)) {
      if (this.last) this.report(this.last);
      return;
    }
    this.closeServer();
    const generation = ++this.generation;
    this.target = target;
    this.boundPort = null;
    this.last = null;
    this.attempt(generation, target, Date.now());
  }

  /** Stops listening; connections already open finish their requests. */
  close(): void {
    this.generation++;
    this.target = null;
    this.closeServer();
  }

  private isCurrent(target: BindTarget): boolean {
    const t = this.target;
    if (!t || t.address !== target.address) return false;
    if (this.last && !this.last.listening) return false; // failed: try again
    return t.port === target.port || (this.boundPort !== null && this.boundPort === target.port);
  }

  private attempt(generation: number, target: BindTarget, startedAt: number): void {
    const server = createServer({ requestTimeout: 0, keepAliveTimeout: 60_000 }, this.handler);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.upgrade) this.upgrade(req, socket, head);
      else socket.destroy();
    });
    const onError = (err: NodeJS.ErrnoException): void => {
      if (generation !== this.generation) return;
      const waited = Date.now() - startedAt;
      if (err.code === 'EADDRINUSE' && waited + this.retry.intervalMs <= this.retry.maxMs) {
        log(`${target.address}:${target.port} in use, retrying`);
        setTimeout(() => {
          if (generation === this.generation) this.attempt(generation, target, startedAt);
        }, this.retry.intervalMs);
        return;
      }
      log(`cannot listen on ${target.address}:${target.port}:`, err.message);
      this.publish({ listening: false, address: target.address, port: target.port, error: listenError(target, err) });
    };
    server.once('error', onError);
    server.listen({ host: target.address, port: target.port }, () => {
      server.off('error', onError);
      server.on('error', (err) => log('server error:', err.message));
      if (generation !== this.generation) {
        server.close();
        return;
      }
      const bound = server.address() as AddressInfo;
      this.server = server;
      this.boundPort = bound.port;
      log(`listening on ${bound.address}:${bound.port}`);
      this.publish({ listening: true, address: bound.address, port: bound.port, error: null });
    });
  }

  private publish(status: ListenStatus): void {
    this.last = status;
    this.report(status);
  }

  private closeServer(): void {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.close();
    server.closeIdleConnections();
  }
}

function listenError(target: BindTarget, err: NodeJS.ErrnoException): string {
  const why = err.code === 'EADDRINUSE' ? 'the address is in use' : err.message;
  return `Failed to listen on ${target.address}:${target.port}: ${why}`;
}
