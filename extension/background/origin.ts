/** AnkiConnect's origin rule (web.py allowOrigin), exactly. */

export interface OriginDecision {
  allowed: boolean;
  /** The Access-Control-Allow-Origin value. */
  corsOrigin: string;
}

const LOCALHOST = 'http://localhost';

export function decideOrigin(origin: string | undefined, corsOriginList: readonly string[]): OriginDecision {
  if (corsOriginList.includes('*')) return { allowed: true, corsOrigin: '*' };
  if (origin === undefined) return { allowed: true, corsOrigin: LOCALHOST };
  if (corsOriginList.includes(origin)) return { allowed: true, corsOrigin: origin };
  if (corsOriginList.includes(LOCALHOST) && localhostAlias(origin)) return { allowed: true, corsOrigin: origin };
  return { allowed: false, corsOrigin: LOCALHOST };
}

/** What `http://localhost` in the list also admits (note: not https://127.0.0.1:port). */
function localhostAlias(origin: string): boolean {
  return (
    origin === 'http://127.0.0.1' ||
    origin === 'https://127.0.0.1' ||
    origin.startsWith('http://127.0.0.1:') ||
    origin.startsWith('chrome-extension://') ||
    origin.startsWith('moz-extension://') ||
    origin.startsWith('safari-web-extension://')
  );
}
