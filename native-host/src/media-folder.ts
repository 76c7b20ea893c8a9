/**
 * The real media folder that getMediaDirPath names (ACB_MEDIA_DIR, else
 * ~/.local/share/anki-connect-browser/collection.media). The host writes
 * the extension's files into it (atomically, with the mtime the extension
 * gives), reads them for it, moves removed ones to a `media.trash` folder
 * beside it as Anki does, and reports files that others add, change or
 * remove: fs.watch events, debounced, plus a periodic rescan for file
 * systems where watching misses things. A file is reported once its size
 * and mtime hold still between two looks, so one still being written is
 * not taken half-done. The host's own writes are not reported back.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { MediaFileStat } from '../../shared/messages.ts';

type Env = Record<string, string | undefined>;

/** The folder to keep: ACB_MEDIA_DIR, else under XDG_DATA_HOME (~/.local/share). */
export function mediaDirFromEnv(env: Env = process.env): string {
  if (env.ACB_MEDIA_DIR) return resolve(env.ACB_MEDIA_DIR);
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return resolve(dataHome, 'anki-connect-browser', 'collection.media');
}

/** Temporary files of the host's own atomic writes. */
const TEMP_NAME = /^\.acb-[0-9a-f]+\.tmp$/;

export class MediaNameError extends Error {
  readonly code = 'EINVAL';
  constructor(readonly path: string) {
    super(`not a media file name: ${JSON.stringify(path)}`);
  }
}

export function isMediaName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\0]/.test(name) && !TEMP_NAME.test(name);
}

export interface FolderChanges {
  changed: MediaFileStat[];
  removed: MediaFileStat[];
}

export interface MediaFolderOptions {
  /** Quiet time before looking at changed names, and between the two looks. */
  debounceMs?: number;
  /** Full rescan period (0: none). */
  rescanMs?: number;
}

type Look = { size: number; mtime: number } | null;

const sameLook = (a: Look | undefined, b: Look | undefined) => !!a && !!b && a.size === b.size && a.mtime === b.mtime;

export class MediaFolder {
  /** What the extension has been told of (or what the host itself wrote). */
  private readonly known = new Map<string, { size: number; mtime: number }>();
  /** Names to look at, with what the previous look saw (undefined: not looked yet). */
  private readonly dirty = new Map<string, Look | undefined>();
  /** Names the host is writing or removing right now. */
  private readonly busy = new Set<string>();
  private watcher: FSWatcher | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rescanTimer: ReturnType<typeof setInterval> | null = null;
  private flushing = false;
  private readonly debounceMs: number;
  private readonly rescanMs: number;

  constructor(
    readonly dir: string,
    private readonly onChange: (changes: FolderChanges) => void,
    options: MediaFolderOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.rescanMs = options.rescanMs ?? 15_000;
  }

