/**
 * Putting a fixture collection into the running extension: wait until the
 * journal has been checkpointed (so no pending idle checkpoint can overwrite
 * the seed), have the service worker (driven through the DevTools port)
 * store the fixture as the IndexedDB snapshot, then send AnkiConnect's
 * `reloadCollection` through the chain: the service reloads from storage
 * with the same loadCollection() it runs at start-up. The popup's status
 * request then confirms the counts.
 */
import type { Chain } from './chain.ts';
import { connectDevtools, extensionStatus, serviceWorker, waitForEmptyJournal, writeSnapshot } from './devtools.ts';
import type { Fixture } from './fixture.ts';
import { KeepAliveClient } from './http-client.ts';
import { msSince } from './stats.ts';
import { progress } from './table.ts';

const DRAIN_TIMEOUT_MS = 30_000;

export interface SeedResult {
  drainMs: number;
  seedMs: number;
  /** Round trip of `reloadCollection` (IndexedDB read + sql.js open of the fixture). */
  reloadMs: number;
}

async function reloadCollection(port: number): Promise<number> {
  const client = new KeepAliveClient(port);
  try {
    const start = process.hrtime.bigint();
    const reply = await client.post('{"action":"reloadCollection","version":6}', 120_000);
    const ms = msSince(start);
    const body = JSON.parse(reply.text) as { result?: unknown; error?: unknown };
    if (reply.status !== 200 || body.result !== null || body.error !== null) {
      throw new Error(`reloadCollection answered ${reply.status} ${reply.text}`);
    }
    return ms;
  } finally {
    client.close();
  }
}

export async function loadFixtureIntoChain(chain: Chain, fixture: Fixture): Promise<SeedResult> {
  const browser = await connectDevtools(chain.debugPort);
  try {
    const worker = await serviceWorker(browser);
    let start = process.hrtime.bigint();
    await waitForEmptyJournal(worker, DRAIN_TIMEOUT_MS);
    const drainMs = msSince(start);
    progress(`seeding a ${(fixture.bytes.byteLength / 1048576).toFixed(1)} MiB snapshot (${fixture.notes.toLocaleString('en-US')} notes) into IndexedDB`);
    start = process.hrtime.bigint();
    await writeSnapshot(worker, fixture.bytes);
    const seedMs = msSince(start);
    const reloadMs = await reloadCollection(chain.port);
    const status = await extensionStatus(browser);
    if (status.notes !== fixture.notes || status.cards !== fixture.cards || status.decks !== fixture.decks) {
      throw new Error(`after seeding the extension reports ${JSON.stringify(status)}; expected ${fixture.notes} notes, ${fixture.cards} cards, ${fixture.decks} decks`);
    }
    return { drainMs, seedMs, reloadMs };
  } finally {
    await browser.disconnect();
  }
}
