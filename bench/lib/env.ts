/**
 * What sections share during one bench run: the chain (started on first
 * use, stopped at the end), fixture collections (built once), sql.js, and
 * figures one section records for another to compare against.
 */
import type { SqlJsStatic } from 'sql.js';
import type { StatusReply } from '../../extension/background/runtime-messages.ts';
import { systemClock } from '../../extension/collection/clock.ts';
import { Collection } from '../../extension/collection/collection.ts';
import { removeProfile, startChain, tempProfile, type Chain } from './chain.ts';
import { connectDevtools, extensionStatus, serviceWorker, waitForEmptyJournal } from './devtools.ts';
import { waitForIdleCpu } from './idle.ts';
import { sqlJs } from './engine.ts';
import { buildFixture, type Fixture } from './fixture.ts';
import { loadFixtureIntoChain, type SeedResult } from './seed.ts';
import type { Summary } from './stats.ts';
import { progress } from './table.ts';

const SETTLE_TIMEOUT_MS = 60_000;

export class BenchEnv {
  private chainStarting: Promise<Chain> | null = null;
  private profileDir: string | null = null;
  private readonly fixtures = new Map<number, Fixture>();
  private readonly figures = new Map<string, Summary>();
  /** Notes of the fixture the chain holds; 0 for the extension's own new collection. */
  private chainFixture = 0;
  /** False once a section has added or changed notes in the chain's collection. */
  private chainNotesAsLoaded = true;
  /** Fixtures opened in this process for read-only engine measurements. */
  private readonly engineCollections = new Map<number, Collection>();

  sql(): Promise<SqlJsStatic> {
    return sqlJs();
  }

  /** The running chain, started (with a new, empty collection) on first use. */
  chain(): Promise<Chain> {
    if (!this.chainStarting) {
      progress('starting the chain (scripts/start.ts --headless, temporary profile)');
      this.profileDir = tempProfile();
      this.chainStarting = startChain({ profileDir: this.profileDir });
      this.chainStarting.then(
        (c) => progress(`chain up: API on 127.0.0.1:${c.port}, DevTools on ${c.debugPort}`),
        () => undefined,
      );
    }
    return this.chainStarting;
  }

  /** A fixture collection of `notes` Basic and Cloze notes (built once per run; see fixture.ts). */
  async fixture(notes: number): Promise<Fixture> {
    let f = this.fixtures.get(notes);
    if (!f) {
      progress(`building a ${notes.toLocaleString('en-US')}-note fixture collection in Node`);
      f = buildFixture(await this.sql(), systemClock, notes);
      progress(`fixture built in ${(f.buildMs / 1000).toFixed(1)} s (${(f.bytes.byteLength / 1048576).toFixed(1)} MiB)`);
      this.fixtures.set(notes, f);
    }
    return f;
  }

  /** Makes the chain's extension hold `fixture` (as a fresh copy, even if it held it before). */
  async loadIntoChain(fixture: Fixture): Promise<SeedResult> {
    const chain = await this.chain();
    const r = await loadFixtureIntoChain(chain, fixture);
    this.chainFixture = fixture.notes;
    this.chainNotesAsLoaded = true;
    progress(`extension now holds ${fixture.notes.toLocaleString('en-US')} notes (reloadCollection took ${r.reloadMs.toFixed(0)} ms)`);
    return r;
  }

  /** Notes of the fixture the chain holds (0: its own new collection, plus whatever sections wrote). */
  get chainHolds(): number {
    return this.chainFixture;
  }

  /**
   * Makes the chain hold `fixture` with its notes as built (other sections
   * may have added decks): loads it only when the chain holds another
   * collection or a section has written notes since.
   */
  async ensureChainHolds(fixture: Fixture): Promise<SeedResult | null> {
    await this.chain();
    if (this.chainFixture === fixture.notes && this.chainNotesAsLoaded) return null;
    return this.loadIntoChain(fixture);
  }

  /** Sections that add or change notes in the chain's collection call this. */
  chainNotesChanged(): void {
    this.chainNotesAsLoaded = false;
  }

  /** The popup's counts (decks, notes, cards) for the chain's collection. */
  async chainStatus(): Promise<StatusReply> {
    const browser = await connectDevtools((await this.chain()).debugPort);
    try {
      return await extensionStatus(browser);
    } finally {
      await browser.disconnect();
    }
  }

  /**
   * The `notes`-note fixture opened in this process for read-only engine
   * measurements; a section that writes opens its own copy. Only the one
   * asked for last stays open: a 100,000-note collection's search cache
   * keeps about 50 MB of strings alive in this process, which slowed every
   * later measurement taken here (its garbage collections include the
   * HTTP client's), the chain's as much as the engine's.
   */
  async engineFixture(notes: number): Promise<{ col: Collection; openMs: number }> {
    const cached = this.engineCollections.get(notes);
    if (cached) return { col: cached, openMs: 0 };
    for (const [size, other] of this.engineCollections) {
      other.close();
      this.engineCollections.delete(size);
    }
    const fixture = await this.fixture(notes);
    const start = performance.now();
    const col = Collection.open(await this.sql(), fixture.bytes, systemClock);
    this.engineCollections.set(notes, col);
    return { col, openMs: performance.now() - start };
  }

  /**
   * Waits until the extension has checkpointed every journaled write, and
   * then until the machine is quiet (the browser's own storage work after a
   * large write, such as IndexedDB compaction), so neither runs during the
   * next measurement.
   */
  async settleChain(): Promise<void> {
    if (!this.chainStarting) return;
    const browser = await connectDevtools((await this.chain()).debugPort);
    try {
      const worker = await serviceWorker(browser);
      progress('waiting for the extension to checkpoint its journal');
      await waitForEmptyJournal(worker, SETTLE_TIMEOUT_MS);
    } finally {
      await browser.disconnect();
    }
    const { waitedMs, idle } = await waitForIdleCpu();
    if (waitedMs > 1_500 || !idle) progress(idle ? `machine quiet after ${(waitedMs / 1000).toFixed(1)} s` : `machine still busy after ${(waitedMs / 1000).toFixed(1)} s; measuring anyway`);
  }

  record(key: string, summary: Summary): void {
    this.figures.set(key, summary);
  }

  recorded(key: string): Summary | undefined {
    return this.figures.get(key);
  }

  /** The chain's recent stderr (empty when it was not started), for failure reports. */
  async chainLog(): Promise<string> {
    const chain = await this.chainStarting?.catch(() => null);
    return chain ? chain.logTail() : '';
  }

  /** Stops the chain and removes its profile. */
  async close(): Promise<void> {
    for (const col of this.engineCollections.values()) col.close();
    this.engineCollections.clear();
    const starting = this.chainStarting;
    this.chainStarting = null;
    const chain = await starting?.catch(() => null);
    if (chain) {
      progress('stopping the chain');
      await chain.stop();
    }
    if (this.profileDir) removeProfile(this.profileDir);
    this.profileDir = null;
  }
}
