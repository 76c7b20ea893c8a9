/** zstd decompression of a modern package's members (fzstd; Anki writes zstd streams). */
import { decompress } from 'fzstd';
import { invalidPackage, PackageError } from './errors.ts';

export function zstdDecompress(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return decompress(bytes);
  } catch (e) {
    throw new PackageError(invalidPackage(`Its ${what} cannot be decompressed (${e instanceof Error ? e.message : String(e)}).`));
  }
}
