/** Typed messages between the extension's pages and its service worker. */
import type { HostStatusMessage } from '../../shared/messages.ts';
import type { ImportStage, ImportSummary } from '../collection/packages/import.ts';

export interface StatusReply {
  hostConnected: boolean;
  /** What carries messages to and from the host now. */
  hostTransport: 'native' | 'socket';
  hostError: string | null;
  host: HostStatusMessage | null;
  decks: number | null;
  notes: number | null;
  cards: number | null;
}

export type PageRequest = { type: 'status' } | { type: 'invoke'; request: unknown };

export type PageReply<R extends PageRequest> = R extends { type: 'status' } ? StatusReply : unknown;

/**
 * Importing a package from the import page, over a `chrome.runtime.connect`
 * port of this name: the page sends the file in base64 chunks (or a path the
 * native host reads), the service worker answers with progress and then the
 * summary or the reason it failed.
 */
export const IMPORT_PORT = 'import-package';

/** Bytes per chunk of the file (before base64); well under a message's size limit. */
export const IMPORT_CHUNK_BYTES = 1 << 20;

export type ImportPortRequest =
  | { type: 'begin'; name: string; size: number }
  | { type: 'chunk'; data: string }
  | { type: 'end' }
  | { type: 'path'; path: string };

export type ImportPortReply =
  | { type: 'progress'; stage: ImportStage; fraction: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: string };
