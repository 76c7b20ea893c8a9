/**
 * The bench's HTTP client: keep-alive connections to 127.0.0.1, one
 * connection per simulated client, used identically for the chain and for
 * the bare-Node baseline.
 */
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { msSince } from './stats.ts';

export interface Reply {
  status: number;
  text: string;
}

/** Throws (aborting the bench) when a reply is not the expected answer. */
export type ReplyCheck = (reply: Reply) => void;

/** One client: a single keep-alive connection, one request at a time. */
export class KeepAliveClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  post(body: string, timeoutMs = 30_000): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, method: 'POST', path: '/', agent: this.agent, timeout: timeoutMs, headers: { 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('socket', (s: Socket) => this.sockets.add(s));
      req.on('timeout', () => req.destroy(new Error(`no reply within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** TCP connections this client has opened (1 when keep-alive held). */
  get connections(): number {
    return this.sockets.size;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Sends one request and checks the reply; returns its round trip in ms. */
export async function timedPost(client: KeepAliveClient, body: string, check: ReplyCheck): Promise<number> {
  const start = process.hrtime.bigint();
  const reply = await client.post(body);
  const ms = msSince(start);
  check(reply);
  return ms;
}

export interface LatencyRun {
  samples: number[];
  connections: number;
}

/** `count` sequential round trips on one connection, after `warmup` unmeasured ones. */
export async function sequentialLatency(port: number, body: string, check: ReplyCheck, count: number, warmup: number): Promise<LatencyRun> {
  const client = new KeepAliveClient(port);
  try {
    for (let i = 0; i < warmup; i++) await timedPost(client, body, check);
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await timedPost(client, body, check));
    return { samples, connections: client.connections };
  } finally {
    client.close();
  }
}

export interface ThroughputRun {
  clients: number;
  requests: number;
  ms: number;
  perSecond: number;
  connections: number;
  /** True when the time cap ended the run before `total` requests. */
  capped: boolean;
}

/**
 * `clients` concurrent keep-alive clients share `total` requests (each sends
 * its next one when the previous reply arrives); stops early after `maxMs`.
 */
export async function throughput(port: number, body: string, check: ReplyCheck, clients: number, total: number, maxMs: number): Promise<ThroughputRun> {
  const pool = Array.from({ length: clients }, () => new KeepAliveClient(port));
  let issued = 0;
  let done = 0;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + maxMs;
  const loop = async (client: KeepAliveClient) => {
    while (issued < total && Date.now() < deadline) {
      issued++;
      check(await client.post(body));
      done++;
    }
  };
  try {
    await Promise.all(pool.map(loop));
    const ms = msSince(start);
    const connections = pool.reduce((s, c) => s + c.connections, 0);
    return { clients, requests: done, ms, perSecond: (done / ms) * 1000, connections, capped: done < total };
  } finally {
    for (const c of pool) c.close();
  }
}
