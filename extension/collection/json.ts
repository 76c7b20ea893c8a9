/**
 * JSON for the collection's `col` columns. Field and template ids are random
 * 64-bit integers beyond Number.MAX_SAFE_INTEGER, so unsafe integers are kept
 * as bigint on parse and written back digit for digit.
 */
import { isSafeNumber, parse, stringify } from 'lossless-json';

function parseNumber(text: string): number | bigint {
  if (isSafeNumber(text)) return Number(text);
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return Number(text);
}

export function parseJson<T = unknown>(text: string): T {
  return parse(text, null, parseNumber) as T;
}

/** JSON text; bigint values are written as plain integers. */
export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return stringify(value) ?? 'null';
  }
}

/** A 64-bit id that may be a bigint, as a number when it is safe, for comparisons. */
export type Int64 = number | bigint;

export function sameId(a: Int64 | null | undefined, b: Int64 | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return BigInt(a) === BigInt(b);
}
