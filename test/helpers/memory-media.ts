/** In-memory host files for unit tests (the media store is extension/collection/media/memory.ts). */
import type { HostFiles } from '../../extension/collection/media/types.ts';
export { MemoryMedia } from '../../extension/collection/media/memory.ts';

export class MemoryHostFiles implements HostFiles {
  readonly files = new Map<string, Uint8Array>();
  constructor(readonly mediaDir = '/tmp/acb-test-media') {}
  async read(path: string) {
    const b = this.files.get(path);
    if (!b) throw new Error(`[Errno 2] No such file or directory: '${path}'`);
    return b;
  }
  async write(path: string, bytes: Uint8Array) {
    this.files.set(path, bytes.slice());
  }
  async mediaDirPath() {
    return this.mediaDir;
  }
}
