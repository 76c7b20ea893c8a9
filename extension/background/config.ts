/**
 * The API's configuration (AnkiConnect's config keys), kept in
 * chrome.storage.local under `config`, with AnkiConnect's defaults.
 */
import { DEFAULT_BIND_ADDRESS, DEFAULT_BIND_PORT, DEFAULT_BODY_LIMIT_BYTES } from '../../shared/limits.ts';
import type { ApiSettings } from '../actions/define.ts';

export interface ExtensionConfig extends ApiSettings {
  /** Largest request body the host accepts. */
  bodyLimitBytes: number;
  webTimeout: number;
}

/** AnkiConnect's default webTimeout, in milliseconds. */
export const DEFAULT_WEB_TIMEOUT_MS = 10_000;

export const DEFAULT_CONFIG: ExtensionConfig = {
  apiKey: null,
  webCorsOriginList: ['http://localhost'],
  ignoreOriginList: [],
  webBindAddress: DEFAULT_BIND_ADDRESS,
  webBindPort: DEFAULT_BIND_PORT,
  bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
  webTimeout: DEFAULT_WEB_TIMEOUT_MS,
};

const KEY = 'config';

/** Fills missing or mistyped keys with defaults, so a bad stored value never breaks the API. */
export function normalizeConfig(raw: unknown): ExtensionConfig {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ExtensionConfig, unknown>>;
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : d);
  const port = Number(r.webBindPort);
  const limit = Number(r.bodyLimitBytes);
  const timeout = Number(r.webTimeout);
  return {
    apiKey: r.apiKey === undefined || r.apiKey === '' ? null : r.apiKey,
    webCorsOriginList: strings(r.webCorsOriginList, DEFAULT_CONFIG.webCorsOriginList),
    ignoreOriginList: strings(r.ignoreOriginList, DEFAULT_CONFIG.ignoreOriginList),
    webBindAddress: typeof r.webBindAddress === 'string' && r.webBindAddress ? r.webBindAddress : DEFAULT_BIND_ADDRESS,
    webBindPort: Number.isInteger(port) && port >= 0 && port < 65536 ? port : DEFAULT_BIND_PORT,
    bodyLimitBytes: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_BODY_LIMIT_BYTES,
    webTimeout: r.webTimeout !== null && Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_WEB_TIMEOUT_MS,
  };
}

export class ConfigStore {
  private current: ExtensionConfig = DEFAULT_CONFIG;
  private readonly listeners = new Set<(c: ExtensionConfig) => void>();

  async load(): Promise<ExtensionConfig> {
    const stored = await chrome.storage.local.get(KEY);
    this.current = normalizeConfig(stored[KEY]);
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes[KEY]) return;
      this.current = normalizeConfig(changes[KEY].newValue);
      for (const l of this.listeners) l(this.current);
    });
    return this.current;
  }

  get(): ExtensionConfig {
    return this.current;
  }

  async update(patch: Partial<ExtensionConfig>): Promise<ExtensionConfig> {
    const next = normalizeConfig({ ...this.current, ...patch });
    await chrome.storage.local.set({ [KEY]: next });
    this.current = next;
    return next;
  }

  onChange(listener: (c: ExtensionConfig) => void): void {
    this.listeners.add(listener);
  }
}
