/**
 * Messages between the native host and the extension. Each is one JSON value;
 * frames.ts splits any that is too large for one native message into chunks.
 */

/** The request headers the host forwards (names lower-cased). */
export type ForwardedHeaders = Partial<Record<
  | 'origin'
  | 'host'
  | 'content-type'
  | 'access-control-request-method'
  | 'access-control-request-headers'
  | 'access-control-request-private-network',
  string
>>;

export const FORWARDED_HEADERS: readonly (keyof ForwardedHeaders)[] = [
  'origin',
  'host',
  'content-type',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
];

/**
 * host → extension: one HTTP request. The body is the text itself when its
 * bytes are valid UTF-8 (nearly always), else base64 of the raw bytes.
 */
export interface HttpRequestMessage {
  type: 'request';
  id: number;
  method: string;
  path: string;
  headers: ForwardedHeaders;
  body: string;
  encoding: 'utf8' | 'base64';
}

/** extension → host: the reply to request `id`. A null body means no body at all. */
export interface HttpResponseMessage {
  type: 'response';
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** extension → host: where to listen and how much to accept. */
export interface HostConfigMessage {
  type: 'config';
  bindAddress: string;
  bindPort: number;
  bodyLimitBytes: number;
}

/** host → extension: the host's state after a config (or when it changes). */
export interface HostStatusMessage {
  type: 'status';
  listening: boolean;
  address: string | null;
  port: number | null;
  error: string | null;
  pid: number;
}

/** Either way: one piece of a message too large for one native message. */
export interface ChunkMessage {
  type: 'chunk';
  /** Identifies the chunked message among others in flight. */
  cid: number;
  seq: number;
  count: number;
  /** This slice of the message's JSON text. */
  data: string;
}

export type HostToExtension = HttpRequestMessage | HostStatusMessage;
export type ExtensionToHost = HttpResponseMessage | HostConfigMessage;
export type WireMessage = HostToExtension | ExtensionToHost | ChunkMessage;