  /** Creates the folder if needed; returns its path. */
  async ensure(): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return this.dir;
  }

  /** Every file in the folder; from now on changes are watched and reported. */
  async list(): Promise<MediaFileStat[]> {
    await this.ensure();
    const files = await this.scan();
    this.known.clear();
    for (const f of files) this.known.set(f.name, { size: f.size, mtime: f.mtime });
    this.startWatching();
    return files;
  }

  async read(name: string): Promise<{ bytes: Buffer; stat: MediaFileStat; md5: string }> {
    const path = this.pathOf(name);
    const bytes = await readFile(path);
    const s = await stat(path);
    const look = { size: s.size, mtime: Math.round(s.mtimeMs) };
    this.known.set(name, look);
    return { bytes, stat: { name, ...look }, md5: createHash('md5').update(bytes).digest('hex') };
  }

  /** Writes a file whole (temporary file, then rename) with the given mtime. */
  async write(name: string, bytes: Uint8Array, mtime: number): Promise<MediaFileStat> {
    const path = this.pathOf(name);
    await this.ensure();
    this.busy.add(name);
    const temp = join(this.dir, `.acb-${Math.floor(Math.random() * 2 ** 48).toString(16)}.tmp`);
    try {
      await writeFile(temp, bytes);
      await utimes(temp, mtime / 1000, mtime / 1000);
      await rename(temp, path);
      const s = await stat(path);
      const look = { size: s.size, mtime: Math.round(s.mtimeMs) };
      this.known.set(name, look);
      return { name, ...look };
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    } finally {
      this.busy.delete(name);
    }
  }

  /** Moves a file to the trash folder beside the media folder; nothing when it is missing. */
  async remove(name: string): Promise<void> {
    const path = this.pathOf(name);
    this.busy.add(name);
    try {
      const trash = join(dirname(this.dir), 'media.trash');
      await mkdir(trash, { recursive: true });
      await rename(path, join(trash, name)).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return;
        await rm(path, { force: true }); // trash unusable: remove outright
      });
      this.known.delete(name);
    } finally {
      this.busy.delete(name);
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    this.timer = this.rescanTimer = null;
  }

  private pathOf(name: string): string {
    if (!isMediaName(name)) throw new MediaNameError(String(name));
    return join(this.dir, name);
  }

  private async scan(): Promise<MediaFileStat[]> {
    const out: MediaFileStat[] = [];
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!isMediaName(entry.name) || entry.isDirectory()) continue;
      const look = await this.look(entry.name);
      if (look) out.push({ name: entry.name, ...look });
    }
    return out;
  }

  /** Size and mtime of a regular file (following links), or null. */
  private async look(name: string): Promise<Look> {
    try {
      const s = await stat(join(this.dir, name));
      return s.isFile() ? { size: s.size, mtime: Math.round(s.mtimeMs) } : null;
    } catch {
      return null;
    }
  }

  private startWatching(): void {
    if (!this.watcher) {
      try {
        this.watcher = watch(this.dir, (_event, filename) => {
          if (filename === null) void this.rescan();
          else this.touch(String(filename));
        });
        this.watcher.on('error', () => {
          this.watcher?.close();
          this.watcher = null; // the rescan carries on, and tries watching again
        });
      } catch {
        this.watcher = null;
      }
    }
    if (!this.rescanTimer && this.rescanMs > 0) {
      this.rescanTimer = setInterval(() => void this.rescan(), this.rescanMs);
      this.rescanTimer.unref();
    }
  }

  private touch(name: string): void {
    if (!isMediaName(name)) return;
    if (!this.dirty.has(name)) this.dirty.set(name, undefined);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Looks at every file against what is known; differences become dirty names. */
  async rescan(): Promise<void> {
    if (!this.watcher) this.startWatching();
    let files: MediaFileStat[];
    try {
      files = await this.scan();
    } catch {
      return; // the folder is gone or unreadable for now
    }
    const present = new Set<string>();
    for (const f of files) {
      present.add(f.name);
      if (!sameLook(this.known.get(f.name), f)) this.touch(f.name);
    }
    for (const name of this.known.keys()) if (!present.has(name)) this.touch(name);
  }

  /** Reports the dirty names whose state held still since the previous look. */
  async flush(): Promise<void> {
    if (this.flushing) return this.schedule();
    this.flushing = true;
    const changes: FolderChanges = { changed: [], removed: [] };
    try {
      for (const [name, previous] of [...this.dirty]) {
        if (this.busy.has(name)) continue; // looked at again once the host is done
        const now = await this.look(name);
        const known = this.known.get(name);
        if (now === null ? !known : sameLook(now, known)) this.dirty.delete(name);
        else if (previous === undefined || !(now === null ? previous === null : sameLook(now, previous))) this.dirty.set(name, now);
        else {
          this.dirty.delete(name);
          this.settle(name, now, known, changes);
        }
      }
    } finally {
      this.flushing = false;
    }
    if (changes.changed.length || changes.removed.length) this.onChange(changes);
    if (this.dirty.size) this.schedule();
  }

  private settle(name: string, now: Look, known: { size: number; mtime: number } | undefined, changes: FolderChanges): void {
    if (now) {
      this.known.set(name, now);
      changes.changed.push({ name, ...now });
    } else if (known) {
      this.known.delete(name);
      changes.removed.push({ name, ...known });
    }
  }
}
