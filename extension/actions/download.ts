/**
 * AnkiConnect's `util.download(url)`: a GET through requests with
 * `webTimeout` (ms) as its timeout, the body when the status is 200, else
 * '<url> download failed with return code <status>'. URLs requests would
 * refuse are refused with requests' texts; the timeout, as requests', is
 * for each wait for data, not for the whole download.
 */
import * as E from './errors.ts';
import { pyRepr, pyStrOf } from './python.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What requests' prepare_url and get_adapter accept: an http(s) URL with a host. */
function checkedUrl(text: string): URL {
  const url = text.replace(/^\s+/, '');
  if (url.includes(':') && !url.toLowerCase().startsWith('http')) throw new Error(E.urlNoAdapter(pyRepr(url)));
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url);
  if (!scheme) throw new Error(E.urlNoScheme(pyRepr(url), url));
  const authority = /^[a-z][a-z0-9+.-]*:(?:\/\/)?([^/?#]*)/i.exec(url);
  if (!authority?.[1]) throw new Error(E.urlNoHost(pyRepr(url)));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(E.urlUnparsable(url));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(E.urlNoAdapter(pyRepr(url)));
  return parsed;
}

/** urllib3's name for the connection pool, as requests' errors print it. */
function poolName(url: URL): string {
  const https = url.protocol === 'https:';
  const port = url.port || (https ? '443' : '80');
  return `${https ? 'HTTPS' : 'HTTP'}ConnectionPool(host=${pyRepr(url.hostname)}, port=${port})`;
}

async function readBody(response: Response, rearm: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rearm();
    parts.push(value);
    total += value.length;
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The body of `url` (any JSON value, read as Python's str() of it). */
export async function download(url: unknown, timeoutMs: number, fetchImpl: FetchLike = fetch): Promise<Uint8Array> {
  const text = pyStrOf(url);
  const target = checkedUrl(text);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), timeoutMs);
  };
  rearm();
  try {
    const response = await fetchImpl(target.href, { signal: controller.signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
    if (response.status !== 200) {
      void response.body?.cancel().catch(() => undefined);
      throw new DownloadError(E.downloadFailed(text, response.status));
    }
    return await readBody(response, rearm);
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    if (controller.signal.aborted) throw new Error(E.downloadTimedOut(poolName(target), pyRepr(timeoutMs / 1000, true)));
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(E.downloadConnectionFailed(poolName(target), target.pathname + target.search, detail));
  } finally {
    clearTimeout(timer);
  }
}

class DownloadError extends Error {}
