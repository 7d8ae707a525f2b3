import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the operator's SMS gateway that counts what it receives by message id
 * (the relay's Idempotency-Key) and deduplicates nothing: two sends of one message are
 * two entries. `delayMs` holds each answer, so that relays' batches overlap in time.
 */
export async function startSmsReceiver(options: { delayMs?: number } = {}) {
  const received: { id: string; to: string; text: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['idempotency-key']);
      received.push({ id, ...(JSON.parse(body) as { to: string; text: string }) });
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `op-${id}` }));
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    received,
    /** Message id → how many times it arrived. */
    counts(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const r of received) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
