/**
 * The native-messaging channel to the extension over stdin/stdout: frames
 * (4-byte little-endian length + UTF-8 JSON) carrying messages, every message
 * through the chunk codec both ways. Nothing else is ever written to stdout.
 */
import { encodeFrame, FrameReader, MessageAssembler, MessageSplitter } from '../../shared/frames.ts';
import type { HostToExtension } from '../../shared/messages.ts';
import { log } from './log.ts';

export interface LinkHandlers {
  /** A complete (reassembled) message from the extension. */
  message(message: unknown): void;
  /** The channel is gone: stdin ended (the browser closed the port), or stdout failed (EPIPE). */
  closed(reason: string): void;
}

export class ExtensionLink {
  private readonly reader = new FrameReader();
  private readonly assembler = new MessageAssembler();
  private readonly splitter = new MessageSplitter();
  private open = true;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
    private readonly handlers: LinkHandlers,
  ) {
    input.on('data', (bytes: Buffer) => this.receive(bytes));
    input.on('end', () => this.close('stdin ended'));
    input.on('error', (e: Error) => this.close(`stdin: ${e.message}`));
    output.on('error', (e: Error) => this.close(`stdout: ${e.message}`));
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Sends one message, as one frame or as chunk frames; one write per frame. */
  send(message: HostToExtension): void {
    if (!this.open) return;
    try {
      for (const json of this.splitter.split(message)) this.output.write(encodeFrame(json));
    } catch (e) {
      this.close(`stdout: ${(e as Error).message}`);
    }
  }

  private receive(bytes: Buffer): void {
    let texts: string[];
    try {
      texts = this.reader.push(bytes);
    } catch (e) {
      // A bad length means the stream is out of step: nothing after it can be trusted.
      this.close(`bad frame: ${(e as Error).message}`);
      return;
    }
    for (const text of texts) {
      let message: unknown;
      try {
        message = this.assembler.accept(JSON.parse(text));
      } catch (e) {
        log('dropping a bad message:', (e as Error).message);
        continue;
      }
      if (message !== undefined) this.handlers.message(message);
    }
  }

  private close(reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.assembler.clear();
    this.handlers.closed(reason);
  }
}
