/** Waiting for the whole chain to answer over HTTP. */
import { request } from 'node:http';

export function postJson(host: string, port: number, body: string, timeoutMs = 2000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** True once `version` answers 6 through the chain. */
export async function chainAnswers(host: string, port: number): Promise<boolean> {
  try {
    const r = await postJson(host, port, '{"action":"version","version":6}');
    return r.status === 200 && JSON.parse(r.text)?.result === 6;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, isAborted: () => boolean): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && !isAborted()) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
