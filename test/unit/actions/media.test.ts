import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import { call, contextFor, newCollection, ok } from '../../helpers/builders.ts';
import { MemoryHostFiles, MemoryMedia } from '../../helpers/memory-media.ts';

let ctx: ActionContext;
let media: MemoryMedia;
let files: MemoryHostFiles;

beforeEach(async () => {
  ctx = contextFor(await newCollection());
  media = ctx.media as MemoryMedia;
  files = ctx.files as MemoryHostFiles;
});

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const md5 = (s: string | Uint8Array) => createHash('md5').update(s).digest('hex');
const stored = async (name: string) => {
  const bytes = await media.read(name);
  return bytes && Buffer.from(bytes).toString();
};
const store = (params: Record<string, unknown>) => call(ctx, 'storeMediaFile', params);

// A local server for `url`: /file/<text> answers the text, /status/<n> that status, /slow never answers.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, arg] = (req.url ?? '').split('/');
    if (kind === 'file') res.end(decodeURIComponent(arg ?? ''));
    else if (kind === 'status') {
      res.statusCode = Number(arg);
      res.end('no');
    } else if (kind === 'redirect') {
      res.writeHead(302, { Location: '/file/moved' });
      res.end();
    } else if (kind === 'trickle') {
      // 6 pieces, 60 ms apart: slower in total than a 200 ms timeout, never silent for that long.
      let n = 0;
      const timer = setInterval(() => {
        res.write(String(n));
        if (++n === 6) {
          clearInterval(timer);
          res.end();
        }
      }, 60);
    } // 'slow': no answer at all
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('storeMediaFile', () => {
  it('stores base64 data and returns the name', async () => {
    expect(await store({ filename: 'a.txt', data: b64('hello') })).toEqual({ result: 'a.txt', error: null });
    expect(await stored('a.txt')).toBe('hello');
  });

  it('reads a path through the host', async () => {
    files.files.set('/tmp/x/b.mp3', Buffer.from('from disk'));
    expect(await ok(ctx, 'storeMediaFile', { filename: 'b.mp3', path: '/tmp/x/b.mp3' })).toBe('b.mp3');
    expect(await stored('b.mp3')).toBe('from disk');
  });

  it("gives open()'s error for a missing path, and a TypeError for a path that is no string", async () => {
    expect(await store({ filename: 'b.mp3', path: '/nope/b.mp3' })).toEqual({ result: null, error: "[Errno 2] No such file or directory: '/nope/b.mp3'" });
    expect((await store({ filename: 'b.mp3', path: ['x'] })).error).toBe('expected str, bytes or os.PathLike object, not list');
    expect(await media.list()).toEqual([]);
  });

  it('downloads a url, following redirects', async () => {
    expect(await ok(ctx, 'storeMediaFile', { filename: 'c.mp3', url: `${base}/file/downloaded` })).toBe('c.mp3');
    expect(await stored('c.mp3')).toBe('downloaded');
    expect(await ok(ctx, 'storeMediaFile', { filename: 'd.mp3', url: `${base}/redirect/x` })).toBe('d.mp3');
    expect(await stored('d.mp3')).toBe('moved');
  });

  it("reports a status other than 200 with AnkiConnect's text", async () => {
    const url = `${base}/status/404`;
    expect((await store({ filename: 'c.mp3', url })).error).toBe(`${url} download failed with return code 404`);
    expect((await store({ filename: 'c.mp3', url: `${base}/status/204` })).error).toBe(`${base}/status/204 download failed with return code 204`);
    expect(await media.list()).toEqual([]);
  });

  it("times out after webTimeout without data, as requests' read timeout does", async () => {
    ctx.settings = { ...ctx.settings, webTimeout: 200 };
    const port = new URL(base).port;
    const started = Date.now();
    expect((await store({ filename: 'c.mp3', url: `${base}/slow` })).error).toBe(
      `HTTPConnectionPool(host='127.0.0.1', port=${port}): Read timed out. (read timeout=0.2)`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    // Data arriving more often than the timeout keeps the download going.
    expect(await ok(ctx, 'storeMediaFile', { filename: 't.txt', url: `${base}/trickle/x` })).toBe('t.txt');
    expect(await stored('t.txt')).toBe('012345');
  });

  it("refuses URLs requests refuses, with requests' texts", async () => {
    const err = async (url: unknown) => (await store({ filename: 'x', url })).error;
    expect(await err('abc')).toBe("Invalid URL 'abc': No scheme supplied. Perhaps you meant https://abc?");
    expect(await err(123)).toBe("Invalid URL '123': No scheme supplied. Perhaps you meant https://123?");
    expect(await err('ftp://x/y')).toBe("No connection adapters were found for 'ftp://x/y'");
    expect(await err('file:///etc/passwd')).toBe("No connection adapters were found for 'file:///etc/passwd'");
    expect(await err('http://')).toBe("Invalid URL 'http://': No host supplied");
    expect(await err('http://[bad')).toBe('Failed to parse: http://[bad');
    expect(await err('http://127.0.0.1:1/x.mp3')).toMatch(
      /^HTTPConnectionPool\(host='127\.0\.0\.1', port=1\): Max retries exceeded with url: \/x\.mp3 \(Caused by NewConnectionError/,
    );
  });

  it('needs data, path or url, each taken only when truthy', async () => {
    const message = 'You must provide a "data", "path", or "url" field.';
    expect(await store({ filename: 'x' })).toEqual({ result: null, error: message });
    expect((await store({ filename: 'x', data: '', path: '', url: null })).error).toBe(message);
    // data wins over path and url
    expect(await ok(ctx, 'storeMediaFile', { filename: 'x.txt', data: b64('d'), path: '/missing', url: 'bad' })).toBe('x.txt');
    expect(await stored('x.txt')).toBe('d');
  });

  it("gives Python's base64 errors", async () => {
    expect((await store({ filename: 'x', data: 'QQ' })).error).toBe('Incorrect padding');
    expect((await store({ filename: 'x', data: 5 })).error).toBe("argument should be a bytes-like object or ASCII string, not 'int'");
  });

  it('skips the file when skipHash is its md5, and stores it otherwise', async () => {
    expect(await store({ filename: 's.txt', data: b64('same'), skipHash: md5('same') })).toEqual({ result: null, error: null });
    expect(await media.list()).toEqual([]);
    expect(await ok(ctx, 'storeMediaFile', { filename: 's.txt', data: b64('same'), skipHash: md5('other') })).toBe('s.txt');
    expect(await ok(ctx, 'storeMediaFile', { filename: 's2.txt', data: b64('same'), skipHash: 5 })).toBe('s2.txt');
  });

  it('replaces an existing file by default, and keeps it with deleteExisting false', async () => {
    await ok(ctx, 'storeMediaFile', { filename: 'r.txt', data: b64('one') });
    expect(await ok(ctx, 'storeMediaFile', { filename: 'r.txt', data: b64('two') })).toBe('r.txt');
    expect(await stored('r.txt')).toBe('two');
    const other = await ok<string>(ctx, 'storeMediaFile', { filename: 'r.txt', data: b64('three'), deleteExisting: false });
    expect(other).toBe(`r-${createHash('sha1').update('three').digest('hex')}.txt`);
    expect(await stored('r.txt')).toBe('two');
    expect(await stored(other)).toBe('three');
    // The same bytes again: the same name, nothing new.
    expect(await ok(ctx, 'storeMediaFile', { filename: 'r.txt', data: b64('two'), deleteExisting: false })).toBe('r.txt');
    expect((await media.list()).length).toBe(2);
  });

  it("normalises the name as Anki does: base name, problem characters, lower case", async () => {
    expect(await ok(ctx, 'storeMediaFile', { filename: 'dir/sub/Pic?.PNG', data: b64('p') })).toBe('pic.png');
    expect(await media.list()).toEqual(['pic.png']);
  });

  it('with deleteExisting, removes the given name even when the file is stored under another', async () => {
    await media.write('Pic.PNG', Buffer.from('dropped by a client'));
    await media.write('pic.png', Buffer.from('older'));
    expect(await ok(ctx, 'storeMediaFile', { filename: 'Pic.PNG', data: b64('new') })).toMatch(/^pic-[0-9a-f]{40}\.png$/);
    expect((await media.list()).sort()).toEqual([expect.stringMatching(/^pic-/), 'pic.png']);
  });

  it('reports a filename that is no string after the bytes are read', async () => {
    expect((await store({ filename: 5, data: b64('x') })).error).toBe('bad argument type for built-in operation');
    expect((await store({ filename: 5, data: b64('x'), deleteExisting: false })).error).toBe('expected str, bytes or os.PathLike object, not int');
    expect((await store({ filename: 5, data: 'QQ' })).error).toBe('Incorrect padding');
  });

  it('needs filename', async () => {
    expect((await store({ data: b64('x') })).error).toBe("AnkiConnect.storeMediaFile() missing 1 required positional argument: 'filename'");
  });
});

describe('retrieveMediaFile', () => {
  it('returns the bytes as base64, byte-exact', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
    await media.write('bin.dat', bytes);
    expect(await ok(ctx, 'retrieveMediaFile', { filename: 'bin.dat' })).toBe(b64(bytes));
  });

  it('returns false for a missing file', async () => {
    expect(await call(ctx, 'retrieveMediaFile', { filename: 'none.mp3' })).toEqual({ result: false, error: null });
  });

  it('looks up the base name, in NFC, without the legacy illegal characters', async () => {
    await media.write('café.mp3', Buffer.from('c'));
    expect(await ok(ctx, 'retrieveMediaFile', { filename: '/some/where/cafe\u0301?.mp3' })).toBe(b64('c'));
  });

  it('gives Python errors for a name that is the folder itself or no string', async () => {
    expect((await call(ctx, 'retrieveMediaFile', { filename: '' })).error).toBe("[Errno 21] Is a directory: '/tmp/acb-test-media/'");
    expect((await call(ctx, 'retrieveMediaFile', { filename: 'x/..' })).error).toBe("[Errno 21] Is a directory: '/tmp/acb-test-media/..'");
    expect((await call(ctx, 'retrieveMediaFile', { filename: 5 })).error).toBe('expected str, bytes or os.PathLike object, not int');
  });
});

describe('getMediaFilesNames', () => {
  beforeEach(async () => {
    for (const name of ['a.jpg', 'b.mp3', '.hidden', 'yanki-1.png', 'yanki-2.png']) await media.write(name, Buffer.from(name));
  });

  it("lists every file but hidden ones by default, and matches Python's glob", async () => {
    expect((await ok<string[]>(ctx, 'getMediaFilesNames')).sort()).toEqual(['a.jpg', 'b.mp3', 'yanki-1.png', 'yanki-2.png']);
    expect((await ok<string[]>(ctx, 'getMediaFilesNames', { pattern: 'yanki-*' })).sort()).toEqual(['yanki-1.png', 'yanki-2.png']);
    expect(await ok(ctx, 'getMediaFilesNames', { pattern: '*.mp3' })).toEqual(['b.mp3']);
    expect(await ok(ctx, 'getMediaFilesNames', { pattern: '.hidden' })).toEqual(['.hidden']);
    expect(await ok(ctx, 'getMediaFilesNames', { pattern: 'none*' })).toEqual([]);
  });

  it("gives os.path.join's error for a pattern that is no string", async () => {
    expect((await call(ctx, 'getMediaFilesNames', { pattern: null })).error).toBe("join() argument must be str, bytes, or os.PathLike object, not 'NoneType'");
  });
});

describe('deleteMediaFile', () => {
  it('removes the file; a missing one is no error', async () => {
    await media.write('gone.mp3', Buffer.from('x'));
    expect(await call(ctx, 'deleteMediaFile', { filename: 'gone.mp3' })).toEqual({ result: null, error: null });
    expect(await media.list()).toEqual([]);
    expect(await call(ctx, 'deleteMediaFile', { filename: 'gone.mp3' })).toEqual({ result: null, error: null });
  });

  it('never treats the name as a path', async () => {
    await media.write('keep.mp3', Buffer.from('x'));
    for (const filename of ['', '.', '..', '../keep.mp3', 'x/keep.mp3']) {
      expect(await call(ctx, 'deleteMediaFile', { filename })).toEqual({ result: null, error: null });
    }
    expect(await media.list()).toEqual(['keep.mp3']);
    expect((await call(ctx, 'deleteMediaFile', { filename: 3 })).error).toBe('bad argument type for built-in operation');
  });
});

describe('getMediaDirPath', () => {
  it("returns the host's folder", async () => {
    expect(await ok(ctx, 'getMediaDirPath')).toBe('/tmp/acb-test-media');
    expect((await call(ctx, 'getMediaDirPath', { x: 1 })).error).toBe("AnkiConnect.getMediaDirPath() got an unexpected keyword argument 'x'");
  });
});
