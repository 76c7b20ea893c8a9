/**
 * The notes' searchable text held in memory, so that text, regex, field and
 * tag searches run in JavaScript over plain strings (note-cond.ts) instead
 * of SQLite reading and decoding every row (in sql.js, each of those is a
 * page copy out of the in-memory file and a UTF-8 decode per note).
 *
 * Built on the first such search (one `select` over the notes), then kept
 * exact by SQLite's update hook: every inserted, updated or deleted note id
 * is marked, and re-read before the next search uses the cache. Marking
 * instead of copying makes a rollback harmless: the re-read sees whatever
 * the database holds then. Two ways rows change without the hook — SQLite's
 * truncate optimisation (`delete from notes` without `where`) and a dropped
 * table — are caught by comparing the row count. Not used inside a
 * transaction (a re-read there could see writes that are then rolled back).
 *
 * The update hook is this module's: sql.js has one per database, and no
 * other code installs one. sql.js's hook rejects rowids beyond 2^53, so the
 * cache is not built when a table already holds such an id.
 *
 * Memory: the notes' fields, sort fields and tags as JS strings, about the
 * size of the notes table (~50 MB of heap for the bench's 100,000 notes),
 * per open collection, from the first text search on (~0.5 s to build then).
 */
import type { Database, SqlValue } from 'sql.js';
import type { Db } from '../db.ts';
import { KIND_ODD, KIND_TAGS_SHIFT, type NoteRows } from './note-cond.ts';
import { profileText } from './regex-charsets.ts';

const COLUMNS = 'id, mid, flds, cast(sfld as text), tags';

const text = (v: SqlValue | undefined): string => (typeof v === 'string' ? v : '');

/** Marked notes beyond this share of the cache: read everything again. */
const RELOAD_SHARE = 0.25;

export class NoteCache implements NoteRows {
  readonly ids: number[] = [];
  readonly mid: number[] = [];
  readonly flds: string[] = [];
  readonly sfld: string[] = [];
  readonly tags: string[] = [];
  readonly kind: number[] = [];
  /** Note id → slot; built when first needed after a full read (null until then). */
  private slotMap: Map<number, number> | null = null;
  /** Notes held (removed notes leave a NaN id until the next compaction). */
  private held = 0;
  /** Note ids changed since they were read. */
  readonly changed = new Set<number>();
  private loaded = false;

  constructor(private readonly raw: Database) {}

  get size(): number {
    return this.held;
  }

  slotOf(id: number): number | undefined {
    return this.slots.get(id);
  }

  private get slots(): Map<number, number> {
    if (!this.slotMap) {
      this.slotMap = new Map();
      for (let i = 0; i < this.ids.length; i++) if (!Number.isNaN(this.ids[i])) this.slotMap.set(this.ids[i]!, i);
    }
    return this.slotMap;
  }

  /** Brings the cache up to date with the database. */
  sync(): void {
    if (!this.loaded || this.changed.size > Math.max(64, this.size * RELOAD_SHARE)) {
      this.reload();
      return;
    }
    if (this.changed.size) this.reread();
    if (this.count() !== this.size) this.reload();
  }

  private count(): number {
    return Number(this.raw.exec('select count(*) from notes')[0]!.values[0]![0]);
  }

  private get columns(): unknown[][] {
    return [this.ids, this.mid, this.flds, this.sfld, this.tags, this.kind];
  }

  private reload(): void {
    this.changed.clear();
    for (const a of this.columns) a.length = 0;
    this.slotMap = null;
    this.held = 0;
    // Every row is new: appended without looking its id up.
    this.read(`select ${COLUMNS} from notes`, null, true);
    this.loaded = true;
  }

  /** Reads the changed notes again; the ones gone are removed. */
  private reread(): void {
    const ids = [...this.changed];
    this.changed.clear();
    const seen = new Set<number>();
    this.read(`select ${COLUMNS} from notes where id in (${ids.join(',')})`, seen, false);
    for (const id of ids) if (!seen.has(id)) this.remove(id);
    if (this.ids.length - this.size > Math.max(1024, this.size / 4)) this.compact();
  }

  private read(sql: string, seen: Set<number> | null, fresh: boolean): void {
    const stmt = this.raw.prepare(sql);
    try {
      while (stmt.step()) {
        const row = stmt.get();
        const id = row[0] as number;
        seen?.add(id);
        this.put(fresh ? this.append(id) : this.slotFor(id), row);
      }
    } finally {
      stmt.free();
    }
  }

  private put(i: number, [, mid, flds, sfld, tags]: SqlValue[]): void {
    this.mid[i] = typeof mid === 'number' ? mid : NaN;
    this.flds[i] = text(flds);
    this.sfld[i] = text(sfld);
    this.tags[i] = text(tags);
    const plain = typeof flds === 'string' && typeof sfld === 'string' && typeof tags === 'string' && Number.isSafeInteger(mid);
    const f = profileText(this.flds[i]!);
    const t = profileText(this.tags[i]!);
    const odd = !plain || f.odd || t.odd || profileText(this.sfld[i]!).odd;
    this.kind[i] = f.profile | (t.profile << KIND_TAGS_SHIFT) | (odd ? KIND_ODD : 0);
  }

  private slotFor(id: number): number {
    const i = this.slots.get(id);
    if (i !== undefined) return i;
    this.slots.set(id, this.ids.length);
    return this.append(id);
  }

  private append(id: number): number {
    this.held++;
    return this.ids.push(id) - 1;
  }

  private remove(id: number): void {
    const i = this.slots.get(id);
    if (i === undefined) return;
    this.slots.delete(id);
    this.held--;
    this.ids[i] = NaN;
    this.flds[i] = this.sfld[i] = this.tags[i] = '';
  }

  /** Drops the slots of removed notes. */
  private compact(): void {
    const kept = this.ids.flatMap((id, i) => (Number.isNaN(id) ? [] : [i]));
    for (const a of this.columns) {
      kept.forEach((from, to) => (a[to] = a[from]));
      a.length = kept.length;
    }
    this.slotMap = null;
  }
}

const caches = new WeakMap<Database, NoteCache | null>();

/** Rowids sql.js's update hook can report (it throws beyond 2^53). */
function idsFitHook(raw: Database): boolean {
  const ranges = raw.exec('select min(id), max(id) from notes union all select min(id), max(id) from cards union all select min(id), max(id) from revlog');
  return ranges[0]!.values.every((r) => r.every((v) => v === null || (typeof v === 'number' && Number.isSafeInteger(v))));
}

/**
 * The collection's note cache, built on first use and brought up to date;
 * null inside a transaction or when it cannot be kept exact.
 */
export function noteCache(db: Db): NoteCache | null {
  if (db.inTransaction) return null;
  let cache = caches.get(db.raw);
  if (cache === undefined) {
    cache = idsFitHook(db.raw) ? new NoteCache(db.raw) : null;
    caches.set(db.raw, cache);
    if (cache) {
      const changed = cache.changed;
      db.raw.updateHook((_op, dbName, table, rowId) => {
        if (table === 'notes' && dbName === 'main') changed.add(rowId);
      });
    }
  }
  cache?.sync();
  return cache;
}

/** True if the collection's note cache has been built (it is cheap to use then). */
export function hasNoteCache(db: Db): boolean {
  return Boolean(caches.get(db.raw));
}
