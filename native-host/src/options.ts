/**
 * Where to listen and how much to accept: from the extension's config
 * message, with the environment's overrides, or from the command line.
 *
 * Overrides (applied to every config message):
 * - ANKICONNECT_BIND_ADDRESS replaces bindAddress (as AnkiConnect does);
 * - ACB_PORT replaces bindPort (used by `npm start --port` and tests).
 *
 * Listening before any extension is connected (for tests and diagnostics):
 * - `--listen HOST:PORT` (or `--listen=HOST:PORT`, IPv6 as `[::1]:8765`)
 *   listens at start on exactly that address;
 * - ACB_LISTEN_WITHOUT_EXTENSION=1 listens at start on the defaults with the
 *   overrides above.
 * Either way every request gets 503 until the extension's config arrives.
 * Other arguments (Chrome passes the caller's origin) are ignored.
 */
import { DEFAULT_BIND_ADDRESS, DEFAULT_BIND_PORT, DEFAULT_BODY_LIMIT_BYTES } from '../../shared/limits.ts';
import type { HostConfigMessage } from '../../shared/messages.ts';

export interface BindTarget {
  address: string;
  port: number;
}

export interface Settings extends BindTarget {
  bodyLimitBytes: number;
}

type Env = Record<string, string | undefined>;

/** The settings a config message asks for, with the environment's overrides. */
export function settingsFromConfig(config: Partial<HostConfigMessage>, env: Env = process.env): Settings {
  const address = nonEmpty(env.ANKICONNECT_BIND_ADDRESS) ?? nonEmpty(config.bindAddress) ?? DEFAULT_BIND_ADDRESS;
  const port = parsePort(env.ACB_PORT) ?? validPort(config.bindPort) ?? DEFAULT_BIND_PORT;
  const limit = config.bodyLimitBytes;
  const bodyLimitBytes = typeof limit === 'number' && limit > 0 ? limit : DEFAULT_BODY_LIMIT_BYTES;
  return { address, port, bodyLimitBytes };
}

/** Settings to listen with before any config arrives, or null to wait for one. */
export function listenAtStart(argv: readonly string[], env: Env = process.env): Settings | null {
  const i = argv.findIndex((a) => a === '--listen' || a.startsWith('--listen='));
  if (i >= 0) {
    const arg = argv[i]!;
    const value = arg === '--listen' ? argv[i + 1] : arg.slice('--listen='.length);
    const target = parseHostPort(value ?? '');
    if (!target) throw new Error(`--listen wants HOST:PORT, got ${JSON.stringify(value ?? '')}`);
    return { ...target, bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES };
  }
  if (env.ACB_LISTEN_WITHOUT_EXTENSION === '1') return settingsFromConfig({}, env);
  return null;
}

export function parseHostPort(text: string): BindTarget | null {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return null;
  let address = text.slice(0, colon);
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const port = parsePort(text.slice(colon + 1));
  return address && port !== null ? { address, port } : null;
}

function nonEmpty(s: unknown): string | null {
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : null;
}

function parsePort(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s.trim())) return null;
  return validPort(Number(s));
}

function validPort(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}
