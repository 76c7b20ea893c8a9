/** Base64 for bytes, the same in Node and in the service worker. */

type Uint8ArrayWithBase64 = typeof Uint8Array & {
  fromBase64?: (s: string) => Uint8Array;
};
type BytesWithBase64 = Uint8Array & { toBase64?: () => string };

const nodeBuffer = (globalThis as { Buffer?: typeof import('node:buffer').Buffer }).Buffer;

export function bytesToBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const native = (bytes as BytesWithBase64).toBase64;
  if (native) return native.call(bytes);
  let out = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + step) as unknown as number[]);
  }
  return btoa(out);
}

export function base64ToBytes(text: string): Uint8Array {
  if (nodeBuffer) {
    const b = nodeBuffer.from(text, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const native = (Uint8Array as Uint8ArrayWithBase64).fromBase64;
  if (native) return native(text);
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
