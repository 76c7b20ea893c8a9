/**
 * Schema-18 note types (tables `notetypes`, `fields`, `templates`, configs in
 * protobuf, proto/anki/notetypes.proto) as the schema-11 `col.models` JSON
 * Anki writes on downgrade (notetype/schema11.rs), key for key.
 */
import type { Db } from '../db.ts';
import type { FieldJson, NotetypeJson, RequirementJson, TemplateJson } from '../notetypes/types.ts';
import { ProtoMessage } from './proto.ts';
import { asBytes, otherFields } from './schema18-other.ts';

const RESERVED_NOTETYPE_KEYS = new Set([
  'latexPost', 'flds', 'css', 'originalStockKind', 'originalId', 'id', 'usn', 'mod', 'req',
  'latexPre', 'name', 'did', 'tmpls', 'type', 'sortf', 'latexsvg',
]);
const RESERVED_FIELD_KEYS = new Set([
  'name', 'ord', 'sticky', 'rtl', 'plainText', 'font', 'size', 'collapsed', 'description',
  'excludeFromSearch', 'id', 'tag', 'preventDeletion',
]);
const RESERVED_TEMPLATE_KEYS = new Set(['name', 'ord', 'did', 'afmt', 'bafmt', 'qfmt', 'bqfmt', 'bfont', 'bsize', 'id']);

const REQUIREMENT_KINDS = ['none', 'any', 'all'] as const;

interface NotetypeRow {
  id: number;
  name: string;
  mtime_secs: number;
  usn: number;
  config: Uint8Array;
}

interface FieldRow {
  ntid: number;
  ord: number;
  name: string;
  config: Uint8Array;
}

interface TemplateRow extends FieldRow {
  mtime_secs: number;
}

function fieldJson(row: FieldRow): FieldJson {
  const c = new ProtoMessage(asBytes(row.config));
  return {
    name: row.name,
    ord: row.ord,
    sticky: c.bool(1),
    rtl: c.bool(2),
    font: c.string(3),
    size: c.uint32(4),
    description: c.string(5),
    plainText: c.bool(6),
    collapsed: c.bool(7),
    excludeFromSearch: c.bool(8),
    id: c.has(9) ? c.int64(9) : null,
    tag: c.has(10) ? c.uint32(10) : null,
    preventDeletion: c.bool(11),
    ...otherFields(c.bytes(255), RESERVED_FIELD_KEYS),
  };
}

function templateJson(row: TemplateRow): TemplateJson {
  const c = new ProtoMessage(asBytes(row.config));
  const did = c.int64(5);
  return {
    name: row.name,
    ord: row.ord,
    qfmt: c.string(1),
    afmt: c.string(2),
    bqfmt: c.string(3),
    bafmt: c.string(4),
    did: did > 0 ? did : null,
    bfont: c.string(6),
    bsize: c.uint32(7) & 0xff,
    id: c.has(8) ? c.int64(8) : null,
    ...otherFields(c.bytes(255), RESERVED_TEMPLATE_KEYS),
  };
}

function requirement(m: ProtoMessage): RequirementJson {
  return [m.uint32(1), REQUIREMENT_KINDS[m.int32(2)] ?? 'none', m.uint32s(3)];
}

function notetypeJson(row: NotetypeRow, fields: FieldJson[], templates: TemplateJson[]): NotetypeJson {
  const c = new ProtoMessage(asBytes(row.config));
  const did = c.int64(4);
  const nt: NotetypeJson = {
    id: row.id,
    name: row.name,
    type: c.int32(1) === 1 ? 1 : 0,
    mod: row.mtime_secs,
    usn: row.usn,
    sortf: c.uint32(2) & 0xffff,
    did: did === 0 ? null : did,
    tmpls: templates,
    flds: fields,
    css: c.string(3),
    latexPre: c.string(5),
    latexPost: c.string(6),
    latexsvg: c.bool(7),
    req: c.messages(8).map(requirement),
  };
  if (c.int32(9) !== 0) nt.originalStockKind = c.int32(9);
  if (c.has(10)) nt.originalId = c.int64(10);
  return Object.assign(nt, otherFields(c.bytes(255), RESERVED_NOTETYPE_KEYS));
}

function groupByNotetype<T extends { ntid: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.ntid);
    if (list) list.push(r);
    else out.set(r.ntid, [r]);
  }
  return out;
}

/** `col.models` from a schema-18 collection. */
export function notetypesFromSchema18(db: Db): Record<string, NotetypeJson> {
  const fields = groupByNotetype(db.query<FieldRow>('select ntid, ord, name, config from fields order by ntid, ord'));
  const templates = groupByNotetype(
    db.query<TemplateRow>('select ntid, ord, name, mtime_secs, config from templates order by ntid, ord'),
  );
  const out: Record<string, NotetypeJson> = {};
  for (const row of db.query<NotetypeRow>('select id, name, mtime_secs, usn, config from notetypes order by id')) {
    const flds = (fields.get(row.id) ?? []).map(fieldJson);
    const tmpls = (templates.get(row.id) ?? []).map(templateJson);
    out[String(row.id)] = notetypeJson(row, flds, tmpls);
  }
  return out;
}
