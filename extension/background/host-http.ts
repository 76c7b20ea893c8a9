/**
 * The host's HTTP file access (native-host/src/file-http.ts), extension
 * side: raw bytes to and from the host's own port, with the token the host
 * gave over the native port. Every method answers null when HTTP cannot be
 * used (no token yet, the host not listening, the connection failing), and
 * the caller then takes the native port; a failure the host reports is
 * thrown as HostFileError.
 */
import { FILE_HTTP_PATHS, FILE_STAT_HEADER, FILE_TOKEN_HEADER, type FileFailure, type HostStatusMessage, type MediaFileStat } from '../../shared/messages.ts';
import { HostFileError } from './file-errors.ts';
import { reachable } from './request-body.ts';


const isFailure = (v: unknown): v is FileFailure => typeof v === 'object' && v !== null && typeof (v as FileFailure).code === 'string';

export class HostHttp {
  private token: string | null = null;
  private base: string | null = null;

  /** The host gave its token. */
  open(token: string, status: HostStatusMessage | null): void {
    this.token = token;
    if (status) this.listening(status);
  }

  /** The host said where it listens (or that it does not). */
  listening(status: HostStatusMessage): void {
    this.base = status.listening && status.port ? `http://${reachable(status.address)}:${status.port}` : null;
  }

  close(): void {
    this.token = this.base = null;
  }

  async readFile(path: string): Promise<Uint8Array | null> {
    const res = await this.call('GET', `${FILE_HTTP_PATHS.file}?path=${encodeURIComponent(path)}`);
    return res && new Uint8Array(await res.arrayBuffer());
  }

  async writeFile(path: string, bytes: Uint8Array): Promise<boolean> {
    return (await this.call('PUT', `${FILE_HTTP_PATHS.file}?path=${encodeURIComponent(path)}`, bytes)) !== null;
  }

  async readMedia(name: string): Promise<{ bytes: Uint8Array; stat: MediaFileStat; md5: string } | null> {
    const res = await this.call('GET', FILE_HTTP_PATHS.media + encodeURIComponent(name));
    if (!res) return null;
    const { md5, ...stat } = JSON.parse(res.headers.get(FILE_STAT_HEADER) ?? '{}') as MediaFileStat & { md5: string };
    return { bytes: new Uint8Array(await res.arrayBuffer()), stat, md5 };
  }

  async writeMedia(name: string, bytes: Uint8Array, mtime: number): Promise<MediaFileStat | null> {
    const res = await this.call('PUT', `${FILE_HTTP_PATHS.media}${encodeURIComponent(name)}?mtime=${mtime}`, bytes);
    return res && ((await res.json()) as { stat: MediaFileStat }).stat;
  }

  private async call(method: 'GET' | 'PUT', path: string, body?: Uint8Array): Promise<Response | null> {
    const { token, base } = this;
    if (!token || !base) return null;
    let res: Response;
    try {
      res = await fetch(base + path, {
        method,
        body: body as BodyInit | undefined,
        headers: { [FILE_TOKEN_HEADER]: token },
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return null; // not reachable: the native port carries it
    }
    if (res.ok) return res;
    const failure: unknown = await res.json().catch(() => null);
    if (isFailure(failure) && failure.code !== 'EBADTOKEN') throw new HostFileError(failure);
    if (isFailure(failure)) this.token = null; // another host process: ask for its token again
    return null;
  }
}
