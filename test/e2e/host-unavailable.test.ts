/**
 * Nothing hangs when the extension is not there: the real host (as built)
 * answers 503 at once while no extension is connected, and a request in
 * flight when the browser dies gets 503 too.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { HOST_MAIN } from '../../scripts/lib/paths.ts';
import { freePort, http, removeProfile, startChain } from '../helpers/chain.ts';

it('answers 503 with a JSON error while no extension is connected, then exits when stdin closes', async () => {
  const port = await freePort();
  const host = spawn(process.execPath, [HOST_MAIN, '--listen', `127.0.0.1:${port}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => host.on('exit', (code) => r(code)));
  try {
    let reply = null;
    for (let i = 0; i < 50 && !reply; i++) {
      reply = await http(port, '{"action":"version","version":6}').catch(() => null);
      if (!reply) await new Promise((r) => setTimeout(r, 100));
    }
    expect(reply!.status).toBe(503);
    expect(reply!.json()).toEqual({ result: null, error: 'Anki-Connect Browser extension is not connected' });
    const started = Date.now();
    const again = await http(port, '{"action":"deckNames"}');
    expect(again.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);
  } finally {
    host.stdin!.end();
  }
  expect(await exited).toBe(0);
});

it('answers 503 to a request in flight when the browser is killed', async () => {
  const chain = await startChain();
  try {
    // A long request: a multi of many createDeck actions keeps the service worker busy.
    const actions = Array.from({ length: 3000 }, (_, i) => ({ action: 'createDeck', params: { deck: `Long::${i}` } }));
    const pending = http(chain.port, JSON.stringify({ action: 'multi', version: 6, params: { actions } }));
    await new Promise((r) => setTimeout(r, 150));
    process.kill(chain.browserPid, 'SIGKILL');
    const reply = await pending;
    expect(reply.status).toBe(503);
    expect(reply.json()).toEqual({ result: null, error: 'Anki-Connect Browser extension is not connected' });
  } finally {
    await chain.stop();
    removeProfile(chain.profileDir);
  }
}, 120_000);
