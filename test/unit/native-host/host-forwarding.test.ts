import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_HTTP_PATHS, FILE_TOKEN_HEADER, HTTP_BODY_THRESHOLD_BYTES, REPLY_META_HEADER, type HttpRequestMessage } from '../../../shared/messages.ts';
import { HostProcess, http, json } from './host-process.ts';

const MiB = 1024 * 1024;

describe('native host forwarding', () => {
  let host: HostProcess;
  let port: number;

  beforeAll(async () => {
    host = new HostProcess();
    host.config(0);
    const status = await host.nextStatus();
    expect(status).toMatchObject({ type: 'status', listening: true, address: '127.0.0.1', error: null, pid: host.proc.pid });
    expect(status.port).toBeGreaterThan(0);
    port = status.port!;
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('forwards method, path, the forwarded headers, and a body that is not UTF-8 as base64', async () => {
    const body = Buffer.from([0x7b, 0xe7, 0x00, 0xff, 0x7d]); // not valid UTF-8 on purpose
    const reply = http(port, {
      method: 'PUT',
      path: '/some/path?q=1',
      headers: {
        Origin: 'http://example.com',
        'Content-Type': 'application/json',
        'Access-Control-Request-Private-Network': 'true',
        'X-Not-Forwarded': 'nope',
        Cookie: 'a=b',
      },
      body,
    });
    const req = await host.next<HttpRequestMessage>('request');
    expect(req.method).toBe('PUT');
    expect(req.path).toBe('/some/path?q=1');
    expect(req.headers).toEqual({
      origin: 'http://example.com',
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'access-control-request-private-network': 'true',
    });
    expect(req.encoding).toBe('base64');
    expect(Buffer.from(req.body, 'base64')).toEqual(body);

    host.respond(req.id, 200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': 'http://localhost', 'Access-Control-Allow-Headers': '*' }, '{"result":"é","error":null}');
    const res = await reply;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost');
    expect(res.headers['access-control-allow-headers']).toBe('*');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength('{"result":"é","error":null}')));
    expect(res.headers.date).toBeUndefined();
    expect(json(res)).toEqual({ result: 'é', error: null });
  });

  it('forwards any method, an empty body, and writes a null body as no body', async () => {
    const reply = http(port, { method: 'OPTIONS', path: '/' });
    const req = await host.next<HttpRequestMessage>('request');
    expect(req).toMatchObject({ method: 'OPTIONS', path: '/', body: '' });
    host.respond(req.id, 403, { 'Access-Control-Allow-Origin': 'http://localhost' }, null);
    const res = await reply;
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.body.length).toBe(0);
  });

  it('keeps the connection alive across requests', async () => {
    host.serve((req) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: req.path }) }));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const ports = new Set<number | undefined>();
      for (let i = 0; i < 5; i++) {
        const res = await http(port, { path: `/${i}`, body: '{}', agent });
        expect(json(res)).toEqual({ path: `/${i}` });
        ports.add(res.localPort);
      }
      expect(ports.size).toBe(1);
    } finally {
      agent.destroy();
      host.serve(null);
    }
  });

  it('answers requests in the order the replies arrive', async () => {
    const replies = [0, 1, 2].map((i) => http(port, { path: `/${i}`, body: String(i) }));
    const reqs: HttpRequestMessage[] = [];
    for (let i = 0; i < 3; i++) reqs.push(await host.next<HttpRequestMessage>('request'));
    const done: string[] = [];
    replies.forEach((p, i) => void p.then(() => done.push(String(i))));
    for (const req of [...reqs].reverse()) {
      host.respond(req.id, 200, {}, `answer ${req.path}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    const results = await Promise.all(replies);
    expect(results.map((r) => r.body.toString())).toEqual(['answer /0', 'answer /1', 'answer /2']);
    expect(done).toEqual(reqs.map((r) => r.path.slice(1)).reverse());
  });

  it('forwards a UTF-8 body under the HTTP threshold as text in the message, each frame within 1 MiB', async () => {
    const text = JSON.stringify({ action: 'createDeck', params: { deck: 'Große 日本語 🎴 "q" \\ '.repeat(15_000) } });
    expect(Buffer.byteLength(text)).toBeLessThan(HTTP_BODY_THRESHOLD_BYTES);
    const framesBefore = host.frameLengths.length;
    const reply = http(port, { body: Buffer.from(text), headers: { 'Content-Type': 'application/json' } });
    const req = await host.next<HttpRequestMessage>('request', 60_000);
    for (const n of host.frameLengths.slice(framesBefore)) expect(n).toBeLessThanOrEqual(MiB);
    expect(req.encoding).toBe('utf8');
    expect(req.body === text).toBe(true);
    host.respond(req.id, 200, {}, 'ok');
    expect((await reply).body.toString()).toBe('ok');
  }, 120_000);

  it('keeps a 20 MB request body in the host for one fetch with the token, and chunks a 20 MB reply back byte-exact', async () => {
    const body = randomBytes(20 * MiB);
    const framesBefore = host.frameLengths.length;
    const reply = http(port, { body, headers: { 'Content-Type': 'application/octet-stream' } });
    const req = await host.next<HttpRequestMessage>('request', 60_000);
    // The native port carried one small message, not the body.
    const frames = host.frameLengths.slice(framesBefore);
    expect(frames.length).toBe(1);
    expect(req.encoding).toBe('http');
    expect(req.body).toBe('');
    const wrongToken = await http(port, { method: 'GET', path: req.bodyPath!, headers: { [FILE_TOKEN_HEADER]: 'nope'.repeat(16) } });
    expect(wrongToken.status).toBe(403);
    const fetched = await http(port, { method: 'GET', path: req.bodyPath!, headers: { [FILE_TOKEN_HEADER]: req.bodyToken! } });
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(body)).toBe(true);
    const again = await http(port, { method: 'GET', path: req.bodyPath!, headers: { [FILE_TOKEN_HEADER]: req.bodyToken! } });
    expect(again.status).toBe(404);

    const big = 'aé漢😀\n'.repeat(Math.ceil((20 * MiB) / 12));
    host.respond(req.id, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, big);
    const res = await reply;
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(big));
    expect(res.body.equals(Buffer.from(big, 'utf8'))).toBe(true);
  }, 120_000);

  it('takes a large reply as raw bytes PUT with the token, and writes it as the answer', async () => {
    const reply = http(port, { body: '{"action":"deckNames"}' });
    const req = await host.next<HttpRequestMessage>('request');
    expect(req.token).toMatch(/^[0-9a-f]{64}$/);
    const big = Buffer.from('"é漢😀"'.repeat(100_000));
    const put = await http(port, {
      method: 'PUT',
      path: `${FILE_HTTP_PATHS.reply}${req.id}`,
      headers: { [FILE_TOKEN_HEADER]: req.token!, [REPLY_META_HEADER]: JSON.stringify({ status: 200, headers: { 'Content-Type': 'application/json' } }) },
      body: big,
    });
    expect(put.status).toBe(200);
    const res = await reply;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.equals(big)).toBe(true);
    const late = await http(port, { method: 'PUT', path: `${FILE_HTTP_PATHS.reply}${req.id}`, headers: { [FILE_TOKEN_HEADER]: req.token! }, body: 'x' });
    expect(late.status).toBe(404);
  });

  it('answers 413 over the configured body limit, and keeps serving', async () => {
    host.config(port, { bodyLimitBytes: 1000 });
    expect(await host.nextStatus()).toMatchObject({ listening: true, port });
    host.serve(() => ({ status: 200, headers: {}, body: 'ok' }));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tooBig = await http(port, { body: 'x'.repeat(1001), agent });
      expect(tooBig.status).toBe(413);
      expect(tooBig.headers['content-type']).toBe('application/json');
      expect(json(tooBig)).toEqual({ result: null, error: 'request body too large (limit 1000 bytes)' });

      const chunked = await http(port, { body: 'x'.repeat(5000), agent, headers: { 'Transfer-Encoding': 'chunked' } });
      expect(chunked.status).toBe(413);

      const fits = await http(port, { body: 'x'.repeat(1000), agent });
      expect(fits.status).toBe(200);
      expect(fits.body.toString()).toBe('ok');
    } finally {
      agent.destroy();
      host.serve(null);
      host.config(port, { bodyLimitBytes: 1 << 28 });
      await host.nextStatus();
    }
  });

  it('drops the reply to a client that went away, quietly', async () => {
    const aborted = new AbortController();
    const gone = fetch(`http://127.0.0.1:${port}/gone`, { method: 'POST', body: '{}', signal: aborted.signal }).catch((e: Error) => e);
    const req = await host.next<HttpRequestMessage>('request');
    aborted.abort();
    await gone;
    await new Promise((r) => setTimeout(r, 50));
    host.respond(req.id, 200, {}, 'too late');
    host.serve(() => ({ status: 200, headers: {}, body: 'still here' }));
    try {
      const res = await http(port, { body: '{}' });
      expect(res.body.toString()).toBe('still here');
    } finally {
      host.serve(null);
    }
  });

  it('writes nothing but valid frames to stdout', async () => {
    await host.stop();
    expect(host.badFrames).toEqual([]);
    expect(host.trailingBytes).toBe(0);
    const framed = host.frameLengths.reduce((sum, n) => sum + 4 + n, 0);
    expect(framed).toBe(host.stdoutBytes);
    for (const n of host.frameLengths) expect(n).toBeLessThanOrEqual(MiB);
    expect(host.stderr).toBe('');
  });
});
