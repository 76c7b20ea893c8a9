/**
 * The service worker: opens the collection, connects to the native host and
 * serves the pages. Wiring only.
 */
import { systemClock } from '../collection/clock.ts';
import { DexieMediaStore } from '../storage/media-store.ts';
import { Persistence } from '../storage/persistence.ts';
import { ConfigStore } from './config.ts';
import { HostBridge } from './host-files.ts';
import { HostJournal } from './host-journal.ts';
import { HostLink } from './host-link.ts';
import { listenForImports } from './import-port.ts';
import { MediaSync } from './media-sync.ts';
import { installPageOpener } from './page-opener.ts';
import type { PageRequest, StatusReply } from './runtime-messages.ts';
import { ApiService } from './service.ts';
import { loadSqlJs } from './sqljs.ts';

const config = new ConfigStore();

const ready = (async () => {
  const [SQL, store] = await Promise.all([loadSqlJs(), Persistence.open(), config.load()]);
  const files = new HostBridge();
  const hostJournal = new HostJournal();
  const media = new MediaSync(new DexieMediaStore(store.db), files);
  const service = new ApiService({ SQL, store, media, files, hostJournal, clock: systemClock, settings: () => config.get() });
  const link = new HostLink(service, () => config.get(), [files, hostJournal]);
  files.attach(link.route);
  hostJournal.attach(link.route);
  config.onChange(() => link.pushConfig());
  // Connected first: the collection loads with the entries only the host's journal may hold.
  link.connect();
  await service.start();
  return { service, link, media, files };
})();

ready.catch((e: unknown) => console.error('Anki-Connect Browser failed to start', e));

installPageOpener();
listenForImports(ready.then(({ service, media, files }) => ({ collection: () => service.collection(), media, files, durable: () => service.durable() })));

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
          hostTransport: link.route.transport,
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
