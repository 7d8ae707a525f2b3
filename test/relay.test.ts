import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/tables/documents.js';
import { relayOnce } from '../subgraphs/documents/relay.js';
import { HttpSmsProvider } from '../subgraphs/kit/sms.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';

/**
 * A stand-in for the operator's SMS gateway: it accepts a message once per
 * Idempotency-Key (as real gateways do) and can be told to hang, or to fail.
 */
function smsGateway() {
  const accepted = new Map<string, { to: string; text: string }>();
  const requests: string[] = [];
  let hangFrom = Infinity;
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['idempotency-key']);
      requests.push(id);
      if (requests.length >= hangFrom) return; // never answers: the relay is stuck mid-batch
      if (failNext > 0) {
        failNext -= 1;
        res.statusCode = 503;
        return res.end('{}');
      }
      if (!accepted.has(id)) accepted.set(id, JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `op-${id}` }));
    });
  });
  return {
    accepted,
    requests,
    hangAfter(n: number) {
      hangFrom = n + 1;
    },
    release() {
      hangFrom = Infinity;
    },
    failTimes(n: number) {
      failNext = n;
    },
    async listen() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let database: TestDatabase;

async function queue(n: number, prefix: string) {
  const now = new Date(Date.now() - 1000).toISOString();
  await database.db.insert(outbox).values(
    Array.from({ length: n }, (_, i) => ({
      kind: 'DOCUMENT_READY',
      applicationNumber: `APP-2026-${prefix}${String(i).padStart(6, '0')}`,
      recipient: `066${String(i).padStart(7, '0')}`,
      message: `message ${prefix}-${i}`,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe('the notification relay', () => {
  it('retries a failing gateway with back-off, then delivers', async () => {
    const gw = smsGateway();
    const provider = new HttpSmsProvider(await gw.listen());
    await queue(2, '10');
    gw.failTimes(2);
    const first = await relayOnce(database.db, provider, { baseDelayMs: 1 });
    expect(first).toEqual({ sent: 0, retried: 2, failed: 0 });
    const pending = await rows<{ attempts: number; last_error: string }>(
      database.db,
      sql`select attempts, last_error from documents.outbox where status = 'PENDING'`,
    );
    expect(pending.map((p) => p.attempts)).toEqual([1, 1]);
    expect(pending[0]!.last_error).toMatch(/503/);
    await new Promise((r) => setTimeout(r, 20));
    const second = await relayOnce(database.db, provider, { baseDelayMs: 1 });
    expect(second.sent).toBe(2);
    expect(gw.accepted.size).toBe(2);
    await gw.close();
  });

  it('killed mid-batch: every message is delivered, none twice', async (ctx) => {
    if (!database.url) ctx.skip(); // a second process needs a shared PostgreSQL, not an in-memory PGlite
    const gw = smsGateway();
    const url = await gw.listen();
    await queue(6, '20');
    const expected = (
      await rows<{ id: number }>(
        database.db,
        sql`select id from documents.outbox where status = 'PENDING' order by id`,
      )
    ).map((r) => `outbox-${r.id}`);
    expect(expected).toHaveLength(6);

    // The gateway hangs on the 4th message; the relay process is then killed outright.
    gw.hangAfter(3);
    const relay: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'subgraphs/documents/relay-main.ts'],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url!,
          SMS_PROVIDER: 'http',
          SMS_HTTP_URL: url,
          RELAY_INTERVAL_MS: '50',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 20_000;
    while (gw.requests.length < 4 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(gw.requests.length).toBe(4);
    relay.kill('SIGKILL');
    await new Promise((r) => relay.once('exit', r));
    // Nothing of the killed batch committed: the rows are still pending.
    const stillPending = await rows(
      database.db,
      sql`select id from documents.outbox where status = 'PENDING'`,
    );
    expect(stillPending).toHaveLength(6);

    gw.release();
    const report = await relayOnce(database.db, new HttpSmsProvider(url));
    expect(report.sent).toBe(6);
    expect([...gw.accepted.keys()].filter((k) => expected.includes(k)).sort()).toEqual(
      [...expected].sort(),
    );
    // The first four reached the gateway twice (three answered, one left hanging); the repeats were dropped by key.
    expect(gw.requests.filter((k) => expected.includes(k)).length).toBe(6 + 4);
    const sent = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from documents.outbox where status = 'SENT' and provider_message_id is not null`,
    );
    expect(Number(sent[0]!.n)).toBe(8);
    await gw.close();
  });
});
