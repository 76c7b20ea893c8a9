/**
 * A package's decks and presets against the collection's
 * (apkg/import/decks.rs). Presets are added under their id unless the id is
 * taken. Decks are matched by name: a deck of the same kind is updated
 * (description, preset and limits from the package where set), one of the
 * other kind makes the incoming deck take a unique name; a new deck gets a
 * new id, with any missing parents. Today's limits carry over to the
 * collection's day.
 */
import { newDeckJson } from '../decks/defaults.ts';
import { foldName, humanDeckName, nativeDeckName, NATIVE_SEPARATOR, parentNativeName } from '../decks/names.ts';
import type { DeckConfigJson, DeckJson } from '../decks/types.ts';
import { nextJsonId } from '../ids.ts';
import { toJson, type Int64 } from '../json.ts';

export interface DeckPlan {
  add: DeckJson[];
  update: DeckJson[];
  configs: DeckConfigJson[];
  /** Package deck id → collection deck id. */
  map: Map<string, Int64>;
}

export interface DeckPlanInput {
  decks: Record<string, DeckJson>;
  dconf: Record<string, DeckConfigJson>;
  sourceToday: number;
  targetToday: number;
  nowMs: number;
  nowSecs: number;
}

type DayLimit = { limit: number; today: number } | null;

const isFiltered = (d: DeckJson) => d.dyn === 1;
const levelOf = (d: DeckJson) => nativeDeckName(d.name).split(NATIVE_SEPARATOR).length;

class DeckPlanner {
  readonly plan: DeckPlan = { add: [], update: [], configs: [], map: new Map() };
  private readonly byId: Map<string, DeckJson>;
  private readonly byName = new Map<string, DeckJson>();
  private readonly renamedParents: [string, string][] = [];
  private readonly suffix: string;

  constructor(private readonly input: DeckPlanInput) {
    this.byId = new Map(Object.entries(input.decks));
    for (const d of this.byId.values()) this.byName.set(foldName(d.name), d);
    this.suffix = String(input.nowSecs);
  }

  private reparented(native: string): string {
    for (const [from, to] of this.renamedParents) if (native.startsWith(from)) return native.replace(from, to);
    return native;
  }

  private correctedLimit(limit: unknown): DayLimit {
    if (limit === null || typeof limit !== 'object') return null;
    const l = limit as { limit: number; today: number };
    const { sourceToday, targetToday } = this.input;
    if (l.today === sourceToday) return { limit: l.limit, today: targetToday };
    return targetToday > 0 ? { limit: l.limit, today: Math.min(l.today, targetToday - 1) } : null;
  }

  private uniquify(native: string): string {
    const renamed = `${native} ${this.suffix}`;
    this.renamedParents.push([native + NATIVE_SEPARATOR, renamed + NATIVE_SEPARATOR]);
    return renamed;
  }

  /** A preset the collection will have (a deck must not point at a missing one). */
  private knownConfig(id: unknown): boolean {
    const key = String(id);
    return Boolean(this.input.dconf[key]) || this.plan.configs.some((c) => String(c.id) === key);
  }

  private find(native: string): DeckJson | undefined {
    return this.byName.get(foldName(humanDeckName(native)));
  }

  private insert(deck: DeckJson): DeckJson {
    deck.id = nextJsonId(this.byId.keys(), this.input.nowMs);
    deck.mod = this.input.nowSecs;
    deck.usn = -1;
    while (this.byName.has(foldName(deck.name))) deck.name += '+';
    this.byId.set(String(deck.id), deck);
    this.byName.set(foldName(deck.name), deck);
    this.plan.add.push(deck);
    return deck;
  }

  /** The name with parents in their existing spelling; missing parents are created (`match_or_create_parents`). */
  private withParents(native: string): string {
    const parts = native.split(NATIVE_SEPARATOR);
    for (let n = parts.length - 1; n >= 1; n--) {
      const parent = this.find(parts.slice(0, n).join(NATIVE_SEPARATOR));
      if (!parent) continue;
      const name = [nativeDeckName(parent.name), ...parts.slice(n)].join(NATIVE_SEPARATOR);
      this.createMissingParents(name);
      return name;
    }
    this.createMissingParents(native);
    return native;
  }

