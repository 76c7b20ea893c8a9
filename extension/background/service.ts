/**
 * The API service: the open collection, its persistence, the settings, and
 * the request handler, wired together. It knows nothing of chrome.*: the
 * service worker gives it storage and settings, tests give it fakes.
 *
 * Durability: every committed transaction's statements are appended to the
 * journal at once; a reply leaves only after every append issued before it
 * has committed, in IndexedDB or in the host's journal file (host-journal.ts),
 * so an acknowledged write is never lost.
 */
import type { SqlJsStatic } from 'sql.js';
import type { HttpRequestMessage } from '../../shared/messages.ts';
import type { ActionContext, ApiSettings } from '../actions/define.ts';
import { actionNames } from '../actions/registry.ts';
import type { Clock } from '../collection/clock.ts';
import type { Collection } from '../collection/collection.ts';
import type { RecordedStatement } from '../collection/db.ts';
import type { HostFiles, MediaStore } from '../collection/media/types.ts';
import { loadCollection, type CollectionStore } from '../collection/lifecycle.ts';
import { handleRequest } from './handler.ts';
import type { HostJournal } from './host-journal.ts';
import { respond, type ServiceResponse } from './http.ts';

export interface JournalStore extends CollectionStore {
  /** lazy: the write may wait a little to be shared (another copy is durable meanwhile). */
  append(statements: RecordedStatement[], options?: { lazy?: boolean }): Promise<void>;
  /** Tells the store how to export the collection for checkpoints. */
  setExporter(exporter: (() => Uint8Array) | null): void;
  /** The seq of the last append, and the highest one committed. */
  readonly appendedSeq: number;
  readonly committedSeq: number;
  /** A journal write failed: appends are refused until the next load. */
  readonly failed: boolean;
  /** Starts writing lazy appends now. */
  hurry(): void;
  onCommitted: ((seq: number) => void) | null;
  /** The name of this storage's journal in the host. */
  journalKey(): Promise<string>;
}

export interface ServiceOptions {
  SQL: SqlJsStatic;
  media: MediaStore;
  files: HostFiles;
  store: JournalStore;
  clock: Clock;
  settings: () => ApiSettings;
  profile?: string;
  /** The host's copy of the journal; without it every reply waits for IndexedDB. */
  hostJournal?: HostJournal;
}

export const DEFAULT_PROFILE = 'User 1';

export class ApiService {
  private col: Collection | null = null;
  private lastAppend: Promise<void> = Promise.resolve();
  private loading: Promise<Collection> | null = null;
  /** A write the journal refused: the next reply waits for durable(), which reloads. */
  private refused = false;

  constructor(private readonly options: ServiceOptions) {}

  /** Opens the collection (snapshot + journal, or a new one). */
  async start(): Promise<void> {
    await this.collection();
  }

  async collection(): Promise<Collection> {
    if (this.col) return this.col;
    if (!this.loading) {
      this.loading = loadCollection(this.options.SQL, this.recoveringStore(), this.options.clock).then((col) => {
        col.onCommit = (statements) => this.journal(statements);
        this.options.store.setExporter(() => col.export());
        this.col = col;
        this.loading = null;
        return col;
      });
      this.loading.catch(() => (this.loading = null));
    }
    return this.loading;
  }

  /**
   * The store as the collection loads from it: IndexedDB's snapshot and
   * journal, then the entries only the host's journal holds (acknowledged
   * before IndexedDB committed them), appended to IndexedDB before anything
   * else happens.
   */
  private recoveringStore(): CollectionStore {
    const { store, hostJournal } = this.options;
    return {
      saveSnapshot: (bytes) => store.saveSnapshot(bytes),
      load: async () => {
        const loaded = await store.load();
        if (!hostJournal) return loaded;
        const key = await store.journalKey();
        // Without a snapshot this storage is new: the host holds nothing under its new key.
        const extra = loaded.snapshot ? await hostJournal.entriesAfter(key, store.appendedSeq) : [];
        await Promise.all(extra.map((e) => store.append(e.statements)));
        store.onCommitted = (seq) => hostJournal.committedUpTo(seq);
        hostJournal.start(key, store.appendedSeq);
        return { snapshot: loaded.snapshot, entries: [...loaded.entries, ...extra.map((e) => e.statements)] };
      },
    };
  }

  private journal(statements: RecordedStatement[]): void {
    const { store, hostJournal } = this.options;
    const before = store.appendedSeq;
    // Lazy: IndexedDB writes wait a little to be shared when the host's journal holds the entry meanwhile.
    this.lastAppend = store.append(statements, { lazy: hostJournal !== undefined });
    // Observed here so a failure is not reported as unhandled; durable() still sees it.
    this.lastAppend.catch(() => undefined);
    if (store.appendedSeq > before) {
      if (!hostJournal?.offer(store.appendedSeq, statements)) store.hurry();
    } else if (statements.length > 0) this.refused = true;
  }

  /** Waits until every write made so far is durable; reloads if one failed. */
  async durable(): Promise<void> {
    this.options.store.hurry();
    const pending = this.lastAppend;
    try {
      await pending;
    } catch (e) {
      if (this.lastAppend === pending) this.lastAppend = Promise.resolve();
      // The in-memory collection holds changes storage does not: start over from storage.
      await this.reload();
      throw new Error(`the change could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async reload(): Promise<void> {
    await this.lastAppend.catch(() => undefined);
    this.refused = false;
    const old = this.col;
    this.col = null;
    this.options.store.setExporter(null);
    old?.close();
    await this.collection();
  }

  /** The Python `handler` over one request object; `stream`: its reply is written as soon as it returns (StreamedList). */
  async handle(request: unknown, stream = false): Promise<unknown> {
    const ctx = await this.context(stream);
    return handleRequest(ctx, request);
  }

  /** One HTTP request from the host → its reply, after its writes are durable. */
  async handleHttp(msg: HttpRequestMessage, bodyBytes?: Uint8Array): Promise<ServiceResponse> {
    const response = await respond(msg, {
      corsOriginList: () => this.options.settings().webCorsOriginList,
      handle: (request, stream) => this.handle(request, stream),
    }, bodyBytes);
    const { store, hostJournal } = this.options;
    const usable = hostJournal && !this.refused && !store.failed;
    const journalSeq = usable ? hostJournal.cover(store.committedSeq, store.appendedSeq) : null;
    // The host holds this reply until its journal file has the writes.
    if (journalSeq !== null) {
      const journal = hostJournal!.takeForReply();
      return journal ? { ...response, journalSeq, journal } : { ...response, journalSeq };
    }
    try {
      await this.durable();
    } catch (e) {
      return {
        ...response,
        body: JSON.stringify({ result: null, error: e instanceof Error ? e.message : String(e) }),
      };
    }
    return response;
  }

  private async context(streamReplies: boolean): Promise<ActionContext> {
    const col = await this.collection();
    const ctx: ActionContext = {
      col,
      settings: this.options.settings(),
      profile: this.options.profile ?? DEFAULT_PROFILE,
      reloadCollection: () => this.reload(),
      // multi keeps every result until all are made: nothing is streamed inside it.
      handle: (request) => handleRequest({ ...ctx, streamReplies: false }, request),
      actionNames,
      media: this.options.media,
      files: this.options.files,
      streamReplies,
    };
    return ctx;
  }

  close(): void {
    this.options.store.setExporter(null);
    this.col?.close();
    this.col = null;
  }
}
