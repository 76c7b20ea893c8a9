/**
 * The API service: the open collection, its persistence, the settings, and
 * the request handler, wired together. It knows nothing of chrome.*: the
 * service worker gives it storage and settings, tests give it fakes.
 *
 * Durability: every committed transaction's statements are appended to the
 * journal at once; a reply leaves only after every append issued before it
 * has committed, so an acknowledged write is never lost.
 */
import type { SqlJsStatic } from 'sql.js';
import type { HttpRequestMessage, HttpResponseMessage } from '../../shared/messages.ts';
import type { ActionContext, ApiSettings } from '../actions/define.ts';
import { actionNames } from '../actions/registry.ts';
import type { Clock } from '../collection/clock.ts';
import type { Collection } from '../collection/collection.ts';
import type { RecordedStatement } from '../collection/db.ts';
import type { HostFiles, MediaStore } from '../collection/media/types.ts';
import { loadCollection, type CollectionStore } from '../collection/lifecycle.ts';
import { handleRequest } from './handler.ts';
import { respond } from './http.ts';

export interface JournalStore extends CollectionStore {
  append(statements: RecordedStatement[]): Promise<void>;
  /** Tells the store how to export the collection for checkpoints. */
  setExporter(exporter: (() => Uint8Array) | null): void;
}

export interface ServiceOptions {
  SQL: SqlJsStatic;
  media: MediaStore;
  files: HostFiles;
  store: JournalStore;
  clock: Clock;
  settings: () => ApiSettings;
  profile?: string;
}

export const DEFAULT_PROFILE = 'User 1';

export class ApiService {
  private col: Collection | null = null;
  private lastAppend: Promise<void> = Promise.resolve();
  private loading: Promise<Collection> | null = null;

  constructor(private readonly options: ServiceOptions) {}

  /** Opens the collection (snapshot + journal, or a new one). */
  async start(): Promise<void> {
    await this.collection();
  }

  async collection(): Promise<Collection> {
    if (this.col) return this.col;
    if (!this.loading) {
      this.loading = loadCollection(this.options.SQL, this.options.store, this.options.clock).then((col) => {
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

  private journal(statements: RecordedStatement[]): void {
    this.lastAppend = this.options.store.append(statements);
  }

  /** Waits until every write made so far is durable; reloads if one failed. */
  async durable(): Promise<void> {
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
    const old = this.col;
    this.col = null;
    this.options.store.setExporter(null);
    old?.close();
    await this.collection();
  }

  /** The Python `handler` over one request object. */
  async handle(request: unknown): Promise<unknown> {
    const ctx = await this.context();
    return handleRequest(ctx, request);
  }

  /** One HTTP request from the host → its reply, after its writes are durable. */
  async handleHttp(msg: HttpRequestMessage, bodyBytes?: Uint8Array): Promise<HttpResponseMessage> {
    const response = await respond(msg, {
      corsOriginList: () => this.options.settings().webCorsOriginList,
      handle: (request) => this.handle(request),
    }, bodyBytes);
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

  private async context(): Promise<ActionContext> {
    const col = await this.collection();
    const ctx: ActionContext = {
      col,
      settings: this.options.settings(),
      profile: this.options.profile ?? DEFAULT_PROFILE,
      reloadCollection: () => this.reload(),
      handle: (request) => handleRequest(ctx, request),
      actionNames,
      media: this.options.media,
      files: this.options.files,
    };
    return ctx;
  }

  close(): void {
    this.options.store.setExporter(null);
    this.col?.close();
    this.col = null;
  }
}
