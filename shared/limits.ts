/** Limits both sides of the native-messaging wire agree on. */

/** Chrome drops the port when one host → extension message exceeds 1 MiB. */
export const NATIVE_MESSAGE_MAX_BYTES = 1024 * 1024;

/**
 * UTF-16 code units of message JSON carried by one chunk. Escaping can grow a
 * slice, so the splitter halves any slice whose chunk would still exceed
 * NATIVE_MESSAGE_MAX_BYTES.
 */
export const CHUNK_PAYLOAD_CHARS = 768 * 1024;

/** Default largest HTTP request body the host accepts (larger ones get 413). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/** The native messaging host's registered name. */
export const HOST_NAME = 'com.anki_connect_browser.host';

/** The AnkiConnect defaults. */
export const DEFAULT_BIND_ADDRESS = '127.0.0.1';
export const DEFAULT_BIND_PORT = 8765;
