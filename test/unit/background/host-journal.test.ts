/**
 * The host's copy of the journal, end to end in one process: the API
 * service over real persistence (Dexie on fake-indexeddb) and HostJournal,
 * talking to the host's real Journals over a temporary folder. A reply
 * acknowledges writes IndexedDB has not committed once the host has synced
 * them; a restart recovers them from the host's file; anything the host
 * might not hold makes the reply wait for IndexedDB as before.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostJournal, MAX_HOST_ENTRY_CHARS } from '../../../extension/background/host-journal.ts';
import { bodyText } from '../../../extension/background/http.ts';
import { ApiService } from '../../../extension/background/service.ts';
import { fixedClock } from '../../../extension/collection/clock.ts';
import { Persistence } from '../../../extension/storage/persistence.ts';
import { Journals } from '../../../native-host/src/journals.ts';
import type { ExtensionToHost, HttpResponseMessage } from '../../../shared/messages.ts';
import { DEFAULT_SETTINGS, sqlJs, TEST_NOW } from '../../helpers/builders.ts';
import { MemoryHostFiles, MemoryMedia } from '../../helpers/memory-media.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function hostDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acb-host-journal-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A host process: Journals over `dir`, joined to a HostJournal by a fake port. */
function host(dir: string, journal: HostJournal) {
  const sent: ExtensionToHost[] = [];
  const journals = new Journals(dir, (m) => journal.accept(m));
  cleanups.push(() => journals.close());
  const channel = {
    connected: true,
    send(m: ExtensionToHost) {
      sent.push(m);
      if (!channel.connected) return;
      if (m.type === 'journal-append' || m.type === 'journal-trim' || m.type === 'journal-read') journals.handle(m);
    },
  };
  journal.attach(channel);
  journal.portConnected();
  /** What the host does with a reply: its journal entries first, then it waits for the file. */
  const deliver = async (r: HttpResponseMessage) => {
    if (r.journal) journals.handle(r.journal);
    if (r.journalSeq !== undefined) await journals.whenSynced(r.journalSeq);
  };
  return { sent, journals, channel, deliver };
}

async function service(name: string, dir: string, options: { stallIndexedDb?: boolean } = {}) {
  const store = await Persistence.open({ name, indexedDB, IDBKeyRange });
  if (options.stallIndexedDb) {
    // A crash before IndexedDB commits: its journal writes never complete (so the store is never closed either).
    store.db.addJournalRows = () => new Promise<void>(() => undefined);
  } else {
    cleanups.push(() => store.close());
  }
  const hostJournal = new HostJournal();
  const h = host(dir, hostJournal);
  const svc = new ApiService({ SQL: await sqlJs(), store, media: new MemoryMedia(), files: new MemoryHostFiles(), hostJournal, clock: fixedClock(TEST_NOW), settings: () => DEFAULT_SETTINGS });
  await svc.start();
  return { svc, store, hostJournal, ...h };
}

let nextId = 1;
async function post(svc: ApiService, request: unknown): Promise<HttpResponseMessage> {
  const r = await svc.handleHttp({ type: 'request', id: nextId++, method: 'POST', path: '/', headers: {}, body: JSON.stringify(request), encoding: 'utf8' });
  return { ...r, body: bodyText(r.body) };
}

const journalFiles = (dir: string) => readdirSync(dir).filter((n) => /^journal-.*\.log$/.test(n));

