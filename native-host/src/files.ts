/**
 * File operations on the extension's behalf: reading and writing any file
 * (the `path` parameters of storeMediaFile, importPackage, exportPackage…)
 * and the media folder's operations. Each request gets one reply with the
 * same id; bytes travel as base64. Failures carry Node's code and the errno
 * number, from which the extension words Python's OSError. (file-http.ts
 * offers the same on raw bytes over HTTP.)
 */
import { constants } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import type { FileFailure, FileReplyMessage, FileRequestMessage } from '../../shared/messages.ts';
import type { MediaFolder } from './media-folder.ts';

type Reply = Omit<FileReplyMessage, 'type' | 'id' | 'error'>;

/** What went wrong, for the extension to word (code, errno number, path). */
export function fileFailure(e: unknown, path: string): FileFailure {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : 'EUNKNOWN';
  const errno = (constants.errno as Record<string, number | undefined>)[code] ?? null;
  return { code, errno, message: err instanceof Error ? err.message : String(e), path: typeof err?.path === 'string' ? err.path : path };
}

function requirePath(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw Object.assign(new Error('no path given'), { code: 'ENOENT', path: String(path ?? '') });
  return path;
}

export class FileService {
  constructor(
    private readonly folder: MediaFolder,
    private readonly send: (reply: FileReplyMessage) => void,
    /** The token of the host's HTTP file access (file-http.ts), handed out with the folder. */
    private readonly token?: string,
  ) {}

  /** Runs one request and sends its reply (also when it fails). */
  handle(request: FileRequestMessage): Promise<void> {
    const target = 'path' in request ? String(request.path) : 'name' in request ? String(request.name) : this.folder.dir;
    return this.run(request).then(
      (reply) => this.send({ type: 'file-reply', id: request.id, error: null, ...reply }),
      (e: unknown) => this.send({ type: 'file-reply', id: request.id, error: fileFailure(e, target) }),
    );
  }

  private async run(r: FileRequestMessage): Promise<Reply> {
    switch (r.op) {
      case 'read':
        return { data: (await readFile(requirePath(r.path))).toString('base64') };
      case 'write':
        await writeFile(requirePath(r.path), Buffer.from(r.data, 'base64'));
        return {};
      case 'media-dir':
        return { dir: await this.folder.ensure(), token: this.token };
      case 'media-list':
        return { files: await this.folder.list(), dir: this.folder.dir, token: this.token };
      case 'media-read': {
        const { bytes, stat, md5 } = await this.folder.read(r.name);
        return { data: bytes.toString('base64'), stat, md5 };
      }
      case 'media-write':
        return { stat: await this.folder.write(r.name, Buffer.from(r.data, 'base64'), r.mtime) };
      case 'media-remove':
        await this.folder.remove(r.name);
        return {};
      default:
        throw Object.assign(new Error(`unknown file operation ${JSON.stringify((r as { op?: unknown }).op)}`), { code: 'EINVAL' });
    }
  }
}
