/** Rows of the schema-11 tables as sql.js returns them (column names kept). */

export interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  /** Seconds. */
  mod: number;
  usn: number;
  /** `" a b "` or `""`. */
  tags: string;
  flds: string;
  /** Integer affinity: numeric text comes back as a number. */
  sfld: string | number;
  csum: number;
  flags: number;
  data: string;
}

export interface CardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  usn: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  odue: number;
  odid: number;
  flags: number;
  data: string;
}

export interface RevlogRow {
  id: number;
  cid: number;
  usn: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}
