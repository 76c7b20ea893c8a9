/**
 * Messages far over native messaging's 1 MiB limit go through the chain in
 * chunks, both ways: a 20+ MB request body and a 20+ MB reply, byte-exact.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { http, removeProfile, startChain, type Chain } from '../helpers/chain.ts';
import { hostTransport } from '../helpers/devtools.ts';

let chain: Chain;
beforeAll(async () => {
  chain = await startChain();
});
afterAll(async () => {
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
});

/** Creates a deck with a 20+ MB multibyte name and reads it back in a 20+ MB reply. */
async function bigDeckRoundTrip(c: Chain): Promise<void> {
  // Multibyte characters, so chunk boundaries fall inside UTF-8 sequences.
  const unit = 'Große 日本語 🎴 "deck" \\ ';
  const name = unit.repeat(Math.ceil((22 * 1024 * 1024) / Buffer.byteLength(unit)));
  const body = Buffer.from(JSON.stringify({ action: 'createDeck', version: 6, params: { deck: name } }));
  expect(body.length).toBeGreaterThan(20 * 1024 * 1024);
  const created = await http(c.port, body);
  expect(created.status).toBe(200);
  const id = (created.json() as { result: number }).result;
  expect(id).toBeGreaterThan(0);
  const listed = await http(c.port, '{"action":"deckNamesAndIds","version":6}');
  expect(Buffer.byteLength(listed.text)).toBeGreaterThan(20 * 1024 * 1024);
  // Anki trims deck name components and drops `"` from them.
  expect((listed.json() as { result: Record<string, number> }).result[name.replaceAll('"', '').trim()]).toBe(id);
  expect((await http(c.port, '{"action":"version"}')).text).toBe('6');
}

it('carries a 20 MB body in and a 20 MB reply out, both chunked through native messaging (ACB_NATIVE_ONLY)', async () => {
  const chunked = await startChain({ env: { ACB_NATIVE_ONLY: '1' } });
  try {
    expect(await hostTransport(chunked.debugPort, 'native')).toBe('native');
    await bigDeckRoundTrip(chunked);
  } finally {
    await chunked.stop();
    removeProfile(chunked.profileDir);
  }
}, 240_000);

it('carries a 20 MB body in and a 20 MB reply out over the host\'s HTTP side channel, everything else on its socket', async () => {
  expect(await hostTransport(chain.debugPort, 'socket')).toBe('socket');
  await bigDeckRoundTrip(chain);
  expect(await hostTransport(chain.debugPort, 'socket')).toBe('socket');
}, 180_000);

it('answers 413 for a body over the configured limit and keeps serving', async () => {
  const { setConfig } = await import('../helpers/devtools.ts');
  await setConfig(chain.debugPort, { bodyLimitBytes: 1024 * 1024 });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const r = await http(chain.port, Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(r.status).toBe(413);
    expect((r.json() as { error: string }).error).toMatch(/too large/);
  } finally {
    await setConfig(chain.debugPort, { bodyLimitBytes: 256 * 1024 * 1024 });
  }
  expect((await http(chain.port, '{"action":"version"}')).text).toBe('6');
});