  private createMissingParents(native: string): void {
    const missing: string[] = [];
    for (let p = parentNativeName(native); p !== null && !this.find(p); p = parentNativeName(p)) missing.unshift(p);
    for (const name of missing) this.insert(newDeckJson(0, humanDeckName(name), 0, -1));
  }

  private firstExistingParent(native: string): DeckJson | undefined {
    for (let p = parentNativeName(native); p !== null; p = parentNativeName(p)) {
      const found = this.find(p);
      if (found) return found;
    }
    return undefined;
  }

  private update(existing: DeckJson, incoming: DeckJson): void {
    const before = this.plan.update.find((u) => String(u.id) === String(existing.id)) ?? existing;
    const d = structuredClone(before);
    if (isFiltered(d)) {
      for (const k of ['resched', 'terms', 'separate', 'delays', 'previewDelay', 'previewAgainSecs', 'previewHardSecs', 'previewGoodSecs']) {
        d[k] = incoming[k];
      }
    } else {
      if (incoming.desc) {
        d.desc = incoming.desc;
        if (incoming['md']) d['md'] = true;
        else delete d['md'];
      }
      if (String(incoming.conf) !== '1' && this.knownConfig(incoming.conf)) d.conf = incoming.conf!;
      for (const k of ['reviewLimit', 'newLimit', 'reviewLimitToday', 'newLimitToday']) d[k] = incoming[k] ?? d[k] ?? null;
    }
    this.plan.map.set(String(incoming.id), d.id);
    if (toJson(d) === toJson(before)) return;
    d.mod = this.input.nowSecs;
    d.usn = -1;
    this.plan.update = this.plan.update.filter((u) => String(u.id) !== String(d.id)).concat(d);
    this.byId.set(String(d.id), d);
    this.byName.set(foldName(d.name), d);
  }

  importOne(source: DeckJson): void {
    const deck = structuredClone(source);
    let native = this.reparented(nativeDeckName(deck.name));
    if (!isFiltered(deck)) {
      deck['newLimitToday'] = this.correctedLimit(deck['newLimitToday']);
      deck['reviewLimitToday'] = this.correctedLimit(deck['reviewLimitToday']);
    }
    const existing = this.find(native);
    if (existing && isFiltered(existing) === isFiltered(deck)) return this.update(existing, deck);
    if (existing) native = this.uniquify(native);
    const ancestor = this.firstExistingParent(native);
    if (ancestor && isFiltered(ancestor)) {
      const holder = this.uniquify(nativeDeckName(ancestor.name));
      this.insert(newDeckJson(0, humanDeckName(holder), 0, -1));
      native = this.reparented(native);
    }
    const sourceId = String(deck.id);
    if (!isFiltered(deck) && !this.knownConfig(deck.conf)) deck.conf = 1;
    deck.name = humanDeckName(this.withParents(native));
    this.plan.map.set(sourceId, this.insert(deck).id);
  }

  importConfigs(configs: readonly DeckConfigJson[]): void {
    for (const c of configs) {
      if (this.input.dconf[String(c.id)] || this.plan.configs.some((p) => String(p.id) === String(c.id))) continue;
      this.plan.configs.push({ ...structuredClone(c), usn: -1 });
    }
  }
}

export function planDecks(input: DeckPlanInput, decks: readonly DeckJson[], configs: readonly DeckConfigJson[]): DeckPlan {
  const planner = new DeckPlanner(input);
  planner.importConfigs(configs);
  const sorted = decks.map((d, i) => ({ d, i })).sort((a, b) => levelOf(a.d) - levelOf(b.d) || a.i - b.i);
  for (const { d } of sorted) planner.importOne(d);
  return planner.plan;
}
