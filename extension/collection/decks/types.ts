/** Decks and deck presets as schema 11 keeps them in `col.decks` / `col.dconf`. */
import type { Int64 } from '../json.ts';

export interface DeckJson {
  id: Int64;
  mod: number;
  name: string;
  usn: number;
  lrnToday: [number, number];
  revToday: [number, number];
  newToday: [number, number];
  timeToday: [number, number];
  collapsed: boolean;
  browserCollapsed: boolean;
  desc: string;
  /** 0 normal, 1 filtered. */
  dyn: number;
  /** Preset id (normal decks only). */
  conf?: Int64;
  extendNew?: number;
  extendRev?: number;
  [other: string]: unknown;
}

export interface DeckConfigJson {
  id: Int64;
  mod: number;
  name: string;
  usn: number;
  maxTaken: number;
  autoplay: boolean;
  timer: number;
  replayq: boolean;
  new: {
    bury: boolean;
    delays: number[];
    initialFactor: number;
    ints: number[];
    order: number;
    perDay: number;
    [other: string]: unknown;
  };
  rev: {
    bury: boolean;
    ease4: number;
    ivlFct: number;
    maxIvl: number;
    perDay: number;
    hardFactor: number;
    [other: string]: unknown;
  };
  lapse: {
    delays: number[];
    leechAction: number;
    leechFails: number;
    minInt: number;
    mult: number;
    [other: string]: unknown;
  };
  dyn: boolean;
  [other: string]: unknown;
}
