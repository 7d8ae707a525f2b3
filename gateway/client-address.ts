import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The caller's network address, for the public lookups' rate limits. The TCP peer, unless
 * the peer is one of our own proxies (TRUSTED_PROXIES): then the nearest address in
 * X-Forwarded-For that is not a trusted proxy. A header from anyone else is ignored, so a
 * caller cannot pick the address it is counted under.
 */
export function clientAddressOf(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  trustedProxies: readonly string[] = [],
): string | null {
  const peer = req.socket.remoteAddress ? plain(req.socket.remoteAddress) : null;
  if (!peer || !trustedProxies.includes(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => plain(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  }
  return peer;
}
