/**
 * What becomes of each note of a package (apkg/import/notes.rs): a note
 * whose guid is new is added (keeping its id unless taken, then +999 until
 * free); one whose guid exists under the same note type updates that note
 * when it is newer (`mod`), else is left as a duplicate; one whose guid
 * exists under another note type is left alone (conflicting). Notes are
 * never duplicated. Fields get their media references pointed at the
 * imported files, are cleaned as on any save, and `sfld`/`csum` are derived.
 */
import type { Db } from '../db.ts';
import type { Int64 } from '../json.ts';
import { derivedColumns, joinFields, normalizeFieldText, splitFields } from '../notes/fields.ts';
import type { NotetypeJson } from '../notetypes/types.ts';
import { missingNotetype, PackageError, wrongFieldCount } from './errors.ts';
import type { MediaPlan } from './import-media.ts';
import type { SourceNote } from './source-data.ts';

/** A notes row to write; `tags` is canonified when written. */
export interface NoteWrite {
  id: number;
  guid: string;
  mid: Int64;
  mod: number;
  tags: string;
  flds: string;
  sfld: string | number;
  csum: number;
  flags: number;
  data: string;
}

interface TargetNote {
  id: number;
  mid: number;
  mod: number;
}

export interface NotePlan {
  add: NoteWrite[];
  update: NoteWrite[];
  /** Package note id → collection note id (added, updated and duplicate notes). */
  idMap: Map<number, number>;
  /** Collection notes that existed before the import and were matched. */
  matched: Set<number>;
  duplicate: number;
  conflicting: number;
}

export interface NoteContext {
  db: Db;
  /** Note types after the import, by id. */
  models: Map<string, NotetypeJson>;
  remap: Map<string, Int64>;
  media: MediaPlan;
  nfc: boolean;
}

export class NotePlanner {
  readonly plan: NotePlan = { add: [], update: [], idMap: new Map(), matched: new Set(), duplicate: 0, conflicting: 0 };
  private readonly guids = new Map<string, TargetNote>();
  private readonly takenIds = new Set<number>();
  private readonly addedIds = new Set<number>();

  constructor(private readonly ctx: NoteContext) {
    for (const row of ctx.db.query<TargetNote & { guid: string }>('select guid, id, mid, mod from notes')) {
      this.guids.set(row.guid, { id: row.id, mid: row.mid, mod: row.mod });
    }
  }

  private row(note: SourceNote, id: number, nt: NotetypeJson): NoteWrite {
    const raw = splitFields(note.flds);
    const expected = Math.max(nt.flds.length, 1);
    if (raw.length !== expected) throw new PackageError(wrongFieldCount(note.id, raw.length, expected));
    const fields = raw.map((f) => normalizeFieldText(this.ctx.media.mungeField(f), this.ctx.nfc));
    const { sfld, csum } = derivedColumns(nt, fields);
    const flds = joinFields(fields);
    return { id, guid: note.guid, mid: nt.id, mod: note.mod, tags: note.tags, flds, sfld, csum, flags: note.flags, data: note.data };
  }

  private freeId(id: number): number {
    let out = id;
    while (this.takenIds.has(out) || this.ctx.db.scalar('select 1 from notes where id = ?', [out]) !== undefined) out += 999;
    this.takenIds.add(out);
    return out;
  }

  planOne(note: SourceNote): void {
    const mid = this.ctx.remap.get(String(note.mid)) ?? note.mid;
    const nt = this.ctx.models.get(String(mid));
    if (!nt) throw new PackageError(missingNotetype(note.mid, note.id));
    const existing = this.guids.get(note.guid);
    if (!existing) {
      const write = this.row(note, this.freeId(note.id), nt);
      this.plan.add.push(write);
      this.plan.idMap.set(note.id, write.id);
      this.addedIds.add(write.id);
      this.guids.set(note.guid, { id: write.id, mid: Number(nt.id), mod: note.mod });
      return;
    }
    if (String(existing.mid) !== String(nt.id)) {
      this.plan.conflicting++;
      return;
    }
    this.plan.idMap.set(note.id, existing.id);
    if (!this.addedIds.has(existing.id)) this.plan.matched.add(existing.id);
    if (existing.mod < note.mod) {
      const write = this.row(note, existing.id, nt);
      this.plan.update.push(write);
      existing.mod = note.mod;
    } else {
      this.plan.duplicate++;
    }
  }
}
