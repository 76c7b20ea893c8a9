/**
 * Keeps the media store (IndexedDB) and the host's real media folder the
 * same, both ways (DESIGN.md: media are Dexie rows mirrored into a folder).
 *
 * - Writes and removals through the API go to IndexedDB first (the caller
 *   waits for that only), then to the folder; the folder's copy gets the
 *   row's mtime, so the two compare by name, size and mtime without
 *   reading bytes.
 * - At each connect the two are reconciled: a row the folder lacks or has
 *   older is pushed, a folder file that is newer or unknown is pulled. A
 *   row is never dropped at connect (a folder that went missing must not
 *   empty the store); a removal made while the host was away is replayed.
 * - Files that appear, change or disappear in the folder (a client such as
 *   mpvacious writes there) are pulled in or removed.
 * - Everything touching one name runs in order, one step at a time.
 * Folder failures are logged and retried at the next connect; they never
 * fail an API call whose data is safe in IndexedDB.
 */
import type { MediaChangedMessage, MediaFileStat } from '../../shared/messages.ts';
import { isPlainMediaName } from '../collection/media/names.ts';
import type { MediaStore } from '../collection/media/types.ts';
import type { DexieMediaStore } from '../storage/media-store.ts';
import type { HostBridge } from './host-files.ts';

export interface MediaSyncOptions {
  now?: () => number;
  log?: (...args: unknown[]) => void;
}

export class MediaSync implements MediaStore {
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Names removed while the folder could not be told. */
  private readonly pendingRemovals = new Set<string>();
  private generation = 0;
  private reconciling: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly log: (...args: unknown[]) => void;

  constructor(
    private readonly store: DexieMediaStore,
    private readonly host: HostBridge,
    options: MediaSyncOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((...args) => console.warn('media sync:', ...args));
    host.onConnected(() => {
      this.reconciling = this.reconcile();
    });
    host.onMediaChanged((m) => void this.folderChanged(m));
  }

  /** The reconciliation started by the last connect (for tests and diagnostics). */
  get lastReconcile(): Promise<void> {
    return this.reconciling;
  }

  /** Resolves when no step is running or waiting, the folder's included. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all(this.chains.values());
  }

  // --- MediaStore -------------------------------------------------------

  /** The stored file; a file the folder has but the store has not picked up yet is pulled now. */
  async read(name: string): Promise<Uint8Array | null> {
    const stored = await this.store.read(name);
    if (stored || !this.host.connected || !isPlainMediaName(name) || this.pendingRemovals.has(name)) return stored;
    return this.serial(name, async () => (await this.store.read(name)) ?? (await this.pull(name)));
  }

  /** Resolves once the file is in IndexedDB; the folder gets it right after. */
  write(name: string, bytes: Uint8Array): Promise<void> {
    return this.storeThenFolder(
      name,
      () => this.store.put(name, bytes, { mtime: this.now() }),
      async (mtime) => {
        this.pendingRemovals.delete(name);
        await this.push(name, bytes, mtime);
      },
    );
  }

  /** Resolves once the file is out of IndexedDB; the folder loses it right after. */
  remove(name: string): Promise<void> {
    return this.storeThenFolder(
      name,
      async () => {
        if (await this.store.has(name)) await this.store.remove(name);
      },
      () => this.pushRemoval(name),
    );
  }

  list(): Promise<string[]> {
    return this.store.list();
  }

  md5(name: string): Promise<string | null> {
    return this.store.md5(name);
  }

  // --- folder ← store ---------------------------------------------------

  private async push(name: string, bytes: Uint8Array, mtime: number): Promise<void> {
    if (!this.host.connected || !isPlainMediaName(name)) return;
    try {
      const stat = await this.host.writeMedia(name, bytes, mtime);
      // A file system with coarse times keeps another mtime: remember that one.
      if (stat.mtime !== mtime) await this.store.setMtime(name, stat.mtime);
    } catch (e) {
      this.log(`could not write ${name} to the media folder`, e);
    }
  }

  private async pushStored(name: string): Promise<void> {
    const row = await this.store.row(name);
    if (row) await this.push(name, row.bytes, row.mtime);
  }

