/**
 * Which of a package's note types are added, updated or kept apart
 * (apkg/import/notes.rs, without merging): a note type whose id is new is
 * added under that id; one whose id exists with the same fields and
 * templates updates it when newer; one whose id exists with another shape
 * is added as a separate note type with a new id (reusing one made by an
 * earlier import of the same shape), so no stored note is ever reshaped.
 */
import { nextJsonId } from '../ids.ts';
import { sameId, type Int64 } from '../json.ts';
import { draftOf, finishDraft } from '../notetypes/draft.ts';
import { fixNames, foldName } from '../notetypes/names.ts';
import { requirements } from '../notetypes/requirements.ts';
import { tryParseTemplate } from '../notetypes/template-rewrite.ts';
import type { FieldJson, NotetypeJson, TemplateJson } from '../notetypes/types.ts';
import { invalidPackage, PackageError } from './errors.ts';

export interface NotetypePlan {
  /** Package note type id → the id its notes get, where they differ. */
  remap: Map<string, Int64>;
  add: NotetypeJson[];
  update: { nt: NotetypeJson; original: NotetypeJson }[];
  /** Set as the current note type (`curModel`), as adding a remapped one does. */
  current: Int64 | null;
  /** Every note type as it will be after the import, by id. */
  models: Map<string, NotetypeJson>;
}

interface Named {
  name: string;
  id: Int64 | null;
}

/** Same field or template: equal ids when both have one, else equal names (notetype/merge.rs). */
function isMatch(a: Named, b: Named): boolean {
  if (a.id !== null && b.id !== null) return sameId(a.id, b.id);
  return a.name === b.name;
}

export function equalSchema(a: NotetypeJson, b: NotetypeJson): boolean {
  const same = <T extends FieldJson | TemplateJson>(x: readonly T[], y: readonly T[]) =>
    x.length === y.length && x.every((item, i) => isMatch(item, y[i]!));
  return same(a.flds, b.flds) && same(a.tmpls, b.tmpls);
}

/** `prepare_for_update` without the template checks: clean names, sort field in range, fresh `req`. */
function prepared(nt: NotetypeJson): NotetypeJson {
  if (!nt.flds.length || !nt.tmpls.length) {
    throw new PackageError(invalidPackage(`Its note type "${nt.name}" has no ${nt.flds.length ? 'card types' : 'fields'}.`));
  }
  const d = draftOf(nt);
  try {
    fixNames(d);
  } catch (e) {
    throw new PackageError(invalidPackage(`Its note type "${nt.name}" cannot be used: ${e instanceof Error ? e.message : String(e)}.`));
  }
  const out = finishDraft(d);
  out.sortf = Math.min(Math.max(out.sortf, 0), out.flds.length - 1);
  out.req = requirements(
    out.tmpls.map((t) => tryParseTemplate(t.qfmt)),
    out.flds.map((f) => f.name),
  );
  return out;
}

class Planner {
  readonly plan: NotetypePlan;

  constructor(
    target: Record<string, NotetypeJson>,
    private readonly nowMs: number,
    private readonly nowSecs: number,
  ) {
    this.plan = { remap: new Map(), add: [], update: [], current: null, models: new Map(Object.entries(target)) };
  }

  /** Anki's `ensure_notetype_name_unique`: `+` until unique; a rename marks the note type modified. */
  private uniqueName(nt: NotetypeJson): void {
    const taken = (name: string) =>
      [...this.plan.models.values()].some((o) => !sameId(o.id, nt.id) && foldName(o.name) === foldName(name));
    while (taken(nt.name)) {
      nt.name += '+';
      nt.mod = this.nowSecs;
    }
  }

  private store(nt: NotetypeJson): void {
    this.plan.models.set(String(nt.id), nt);
  }

  add(incoming: NotetypeJson, newId: boolean): void {
    const nt = prepared(incoming);
    const sourceId = String(incoming.id);
    if (newId) nt.id = nextJsonId(this.plan.models.keys(), this.nowMs);
    nt.usn = -1;
    this.uniqueName(nt);
    this.store(nt);
    this.plan.add.push(nt);
    if (newId) {
      this.plan.remap.set(sourceId, nt.id);
      this.plan.current = nt.id;
    }
  }

  update(incoming: NotetypeJson, existing: NotetypeJson): void {
    if (existing.mod >= incoming.mod) return;
    const nt = prepared({ ...incoming, id: existing.id });
    nt.usn = -1;
    this.uniqueName(nt);
    const pending = this.plan.update.find((u) => sameId(u.nt.id, nt.id));
    if (pending) pending.nt = nt;
    else this.plan.update.push({ nt, original: existing });
    this.store(nt);
  }

  /** A note type made by an earlier import of this one, with its shape. */
  private previousCopy(incoming: NotetypeJson): NotetypeJson | undefined {
    return [...this.plan.models.values()].find(
      (nt) => !sameId(nt.id, incoming.id) && nt.originalId !== undefined && sameId(nt.originalId, incoming.id) && equalSchema(nt, incoming),
    );
  }

  importOne(source: NotetypeJson): void {
    const incoming: NotetypeJson = { ...structuredClone(source), originalId: source.id };
    const existing = this.plan.models.get(String(incoming.id));
    if (!existing) return this.add(incoming, false);
    if (equalSchema(existing, incoming)) return this.update(incoming, existing);
    const copy = this.previousCopy(incoming);
    if (!copy) return this.add(incoming, true);
    this.plan.remap.set(String(incoming.id), copy.id);
    this.update({ ...incoming, id: copy.id }, copy);
  }
}

export function planNotetypes(
  target: Record<string, NotetypeJson>,
  incoming: Iterable<NotetypeJson>,
  nowMs: number,
  nowSecs: number,
): NotetypePlan {
  const planner = new Planner(target, nowMs, nowSecs);
  for (const nt of incoming) planner.importOne(nt);
  return planner.plan;
}
