/** Typed messages between the extension's pages and its service worker. */
import type { HostStatusMessage } from '../../shared/messages.ts';

export interface StatusReply {
  hostConnected: boolean;
  hostError: string | null;
  host: HostStatusMessage | null;
  decks: number | null;
  notes: number | null;
  cards: number | null;
}

export type PageRequest = { type: 'status' } | { type: 'invoke'; request: unknown };

export type PageReply<R extends PageRequest> = R extends { type: 'status' } ? StatusReply : unknown;
