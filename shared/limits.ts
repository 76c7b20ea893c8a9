/** Limits both sides of the native-messaging wire agree on. */

/** Chrome drops the port when one host → extension message exceeds 1 MiB. */
export const NATIVE_MESSAGE_MAX_BYTES = 1024 * 1024;

/**
 * Payload bytes carried by one chunk frame. Base64 grows it by 4/3, so a chunk
 * frame stays well below NATIVE_MESSAGE_MAX_BYTES with its JSON envelope.
 */
export const CHUNK_PAYLOAD_BYTES = 512 * 1024;

/** Default largest HTTP request body the host accepts (larger ones get 413). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/** The native messaging host's registered name. */
export const HOST_NAME = 'com.anki_connect_browser.host';

/** The AnkiConnect defaults. */
export const DEFAULT_BIND_ADDRESS = '127.0.0.1';
export const DEFAULT_BIND_PORT = 8765;
