/**
 * The native host's file bridge, extension side: file operations sent over
 * the native port with an id and matched with the host's replies, Python's
 * OSError texts for failures, and the host's media-folder news passed on to
 * whoever listens (media-sync.ts). A request in flight when the port drops
 * fails at once.
 *
 * Bytes take the host's HTTP port when it listens (host-http.ts): raw, no
 * base64, and not queued on the native port ahead of replies. The native
 * port carries them (as base64) only when HTTP cannot.
 */
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.ts';
import type {
  ExtensionToHost,
  FileOperation,
  FileReplyMessage,
  HostStatusMessage,
  HostToExtension,
  MediaChangedMessage,
  MediaFileStat,
} from '../../shared/messages.ts';
import * as E from '../actions/errors.ts';
import type { HostFiles } from '../collection/media/types.ts';
import { HostFileError } from './file-errors.ts';
import { HostHttp } from './host-http.ts';

export { fileErrorText, HostFileError } from './file-errors.ts';

/** The port to the host, as the bridge needs it (NativePort has both). */
export interface HostChannel {
  send(message: ExtensionToHost): void;
  readonly connected: boolean;
}

/** A media file read from the folder. */
export interface FolderFile {
  bytes: Uint8Array;
  stat: MediaFileStat;
  md5: string;
}

interface Waiter {
  resolve(reply: FileReplyMessage): void;
  reject(error: Error): void;
}

export class HostBridge implements HostFiles {
  private channel: HostChannel | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Waiter>();
  private dir: string | null = null;
  private readonly connectListeners: (() => void)[] = [];
  private readonly changeListeners: ((m: MediaChangedMessage) => void)[] = [];
  private readonly http = new HostHttp();
  private status: HostStatusMessage | null = null;

  /** Uses this port from now on. */
  attach(channel: HostChannel): void {
    this.channel = channel;
  }

  get connected(): boolean {
    return this.channel?.connected ?? false;
  }

  /** Sends one operation; resolves with the host's reply, rejects with its failure or when the port drops. */
  request(op: FileOperation): Promise<FileReplyMessage> {
    const channel = this.channel;
    if (!channel?.connected) return Promise.reject(new Error(E.hostNotConnected));
    const id = this.nextId++;
    const reply = new Promise<FileReplyMessage>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    channel.send({ type: 'file', id, ...op });
    return reply.then((r) => {
      if (r.error) throw new HostFileError(r.error);
      if (r.dir) this.dir = r.dir;
      if (r.token) this.http.open(r.token, this.status);
      return r;
    });
  }

  /** Takes the host's file replies and media news; false for any other message. */
  accept(message: HostToExtension): boolean {
    if (message.type === 'status') {
      this.status = message; // noted, and left to the host link
      this.http.listening(message);
      return false;
    }
    if (message.type === 'file-reply') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
      return true;
    }
    if (message.type === 'media-changed') {
      for (const l of this.changeListeners) l(message);
      return true;
    }
    return false;
  }

  /** The port (re)connected. */
  portConnected(): void {
    for (const l of this.connectListeners) l();
  }

  /** The socket closed while in use: the replies to requests in flight may be lost, so they fail. */
  channelReset(): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error(E.hostNotConnected));
  }

  /** The port dropped: every request in flight fails. */
  portDisconnected(): void {
    this.status = null;
    this.http.close();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error(E.hostNotConnected));
  }

  onConnected(listener: () => void): void {
    this.connectListeners.push(listener);
  }

  onMediaChanged(listener: (m: MediaChangedMessage) => void): void {
    this.changeListeners.push(listener);
  }

  get inFlight(): number {
    return this.pending.size;
  }

  async read(path: string): Promise<Uint8Array> {
    if (!this.connected) throw new Error(E.hostNotConnected);
    const fast = await this.http.readFile(path);
    if (fast) return fast;
    const reply = await this.request({ op: 'read', path });
    return base64ToBytes(reply.data ?? '');
  }

  async write(path: string, bytes: Uint8Array): Promise<void> {
    if (!this.connected) throw new Error(E.hostNotConnected);
    if (await this.http.writeFile(path, bytes)) return;
    await this.request({ op: 'write', path, data: bytesToBase64(bytes) });
  }

  /** A file of the media folder; null when there is none. */
  async readMedia(name: string): Promise<FolderFile | null> {
    if (!this.connected) throw new Error(E.hostNotConnected);
    try {
      const fast = await this.http.readMedia(name);
      if (fast) return fast;
      const r = await this.request({ op: 'media-read', name });
      return { bytes: base64ToBytes(r.data ?? ''), stat: r.stat ?? { name, size: 0, mtime: 0 }, md5: r.md5 ?? '' };
    } catch (e) {
      if (e instanceof HostFileError && e.failure.code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Writes a file into the media folder with the given mtime; returns what the folder then has. */
  async writeMedia(name: string, bytes: Uint8Array, mtime: number): Promise<MediaFileStat> {
    if (!this.connected) throw new Error(E.hostNotConnected);
    const fast = await this.http.writeMedia(name, bytes, mtime);
    if (fast) return fast;
    const r = await this.request({ op: 'media-write', name, data: bytesToBase64(bytes), mtime });
    return r.stat ?? { name, size: bytes.length, mtime };
  }

  /** The media folder's absolute path (known since the last connect, else asked). */
  async mediaDirPath(): Promise<string> {
    if (this.dir) return this.dir;
    const reply = await this.request({ op: 'media-dir' });
    return reply.dir ?? '';
  }
}
