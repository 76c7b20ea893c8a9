/**
 * The service worker: opens the collection, connects to the native host and
 * serves the pages. Wiring only.
 */
import { systemClock } from '../collection/clock.ts';
import { MemoryMedia } from '../collection/media/memory.ts';
import type { HostFiles } from '../collection/media/types.ts';
import { Persistence } from '../storage/persistence.ts';
import { ConfigStore } from './config.ts';
import { HostLink } from './host-link.ts';
import type { PageRequest, StatusReply } from './runtime-messages.ts';
import { ApiService } from './service.ts';
import { loadSqlJs } from './sqljs.ts';

const config = new ConfigStore();

const ready = (async () => {
  const [SQL, store] = await Promise.all([loadSqlJs(), Persistence.open(), config.load()]);
  // The media issue replaces these two with the IndexedDB media store and the host file bridge.
  const media = new MemoryMedia();
  const files: HostFiles = {
    read: () => Promise.reject(new Error('reading files through the native host is not available yet')),
    write: () => Promise.reject(new Error('writing files through the native host is not available yet')),
    mediaDirPath: () => Promise.reject(new Error('the media folder is not available yet')),
  };
  const service = new ApiService({ SQL, store, media, files, clock: systemClock, settings: () => config.get() });
  await service.start();
  const link = new HostLink(service, () => config.get());
  config.onChange(() => link.pushConfig());
  link.connect();
  return { service, link };
})();

ready.catch((e: unknown) => console.error('Anki-Connect Browser failed to start', e));

function connect(): void {
  void ready.then(({ link }) => link.connect());
}

chrome.runtime.onStartup.addListener(connect);
chrome.runtime.onInstalled.addListener(connect);

chrome.runtime.onMessage.addListener((message: PageRequest, _sender, sendResponse) => {
  void ready
    .then(async ({ service, link }) => {
      if (message.type === 'status') {
        const col = await service.collection();
        const count = (table: string) => col.db.scalar(`select count() from ${table}`) as number;
        const reply: StatusReply = {
          hostConnected: link.port.connected,
          hostError: link.port.lastError,
          host: link.status,
          decks: Object.keys(col.col.get('decks')).length,
          notes: count('notes'),
          cards: count('cards'),
        };
        return reply;
      }
      return service.handle(message.request);
    })
    .then(sendResponse, (e: unknown) => sendResponse({ result: null, error: String(e) }));
  return true;
});