  private async pushRemoval(name: string): Promise<void> {
    if (!isPlainMediaName(name)) return;
    if (!this.host.connected) {
      this.pendingRemovals.add(name);
      return;
    }
    try {
      await this.host.request({ op: 'media-remove', name });
      this.pendingRemovals.delete(name);
    } catch (e) {
      this.pendingRemovals.add(name);
      this.log(`could not remove ${name} from the media folder`, e);
    }
  }

  // --- store ← folder ---------------------------------------------------

  /** Copies a folder file into the store; null when the folder has no such file. */
  private async pull(name: string): Promise<Uint8Array | null> {
    try {
      const file = await this.host.readMedia(name);
      if (!file) return null;
      await this.store.put(name, file.bytes, { mtime: file.stat.mtime, md5: file.md5 || undefined });
      return file.bytes;
    } catch (e) {
      this.log(`could not read ${name} from the media folder`, e);
      return null;
    }
  }

  private async folderChanged(m: MediaChangedMessage): Promise<void> {
    const steps = [
      ...m.changed.map((stat) =>
        this.serial(stat.name, async () => {
          if (!(await this.store.matches(stat.name, stat))) await this.pull(stat.name);
        }),
      ),
      ...m.removed.map((stat) =>
        this.serial(stat.name, async () => {
          // Only the copy the folder had goes: a newer one written since stays.
          if (await this.store.matches(stat.name, stat)) await this.store.remove(stat.name);
        }),
      ),
    ];
    await Promise.allSettled(steps);
  }

  // --- reconciliation ---------------------------------------------------

  /** Makes the store and the folder the same after a connect. */
  async reconcile(): Promise<void> {
    const generation = ++this.generation;
    let files: MediaFileStat[];
    try {
      files = (await this.host.request({ op: 'media-list' })).files ?? [];
    } catch (e) {
      this.log('could not list the media folder', e);
      return;
    }
    const current = () => generation === this.generation && this.host.connected;
    const folder = new Map(files.map((f) => [f.name, f]));
    const stored = await this.store.metas();
    for (const [name, meta] of stored) {
      if (!current()) return;
      const f = folder.get(name);
      if (f && f.size === meta.size && f.mtime === meta.mtime) continue;
      if (!isPlainMediaName(name)) continue;
      const folderIsNewer = !!f && f.mtime > meta.mtime;
      await this.serial(name, async () => void (folderIsNewer ? await this.pull(name) : await this.pushStored(name)));
    }
    for (const f of folder.values()) {
      if (!current()) return;
      if (stored.has(f.name)) continue;
      if (this.pendingRemovals.has(f.name)) await this.serial(f.name, () => this.pushRemoval(f.name));
      else await this.serial(f.name, async () => void ((await this.store.has(f.name)) || (await this.pull(f.name))));
    }
    for (const name of this.pendingRemovals) if (!folder.has(name)) this.pendingRemovals.delete(name);
  }

  /**
   * One step for `name`: `store`, whose outcome the caller gets at once,
   * then `folder`, which later steps for the name wait for but the caller
   * does not (the reply need not wait for the folder's copy).
   */
  private storeThenFolder<T>(name: string, store: () => Promise<T>, folder: (stored: T) => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.serial(name, async () => {
        let stored: T;
        try {
          stored = await store();
        } catch (e) {
          reject(e);
          return;
        }
        resolve();
        // The folder's copy waits a task: handing 10 MB to fetch() takes a tenth of a
        // second in the worker, which would otherwise come before the reply.
        await new Promise((r) => setTimeout(r, 0));
        await folder(stored);
      }).catch((e: unknown) => this.log(`could not update ${name} in the media folder`, e));
    });
  }

  /** Runs `step` after every earlier step for the same name. */
  private serial<T>(name: string, step: () => Promise<T>): Promise<T> {
    const before = this.chains.get(name) ?? Promise.resolve();
    const run = before.then(step, step);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(name, settled);
    void settled.then(() => {
      if (this.chains.get(name) === settled) this.chains.delete(name);
    });
    return run;
  }
}
