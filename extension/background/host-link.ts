/**
 * The conversation with the native host: on connect send the listening
 * config, answer each forwarded HTTP request through the API service, and
 * remember what the host last reported.
 */
import type { HostStatusMessage, HostToExtension, HttpRequestMessage, HttpResponseMessage } from '../../shared/messages.ts';
import type { ExtensionConfig } from './config.ts';
import { NativePort } from './native-port.ts';
import { fetchRequestBody, sendReplyOverHttp, willSendOverHttp } from './request-body.ts';
import type { ApiService } from './service.ts';

/** Another party on the same port (the file bridge, host-files.ts). */
export interface HostPeer {
  /** Takes a message meant for it; false for any other. */
  accept(message: HostToExtension): boolean;
  portConnected(): void;
  portDisconnected(): void;
}

export class HostLink {
  readonly port: NativePort;
  status: HostStatusMessage | null = null;

  constructor(
    private readonly service: ApiService,
    private readonly config: () => ExtensionConfig,
    private readonly peers: readonly HostPeer[] = [],
  ) {
    this.port = new NativePort({
      onConnect: () => {
        this.pushConfig();
        for (const p of this.peers) p.portConnected();
      },
      onMessage: (message) => this.onMessage(message),
      onDisconnect: () => {
        this.status = null;
        for (const p of this.peers) p.portDisconnected();
      },
    });
  }

  connect(): void {
    this.port.connect();
  }

  pushConfig(): void {
    const c = this.config();
    this.port.send({ type: 'config', bindAddress: c.webBindAddress, bindPort: c.webBindPort, bodyLimitBytes: c.bodyLimitBytes });
  }

  /** A large reply goes back over HTTP when it can, else (and every small one) through the port. */
  private async reply(request: HttpRequestMessage, response: HttpResponseMessage): Promise<void> {
    if (response.journal && willSendOverHttp(request, response, this.status)) {
      // The entries go first, through the port; the host holds the reply until it has them.
      const { journal, ...rest } = response;
      this.port.send(journal);
      response = rest;
    }
    if (await sendReplyOverHttp(request, response, this.status)) return;
    this.port.send(response);
  }

  private onMessage(message: HostToExtension): void {
    if (this.peers.some((p) => p.accept(message))) return;
    if (message.type === 'status') {
      this.status = message;
      return;
    }
    if (message.type === 'request') {
      const body = message.encoding === 'http' ? fetchRequestBody(message, this.status) : Promise.resolve(undefined);
      body.then((bytes) => this.service.handleHttp(message, bytes)).then(
        (response) => this.reply(message, response),
        (e: unknown) =>
          this.port.send({
            type: 'response',
            id: message.id,
            status: 500,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ result: null, error: e instanceof Error ? e.message : String(e) }),
          }),
      );
    }
  }
}
