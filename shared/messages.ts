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
  /**
   * 'http': a large body stayed in the host, which serves it once, as raw
   * bytes, at `bodyPath` on its own port to a request carrying `bodyToken` in
   * FILE_TOKEN_HEADER; the native port then carries only this small message.
   */
  encoding: 'utf8' | 'base64' | 'http';
  bodyPath?: string;
  bodyToken?: string;
  /** The host's token for its own port, so a large reply can go back over HTTP. */
  token?: string;
}

/** Bodies at least this large are fetched from the host over HTTP rather than chunked. */
export const HTTP_BODY_THRESHOLD_BYTES = 512 * 1024;

/** extension → host: the reply to request `id`. A null body means no body at all. */
export interface HttpResponseMessage {
  type: 'response';
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /**
   * The host writes this reply only once its journal file holds every entry
   * up to this seq (JournalAppendMessage): the reply acknowledges writes
   * that IndexedDB may not have committed yet.
   */
  journalSeq?: number;
  /** Entries to append before this reply is considered (one message instead of two). */
  journal?: JournalAppendMessage;
}

/**
 * extension → host: the writes of committed collection transactions (each
 * entry the extension's encoding of one transaction's statements), to be
 * appended in order to the journal file named by `key` and synced to disk.
 * A second copy of IndexedDB's journal, which is slower to commit: a reply
 * whose writes are only here carries `journalSeq`. It travels on its own, or
 * inside the reply it comes with (HttpResponseMessage.journal).
 */
export interface JournalAppendMessage {
  type: 'journal-append';
  key: string;
  entries: JournalEntry[];
}

/** extension → host: entries up to `upTo` are committed in IndexedDB; the host may forget them. */
export interface JournalTrimMessage {
  type: 'journal-trim';
  key: string;
  upTo: number;
}

/** extension → host: which entries after `after` the journal file `key` holds (at start-up). */
export interface JournalReadMessage {
  type: 'journal-read';
  id: number;
  key: string;
  after: number;
}

/** One journal entry as the host keeps it. */
export interface JournalEntry {
  seq: number;
  entry: string;
}

/** host → extension: the answer to JournalReadMessage `id`, entries in seq order. */
export interface JournalEntriesMessage {
  type: 'journal-entries';
  id: number;
  entries: JournalEntry[];
  error: string | null;
}

