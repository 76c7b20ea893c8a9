/**
 * Python's `base64.b64decode(data)` (binascii.a2b_base64, not strict): what
 * storeMediaFile does with `data`. Well-formed base64 takes the native
 * decoder (one pass, no copies); anything else is read as CPython reads it:
 * characters outside the alphabet are skipped, decoding stops after enough
 * padding, and a short last group is an error.
 */
import { base64ToBytes } from '../../shared/base64.ts';
import * as E from './errors.ts';
import { pyTypeName } from './python.ts';

type FromBase64 = (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

const WELL_FORMED = /^[A-Za-z0-9+/]*={0,2}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

/** base64.b64decode of a JSON value. */
export function pyB64decode(data: unknown): Uint8Array {
  if (typeof data !== 'string') throw new Error(E.base64NotBytes(pyTypeName(data)));
  if (nativeFromBase64) {
    try {
      return nativeFromBase64(data, { lastChunkHandling: 'strict' });
    } catch {
      // not canonical: Python's rules below
    }
  } else if (data.length % 4 === 0 && WELL_FORMED.test(data)) {
    return base64ToBytes(data);
  }
  return a2bBase64(data);
}

/** CPython's a2b_base64 with strict_mode off. */
function a2bBase64(text: string): Uint8Array {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) throw new Error(E.base64NotAscii);
  const out = new Uint8Array(Math.ceil((text.length * 3) / 4));
  let n = 0;
  let quad = 0;
  let left = 0;
  let pads = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === PAD) {
      if (quad >= 2 && quad + ++pads >= 4) return out.subarray(0, n);
      continue;
    }
    const v = VALUE[c]!;
    if (v < 0) continue;
    pads = 0;
    if (quad === 0) left = v;
    else if (quad === 1) {
      out[n++] = (left << 2) | (v >> 4);
      left = v & 0x0f;
    } else if (quad === 2) {
      out[n++] = (left << 4) | (v >> 2);
      left = v & 0x03;
    } else out[n++] = (left << 6) | v;
    quad = (quad + 1) % 4;
  }
  if (quad === 1) throw new Error(E.base64BadLength(Math.floor(n / 3) * 4 + 1));
  if (quad !== 0) throw new Error(E.base64IncorrectPadding);
  return out.subarray(0, n);
}
