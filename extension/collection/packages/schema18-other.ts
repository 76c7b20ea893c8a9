/**
 * The `other` bytes of schema-18 configs: JSON keys Anki does not model,
 * kept so that they survive the trip back to schema 11 (notetype/schema11.rs
 * `parse_other_fields`). Keys schema 11 writes itself are dropped.
 */
import { parseJson } from '../json.ts';

const utf8 = new TextDecoder();

export function otherFields(bytes: Uint8Array, reserved: ReadonlySet<string>): Record<string, unknown> {
  if (!bytes.length) return {};
  let parsed: unknown;
  try {
    parsed = parseJson(utf8.decode(bytes));
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (!reserved.has(k)) out[k] = v;
  return out;
}

/** A JSON value stored as bytes (schema-18 `config.val`). */
export function jsonFromBytes(bytes: Uint8Array | string): unknown {
  return parseJson(typeof bytes === 'string' ? bytes : utf8.decode(bytes));
}

/** A BLOB column's bytes (an empty or text value is read as its UTF-8 bytes). */
export function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return new TextEncoder().encode(value === null || value === undefined ? '' : String(value));
}