/** host → extension: the journal file cannot be written; replies must wait for IndexedDB again. */
export interface JournalFailedMessage {
  type: 'journal-failed';
  key: string;
  error: string;
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

/** A file in the media folder, as the host sees it. */
export interface MediaFileStat {
  name: string;
  size: number;
  /** Modification time, whole epoch milliseconds. */
  mtime: number;
}

/**
 * What the extension asks the host to do with files: a file anywhere (the
 * `path` parameters), or the media folder the host keeps. Bytes travel as
 * base64 in `data`.
 */
export type FileOperation =
  | { op: 'read'; path: string }
  | { op: 'write'; path: string; data: string }
  | { op: 'media-dir' }
  | { op: 'media-list' }
  | { op: 'media-read'; name: string }
  | { op: 'media-write'; name: string; data: string; mtime: number }
  | { op: 'media-remove'; name: string };

/** extension → host: one file operation; answered by a FileReplyMessage with the same id. */
export type FileRequestMessage = { type: 'file'; id: number } & FileOperation;

/** Why a file operation failed: Node's error code, its errno number, and the path. */
export interface FileFailure {
  /** e.g. 'ENOENT'; 'EINVAL' for a name the media folder refuses. */
  code: string;
  /** The positive errno number (2 for ENOENT), or null when there is none. */
  errno: number | null;
  message: string;
  path: string;
}

/**
 * host → extension: the outcome of file request `id`. `error` is null on
 * success; then `read` and `media-read` give `data` (base64), `media-read`
 * also `md5` and `stat`, `media-write` gives `stat`, `media-dir` gives
 * `dir`, and `media-list` gives `dir` and `files`. `media-dir` and
 * `media-list` also give `token`, which opens the host's HTTP port to the
 * extension for the same operations on raw bytes (FILE_HTTP_PATHS).
 */
export interface FileReplyMessage {
  type: 'file-reply';
  id: number;
  error: FileFailure | null;
  data?: string;
  md5?: string;
  stat?: MediaFileStat;
  dir?: string;
  files?: MediaFileStat[];
  token?: string;
}

/**
 * File bytes over the host's own HTTP port, without base64 or the native
 * port: requests that carry FILE_TOKEN_HEADER are the extension's and are
 * served by the host itself (every other request is forwarded as usual).
 * `GET|PUT /_acb/media/<name>[?mtime=ms]` and `GET|PUT /_acb/file?path=<path>`;
 * a media GET answers the stat and md5 in FILE_STAT_HEADER (JSON); failures
 * answer a FileFailure as JSON with a 4xx or 5xx status.
 */
export const FILE_TOKEN_HEADER = 'x-acb-file-token';
export const FILE_STAT_HEADER = 'x-acb-file-stat';
export const FILE_HTTP_PATHS = { media: '/_acb/media/', file: '/_acb/file', body: '/_acb/body/', reply: '/_acb/reply/' } as const;

/**
 * A large reply goes back as raw bytes: the extension PUTs the body to
 * FILE_HTTP_PATHS.reply + request id with the token, and the status and
 * headers as JSON in this header; the host writes it as that request's answer.
 */
export const REPLY_META_HEADER = 'x-acb-reply';

/** Without the socket, replies at least this large (UTF-16 length of the body, or its bytes) go back over HTTP; smaller ones cost about the same through the port (measured: 660 KB, ~25 ms either way). */
export const HTTP_REPLY_THRESHOLD_CHARS = 1024 * 1024;

/** host → extension: files that appeared, changed or disappeared in the media folder (not by the host's own hand). */
export interface MediaChangedMessage {
  type: 'media-changed';
  changed: MediaFileStat[];
  /** Each with the size and mtime the host last saw, so a newer copy elsewhere is kept. */
  removed: MediaFileStat[];
}

/**
 * The socket: a WebSocket from the extension to the host's own port, which
 * carries every message both ways once both sides have switched to it (a
 * round trip costs about half of native messaging's, and the browser process
 * relays nothing). Native messaging still starts the host, carries the
 * offer and the switch, and takes over again if the socket closes.
 *
 * 1. host → extension (port): socket-offer with the token the socket must present.
 * 2. The extension opens ws://<address>:<port>SOCKET_PATH?token=<token>.
 * 3. extension → host (port): socket-switch. Every message the extension sent
 *    on the port before it has reached the host when this one does; until
 *    step 4 the extension holds what it would send.
 * 4. host → extension (socket): socket-switched. From here on each side sends
 *    on the socket; a message still arriving on the port is handled as usual.
 */
export const SOCKET_PATH = '/_acb/socket';
/** The largest message either side sends on the socket; a larger reply takes the host's HTTP side channel. */
export const SOCKET_MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

export interface SocketOfferMessage {
  type: 'socket-offer';
  token: string;
}

export interface SocketSwitchMessage {
  type: 'socket-switch';
}

export interface SocketSwitchedMessage {
  type: 'socket-switched';
}

export type HostToExtension =
  | SocketOfferMessage
  | SocketSwitchedMessage
  | HttpRequestMessage
  | HostStatusMessage
  | FileReplyMessage
  | MediaChangedMessage
  | JournalEntriesMessage
  | JournalFailedMessage;
export type ExtensionToHost =
  | SocketSwitchMessage
  | HttpResponseMessage
  | HostConfigMessage
  | FileRequestMessage
  | JournalAppendMessage
  | JournalTrimMessage
  | JournalReadMessage;
export type WireMessage = HostToExtension | ExtensionToHost | ChunkMessage;
