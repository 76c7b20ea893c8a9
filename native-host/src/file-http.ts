/**
 * Raw file bytes over the host's own HTTP port, for the extension only
 * (shared/messages.ts FILE_HTTP_PATHS): the same operations as files.ts,
 * without base64, JSON or the native port, so a 10 MB media write neither
 * costs a base64 pass each side nor queues replies behind it. A request is
 * the extension's when it carries the token header; it must carry this
 * host's token. Every other request is left to the forwarder untouched.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FILE_HTTP_PATHS, FILE_STAT_HEADER, FILE_TOKEN_HEADER, REPLY_META_HEADER, type FileFailure } from '../../shared/messages.ts';
import { fileFailure } from './files.ts';
import type { MediaFolder } from './media-folder.ts';
import { HostToken } from './token.ts';

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function sendFailure(res: ServerResponse, failure: FileFailure): void {
  const status = failure.code === 'ENOENT' ? 404 : failure.code === 'EBADTOKEN' ? 403 : failure.code === 'EINVAL' ? 400 : 500;
  const body = JSON.stringify(failure);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export class FileHttp {
  /** Given to the extension over the native port; new for every host process. */
  readonly secret = new HostToken();
  readonly token = this.secret.value;

  private readonly bodies = new Map<string, Buffer>();
  private nextBody = 1;

  /** Where large replies from the extension go (the forwarder). */
  onReply: ((id: number, status: number, headers: Record<string, string>, body: Buffer, journalSeq?: number) => boolean) | null = null;

  constructor(private readonly folder: MediaFolder) {}

  /** Keeps a request body for the extension to fetch once; returns its path. */
  stashBody(body: Buffer): string {
    const path = `${FILE_HTTP_PATHS.body}${this.nextBody++}-${randomBytes(8).toString('hex')}`;
    this.bodies.set(path, body);
    return path;
  }

  /** Drops a stashed body nobody fetched (its request was answered or failed). */
  dropBody(path: string): void {
    this.bodies.delete(path);
  }

  /** Serves the extension's file requests; false for any other request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const given = req.headers[FILE_TOKEN_HEADER];
    if (given === undefined) return false;
    res.sendDate = false;
    if (!this.secret.matches(given)) {
      req.resume();
      sendFailure(res, { code: 'EBADTOKEN', errno: null, message: 'not the token of this host', path: req.url ?? '' });
      return true;
    }
    const url = new URL(req.url ?? '/', 'http://host');
    const target = url.pathname.startsWith(FILE_HTTP_PATHS.media)
      ? decodeURIComponent(url.pathname.slice(FILE_HTTP_PATHS.media.length))
      : (url.searchParams.get('path') ?? '');
    this.answer(req, res, url).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else sendFailure(res, fileFailure(e, target));
    });
    return true;
  }

  private async answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith(FILE_HTTP_PATHS.reply) && method === 'PUT') {
      const id = Number(url.pathname.slice(FILE_HTTP_PATHS.reply.length));
      const meta = JSON.parse(String(req.headers[REPLY_META_HEADER] ?? '{}')) as { status?: number; headers?: Record<string, string>; journalSeq?: number };
      const body = await readAll(req);
      const taken = this.onReply?.(id, meta.status ?? 200, meta.headers ?? {}, body, meta.journalSeq) ?? false;
      if (!taken) throw Object.assign(new Error(`no request ${id} waits for a reply`), { code: 'ENOENT' });
      return sendJson(res, {});
    }
    if (url.pathname.startsWith(FILE_HTTP_PATHS.body)) {
      const body = this.bodies.get(url.pathname);
      this.bodies.delete(url.pathname);
      req.resume();
      if (!body) throw Object.assign(new Error('no such request body'), { code: 'ENOENT' });
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    if (url.pathname.startsWith(FILE_HTTP_PATHS.media)) {
      const name = decodeURIComponent(url.pathname.slice(FILE_HTTP_PATHS.media.length));
      if (method === 'PUT') {
        const mtime = Number(url.searchParams.get('mtime'));
        return sendJson(res, { stat: await this.folder.write(name, await readAll(req), Number.isFinite(mtime) ? mtime : Date.now()) });
      }
      const { bytes, stat, md5 } = await this.folder.read(name);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length, [FILE_STAT_HEADER]: JSON.stringify({ ...stat, md5 }) });
      res.end(bytes);
      return;
    }
    if (url.pathname === FILE_HTTP_PATHS.file) {
      const path = url.searchParams.get('path') ?? '';
      if (method === 'PUT') {
        await writeFile(path, await readAll(req));
        return sendJson(res, {});
      }
      const bytes = await readFile(path);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      res.end(bytes);
      return;
    }
    req.resume();
    throw Object.assign(new Error(`no such file operation: ${method} ${url.pathname}`), { code: 'EINVAL' });
  }
}
