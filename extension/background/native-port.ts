/**
 * The port to the native host: connects, reconnects with back-off when it
 * drops, and passes every message through the chunk codec both ways.
 */
import { MessageAssembler, MessageSplitter } from '../../shared/frames.ts';
import { HOST_NAME } from '../../shared/limits.ts';
import type { ExtensionToHost, HostToExtension } from '../../shared/messages.ts';

export interface NativePortHandlers {
  onConnect(port: NativePort): void;
  onMessage(message: HostToExtension, port: NativePort): void;
  onDisconnect(reason: string): void;
}

const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

export class NativePort {
  private port: chrome.runtime.Port | null = null;
  private readonly splitter = new MessageSplitter();
  private assembler = new MessageAssembler();
  private backoff = MIN_BACKOFF_MS;
  private retry: ReturnType<typeof setTimeout> | null = null;
  lastError: string | null = null;

  constructor(private readonly handlers: NativePortHandlers) {}

  get connected(): boolean {
    return this.port !== null;
  }

  connect(): void {
    if (this.port) return;
    if (this.retry) {
      clearTimeout(this.retry);
      this.retry = null;
    }
    const port = chrome.runtime.connectNative(HOST_NAME);
    this.port = port;
    this.assembler = new MessageAssembler();
    port.onMessage.addListener((raw: unknown) => {
      this.backoff = MIN_BACKOFF_MS;
      let message: unknown;
      try {
        message = this.assembler.accept(raw);
      } catch (e) {
        console.error('bad message from host', e);
        return;
      }
      if (message !== undefined) this.handlers.onMessage(message as HostToExtension, this);
    });
    port.onDisconnect.addListener(() => {
      const reason = chrome.runtime.lastError?.message ?? 'disconnected';
      this.lastError = reason;
      if (this.port === port) this.port = null;
      this.handlers.onDisconnect(reason);
      this.scheduleReconnect();
    });
    this.handlers.onConnect(this);
  }

  send(message: ExtensionToHost): void {
    const port = this.port;
    if (!port) return;
    for (const part of this.splitter.splitToObjects(message)) port.postMessage(part);
  }

  private scheduleReconnect(): void {
    if (this.retry) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect();
    }, wait);
  }
}
