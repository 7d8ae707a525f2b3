import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the operator's SMS gateway that records every call it receives with its
 * message id (the relay's Idempotency-Key) and deduplicates nothing: two sends of one
 * message are two entries, so what a test counts is what the relay sent. `delayMs` holds
 * each answer, so that relays' batches overlap in time; it can also be told to fail or to
 * hang (a gateway that never answers leaves the relay stuck mid-batch).
 */
export async function startSmsReceiver(options: { delayMs?: number } = {}) {
  const received: { id: string; to: string; text: string }[] = [];
  let hangFrom = Infinity;
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['idempotency-key']);
      received.push({ id, ...(JSON.parse(body) as { to: string; text: string }) });
      if (received.length >= hangFrom) return;
      if (failNext > 0) {
        failNext -= 1;
        res.statusCode = 503;
        return res.end('{}');
      }
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
    /** Message text (unique per message in the tests) → the ids it was sent under, in order. */
    idsPerText(): Map<string, string[]> {
      const byText = new Map<string, string[]>();
      for (const r of received) byText.set(r.text, [...(byText.get(r.text) ?? []), r.id]);
      return byText;
    },
    /** Answers the first n calls, then leaves every later one hanging until release(). */
    hangAfter(n: number) {
      hangFrom = n + 1;
    },
    release() {
      hangFrom = Infinity;
    },
    /** Answers the next n calls 503. */
    failTimes(n: number) {
      failNext = n;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type SmsReceiver = Awaited<ReturnType<typeof startSmsReceiver>>;
