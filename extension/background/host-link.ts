/**
 * The conversation with the native host: on connect send the listening
 * config, answer each forwarded HTTP request through the API service, and
 * remember what the host last reported. Once the host offers its socket and
 * says where it listens, messages move to the socket (host-route.ts).
 */
import { SOCKET_PATH, type HostStatusMessage, type HostToExtension, type HttpRequestMessage } from '../../shared/messages.ts';
import type { ExtensionConfig } from './config.ts';
import { bodyText, type ServiceResponse } from './http.ts';
import { HostRoute } from './host-route.ts';
import { NativePort } from './native-port.ts';
import { fetchRequestBody, reachable, sendReplyOverHttp, willSendOverHttp } from './request-body.ts';
import type { ApiService } from './service.ts';

/** Another party on the same port (the file bridge, host-files.ts). */
export interface HostPeer {
  /** Takes a message meant for it; false for any other. */
  accept(message: HostToExtension): boolean;
  portConnected(): void;
  portDisconnected(): void;
  /** The socket closed while in use: what was sent on it may be lost; the port carries on. */
  channelReset?(): void;
}

export class HostLink {
  readonly port: NativePort;
  /** Every message to the host goes this way (the port, or the host's socket). */
  readonly route: HostRoute;
  status: HostStatusMessage | null = null;
  /** The token the host's socket asks for (socket-offer), for the current host process. */
  private socketToken: string | null = null;

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
        this.socketToken = null;
        this.route.portDisconnected();
        for (const p of this.peers) p.portDisconnected();
      },
    });
    this.route = new HostRoute(this.port, {
      message: (message) => this.onMessage(message),
      socketLost: () => {
        for (const p of this.peers) p.channelReset?.();
      },
    });
  }

  connect(): void {
    this.port.connect();
  }

  pushConfig(): void {
    const c = this.config();
    this.route.send({ type: 'config', bindAddress: c.webBindAddress, bindPort: c.webBindPort, bodyLimitBytes: c.bodyLimitBytes });
  }

  /**
   * On the socket a reply of FRAME_MIN_LENGTH or more goes as one binary
   * frame, a smaller one as text. Without the socket, a large reply goes back
   * over HTTP when it can, else (and every small one) through the port as text.
   */
  private async reply(request: HttpRequestMessage, response: ServiceResponse): Promise<void> {
    if (this.route.sendReply(response)) return;
    if (response.journal && willSendOverHttp(request, response, this.status)) {
      // The entries go first, through the port; the host holds the reply until it has them.
      const { journal, ...rest } = response;
      this.route.send(journal);
      response = rest;
    }
    if (await sendReplyOverHttp(request, response, this.status)) return;
    this.route.send({ ...response, body: bodyText(response.body) });
  }

  /** Opens the host's socket once both its token and where it listens are known. */
  private offerSocket(): void {
    const { socketToken: token, status } = this;
    if (!token || !status?.listening || !status.port) return;
    this.route.offer(`ws://${reachable(status.address)}:${status.port}${SOCKET_PATH}?token=${encodeURIComponent(token)}`);
  }

  private onMessage(message: HostToExtension): void {
    if (this.peers.some((p) => p.accept(message))) return;
    if (message.type === 'status') {
      this.status = message;
      this.offerSocket();
      return;
    }
    if (message.type === 'socket-offer') {
      this.socketToken = message.token;
      this.offerSocket();
      return;
    }
    if (message.type === 'socket-switched') {
      this.route.refused(); // on the socket the route takes it itself; here, on the port, it is a refusal
      return;
    }
    if (message.type === 'request') {
      const body = message.encoding === 'http' ? fetchRequestBody(message, this.status) : Promise.resolve(undefined);
      body.then((bytes) => this.service.handleHttp(message, bytes)).then(
        (response) => this.reply(message, response),
        (e: unknown) =>
          this.route.send({
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
