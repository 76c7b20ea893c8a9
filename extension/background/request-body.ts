/**
 * Large request bodies wait in the host (encoding 'http'); this fetches one,
 * once, as raw bytes from the host's own port, so it crosses neither the
 * native port nor a JSON or base64 pass.
 */
import { FILE_TOKEN_HEADER, type HostStatusMessage, type HttpRequestMessage } from '../../shared/messages.ts';

/** Where to reach a server listening on `address` from this machine. */
function reachable(address: string | null): string {
  if (!address || address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}

export async function fetchRequestBody(msg: HttpRequestMessage, status: HostStatusMessage | null): Promise<Uint8Array> {
  if (!msg.bodyPath || !msg.bodyToken) throw new Error('the host kept the request body but did not say where');
  if (!status?.listening || !status.port) throw new Error('the host is not listening, so the request body cannot be read');
  const res = await fetch(`http://${reachable(status.address)}:${status.port}${msg.bodyPath}`, {
    headers: { [FILE_TOKEN_HEADER]: msg.bodyToken },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`the request body could not be read from the host (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}
