/**
 * The collection's media files, as the engine and the actions see them. The
 * extension keeps them in IndexedDB (storage/media-store.ts) mirrored by the
 * native host into a real folder; tests use an in-memory store.
 */
export interface MediaStore {
  /** The file's bytes, or null when there is no such file. */
  read(name: string): Promise<Uint8Array | null>;
  /** Stores (or replaces) a file. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file; no error when it is missing. */
  remove(name: string): Promise<void>;
  /** Every file name. */
  list(): Promise<string[]>;
  /** md5 hex of the file, or null when missing. */
  md5(name: string): Promise<string | null>;
}

/** Files outside the collection, read and written by the native host on the extension's behalf. */
export interface HostFiles {
  read(path: string): Promise<Uint8Array>;
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** Absolute path of the real media folder the host keeps. */
  mediaDirPath(): Promise<string>;
}
