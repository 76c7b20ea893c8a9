/** A media store held in memory: for the engine run in Node (tests, benchmarks). */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { MediaStore } from './types.ts';

export class MemoryMedia implements MediaStore {
  readonly files = new Map<string, Uint8Array>();
  async read(name: string) {
    return this.files.get(name) ?? null;
  }
  async write(name: string, bytes: Uint8Array) {
    this.files.set(name, bytes.slice());
  }
  async remove(name: string) {
    this.files.delete(name);
  }
  async list() {
    return [...this.files.keys()];
  }
  async md5(name: string) {
    const b = this.files.get(name);
    return b ? bytesToHex(md5(b)) : null;
  }
}
