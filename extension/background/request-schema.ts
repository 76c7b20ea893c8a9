/**
 * The check AnkiConnect makes of every top-level request body (web.py
 * request_schema, via jsonschema): an object with a non-empty string
 * `action`, an integer `version` and an object `params`. Errors carry the
 * first line of jsonschema's message.
 */
import { pyRepr } from '../actions/python.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Returns the error text, or null when the request is valid. */
export function checkRequestSchema(body: unknown): string | null {
  if (!isObject(body)) return `${pyRepr(body)} is not of type 'object'`;
  if ('action' in body) {
    const a = body.action;
    if (typeof a !== 'string') return `${pyRepr(a)} is not of type 'string'`;
    if (a.length < 1) return `${pyRepr(a)} should be non-empty`;
  }
  if ('version' in body) {
    const v = body.version;
    if (typeof v !== 'number' || !Number.isInteger(v)) return `${pyRepr(v)} is not of type 'integer'`;
  }
  if ('params' in body && !isObject(body.params)) return `${pyRepr(body.params)} is not of type 'object'`;
  if (!('action' in body)) return `'action' is a required property`;
  return null;
}
