/**
 * Python's view of JSON parameters, where AnkiConnect relies on it:
 * iteration, truthiness and int().
 */
import { intArgumentType, invalidIntLiteral, notIterable } from './errors.ts';
import { pyRepr, pyTypeName } from './python.ts';

/** What Python's `for x in value` yields for a JSON value. */
export function pyIterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (value !== null && typeof value === 'object') return Object.keys(value);
  throw new Error(notIterable(pyTypeName(value)));
}

/** Python truthiness of a JSON value. */
export function pyTruthy(value: unknown): boolean {
  if (Array.isArray(value) || typeof value === 'string') return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  if (typeof value === 'number') return value !== 0; // NaN is truthy in Python
  return Boolean(value);
}

/** Python's `int(value)` for a JSON value. */
export function pyInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  if (typeof value === 'string') {
    if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) throw new Error(invalidIntLiteral(pyRepr(value)));
    return BigInt(value.trim().replaceAll('_', ''));
  }
  throw new Error(intArgumentType(pyTypeName(value)));
}
