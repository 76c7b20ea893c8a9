/**
 * Test helpers: the real host as a child process with the test acting as the
 * extension (frames to its stdin, frames from its stdout), and a small
 * node:http client.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { encodeFrame, FrameReader, MessageAssembler, MessageSplitter } from '../../../shared/frames.ts';
import type { HostStatusMessage, HttpRequestMessage, HttpResponseMessage } from '../../../shared/messages.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Message = { type: string } & Record<string, unknown>;

export interface HostOptions {
  args?: string[];
  env?: Record<string, string>;
}

export class HostProcess {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Length of every frame read from stdout, and their JSON texts' parse failures. */
  readonly frameLengths: number[] = [];
  readonly badFrames: string[] = [];
  stdoutBytes = 0;
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly reader = new FrameReader();
  private readonly assembler = new MessageAssembler();
  private readonly splitter = new MessageSplitter();
  private readonly queue: Message[] = [];
  private readonly waiters: { type: string; resolve: (m: Message) => void }[] = [];
  private autoReply: ((req: HttpRequestMessage) => Omit<HttpResponseMessage, 'type' | 'id'> | null) | null = null;

  constructor(options: HostOptions = {}) {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...options.env };
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'native-host/src/main.ts', ...(options.args ?? [])], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stderr.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.proc.stdout.on('data', (c: Buffer) => this.receive(c));
    this.proc.stdin.on('error', () => {});
  }

  /** Sends one message as the extension would: chunked when large. */
  send(message: unknown): void {
    for (const json of this.splitter.split(message)) this.proc.stdin.write(encodeFrame(json));
  }

  config(bindPort: number, extra: Partial<{ bindAddress: string; bodyLimitBytes: number }> = {}): void {
    this.send({ type: 'config', bindAddress: '127.0.0.1', bindPort, bodyLimitBytes: 1 << 28, ...extra });
  }

  /** The next message of `type` (already received or still to come). */
  next<T = Message>(type: string, timeoutMs = 15_000): Promise<T> {
    const i = this.queue.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.queue.splice(i, 1)[0] as T);
    return new Promise((resolve, reject) => {
      const waiter = { type, resolve: resolve as (m: Message) => void };
      this.waiters.push(waiter);
      setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at < 0) return;
        this.waiters.splice(at, 1);
        reject(new Error(`no ${type} message within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
    });
  }

  nextStatus(timeoutMs?: number): Promise<HostStatusMessage> {
    return this.next<HostStatusMessage>('status', timeoutMs);
  }

  /** Answers every request from now on with `reply(request)` (null: leave it to the test). */
  serve(reply: ((req: HttpRequestMessage) => Omit<HttpResponseMessage, 'type' | 'id'> | null) | null): void {
    this.autoReply = reply;
  }

  respond(id: number, status: number, headers: Record<string, string>, body: string | null): void {
    this.send({ type: 'response', id, status, headers, body });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.stdin.end();
    await this.exited;
  }

  /** Bytes left in stdout that do not form a whole frame. */
  get trailingBytes(): number {
    return this.reader.buffered;
  }

  private receive(bytes: Buffer): void {
    this.stdoutBytes += bytes.length;
    for (const text of this.reader.push(bytes)) {
      this.frameLengths.push(Buffer.byteLength(text));
      let message: Message | undefined;
      try {
        message = this.assembler.accept(JSON.parse(text)) as Message | undefined;
      } catch {
        this.badFrames.push(text.slice(0, 200));
        continue;
      }
      if (message) this.deliver(message);
    }
  }

  private deliver(message: Message): void {
    if (message.type === 'request' && this.autoReply) {
      const req = message as unknown as HttpRequestMessage;
      const reply = this.autoReply(req);
      if (reply) {
        this.send({ type: 'response', id: req.id, ...reply });
        return;
      }
    }
    const i = this.waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(message);
    else this.queue.push(message);
  }
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  localPort: number | undefined;
}

export interface HttpOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: Agent;
}

export function http(port: number, options: HttpOptions = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        const localPort = res.socket.localPort;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks), localPort }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function json(result: HttpResult): unknown {
  return JSON.parse(result.body.toString('utf8'));
}

export const NOT_CONNECTED = { result: null, error: 'Anki-Connect Browser extension is not connected' };