describe('the host journal', () => {
  it('lets a reply acknowledge a write once the host has synced it, before IndexedDB commits', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const { svc, store, deliver } = await service(name, dir, { stallIndexedDb: true });
    const reply = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Kept' } });
    expect(JSON.parse(reply.body!)).toEqual({ result: expect.any(Number), error: null });
    expect(store.committedSeq).toBeLessThan(store.appendedSeq);
    expect(reply.journalSeq).toBe(store.appendedSeq);
    expect(reply.journal?.entries.map((e) => e.seq)).toEqual([store.appendedSeq]);
    await deliver(reply);
    const [file] = journalFiles(dir);
    expect(readFileSync(join(dir, file!), 'utf8')).toContain('Kept');
  });

  it('recovers at start-up what only the host holds, appends it to IndexedDB, then lets the host forget it', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const first = await service(name, dir, { stallIndexedDb: true });
    for (const deck of ['One', 'Two::Three']) await first.deliver(await post(first.svc, { action: 'createDeck', version: 6, params: { deck } }));
    const acknowledged = first.store.appendedSeq;
    first.channel.connected = false; // the browser dies; a new one starts with a new host process

    const again = await service(name, dir);
    const names = JSON.parse((await post(again.svc, { action: 'deckNames', version: 6 })).body!);
    expect(names.result).toEqual(expect.arrayContaining(['Default', 'One', 'Two', 'Two::Three']));
    expect(again.store.committedSeq).toBe(acknowledged);
    // Once IndexedDB has committed them, the host is told to trim (after a short delay).
    await new Promise((r) => setTimeout(r, 400));
    expect(again.sent).toContainEqual({ type: 'journal-trim', key: expect.any(String), upTo: acknowledged });
    expect(readFileSync(join(dir, journalFiles(dir)[0]!), 'utf8')).toBe('');

    // A third start finds everything in IndexedDB alone.
    again.channel.connected = false;
    const third = await service(name, dir);
    expect(JSON.parse((await post(third.svc, { action: 'deckNames', version: 6 })).body!).result).toEqual(names.result);
  });

  it('makes the reply wait for IndexedDB when the host does not have every pending write', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const { svc, store, channel, hostJournal } = await service(name, dir);

    // Port down: nothing reaches the host.
    channel.connected = false;
    hostJournal.portDisconnected();
    const offline = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Offline' } });
    expect(offline.journalSeq).toBeUndefined();
    expect(store.committedSeq).toBe(store.appendedSeq);

    // Back, but an entry too large for the host makes its reply wait, and the next until IndexedDB has the large one.
    channel.connected = true;
    hostJournal.portConnected();
    const big = 'x'.repeat(MAX_HOST_ENTRY_CHARS);
    const large = await post(svc, { action: 'addNote', version: 6, params: { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'big', Back: big } } } });
    expect(JSON.parse(large.body!).error).toBeNull();
    expect(large.journalSeq).toBeUndefined();
    const small = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Small' } });
    expect(small.journalSeq).toBe(store.appendedSeq);

    // The host reports that its file failed: replies wait for IndexedDB again.
    hostJournal.accept({ type: 'journal-failed', key: await store.journalKey(), error: 'disk full' });
    const after = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'After' } });
    expect(after.journalSeq).toBeUndefined();
    expect(store.committedSeq).toBe(store.appendedSeq);
    expect(hostJournal.lastError).toBe('disk full');
    // Reloading the collection does not try the failed host again; a new host process does.
    await post(svc, { action: 'reloadCollection', version: 6 });
    expect((await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Reloaded' } })).journalSeq).toBeUndefined();
    hostJournal.portConnected();
    expect((await post(svc, { action: 'createDeck', version: 6, params: { deck: 'New host' } })).journalSeq).toBe(store.appendedSeq);
  });

  it('waits for IndexedDB after the socket closed in use, until it holds what went on the socket', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const { svc, store, hostJournal, deliver } = await service(name, dir);
    const sent = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'On the socket' } });
    expect(sent.journalSeq).toBe(store.appendedSeq);
    // The socket closed with this reply (and its entries) in it: the host may never have had them.
    hostJournal.channelReset();
    const next = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Next' } });
    expect(next.journalSeq).toBeUndefined();
    expect(store.committedSeq).toBe(store.appendedSeq);
    // IndexedDB holds everything now: the host's journal is relied on again.
    const later = await post(svc, { action: 'createDeck', version: 6, params: { deck: 'Later' } });
    expect(later.journalSeq).toBe(store.appendedSeq);
    await deliver(later);
  });

  it('writes IndexedDB lazily, in shared batches, while the host holds the entries', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const { svc, store, deliver } = await service(name, dir);
    const writesBefore = store.stats().journalWrites;
    for (let i = 0; i < 10; i++) {
      const reply = await post(svc, { action: 'createDeck', version: 6, params: { deck: `Lazy ${i}` } });
      expect(reply.journalSeq).toBe(store.appendedSeq);
      await deliver(reply);
    }
    expect(store.committedSeq).toBeLessThan(store.appendedSeq);
    await new Promise((r) => setTimeout(r, 200));
    expect(store.committedSeq).toBe(store.appendedSeq);
    expect(store.stats().journalWrites - writesBefore).toBeLessThan(5);
  });

  it('sends nothing for reads and starts without the host when it is not there', async () => {
    const dir = hostDir();
    const name = `hj-${crypto.randomUUID()}`;
    const { svc, sent } = await service(name, dir);
    const before = sent.length;
    const reply = await post(svc, { action: 'deckNames', version: 6 });
    expect(reply.journalSeq).toBeUndefined();
    expect(sent.length).toBe(before);

    const alone = new HostJournal();
    alone.attach({ connected: false, send: () => undefined });
    expect(await alone.entriesAfter('key', 0)).toEqual([]);
  });
});
