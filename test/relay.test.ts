import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../db/tables/documents.js';
import { relayOnce } from '../subgraphs/kit/relay.js';
import { documentsSubgraph } from '../subgraphs/documents/index.js';
import { HttpSmsProvider } from '../subgraphs/kit/sms.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';
import { startSmsReceiver, type SmsReceiver } from './support/sms-receiver.js';

const DOCUMENTS_OUTBOX = documentsSubgraph.outbox!;

/** Queues n notifications in the given database; returns their message ids (outbox-<id>). */
async function queue(database: TestDatabase, n: number, prefix: string): Promise<string[]> {
  const now = new Date(Date.now() - 1000).toISOString();
  const inserted = await database.db
    .insert(outbox)
    .values(
      Array.from({ length: n }, (_, i) => ({
        kind: 'DOCUMENT_READY',
        reference: `APP-2026-${prefix}${String(i).padStart(6, '0')}`,
        recipient: `066${String(i).padStart(7, '0')}`,
        message: `message ${prefix}-${i}`,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .returning({ id: outbox.id });
  return inserted.map((r) => `outbox-${r.id}`);
}

/** Each test has its own database and its own stand-in gateway: none leans on another. */
async function withSetup(run: (database: TestDatabase, gw: SmsReceiver) => Promise<void>) {
  const database = await createTestDatabase();
  const gw = await startSmsReceiver();
  try {
    await run(database, gw);
  } finally {
    await gw.close();
    await database.drop();
  }
}

describe('the notification relay', () => {
  it('retries a failing gateway with back-off, then delivers, under the same key', () =>
    withSetup(async (database, gw) => {
      const provider = new HttpSmsProvider(gw.url);
      const ids = await queue(database, 2, '10');
      gw.failTimes(2);
      const first = await relayOnce(database.db, DOCUMENTS_OUTBOX, provider, { baseDelayMs: 1 });
      expect(first).toEqual({ sent: 0, retried: 2, failed: 0 });
      const pending = await rows<{ attempts: number; last_error: string }>(
        database.db,
        sql`select attempts, last_error from documents.outbox where status = 'PENDING'`,
      );
      expect(pending.map((p) => p.attempts)).toEqual([1, 1]);
      expect(pending[0]!.last_error).toMatch(/503/);
      await new Promise((r) => setTimeout(r, 20));
      const second = await relayOnce(database.db, DOCUMENTS_OUTBOX, provider, { baseDelayMs: 1 });
      expect(second).toEqual({ sent: 2, retried: 0, failed: 0 });
      // Each message was sent exactly twice (refused, then accepted), both times with its own key.
      expect(Object.fromEntries(gw.idsPerText())).toEqual({
        'message 10-0': [ids[0], ids[0]],
        'message 10-1': [ids[1], ids[1]],
      });
    }));

  it('a batch that commits sends each message exactly once', () =>
    withSetup(async (database, gw) => {
      const provider = new HttpSmsProvider(gw.url);
      const ids = await queue(database, 5, '30');
      expect(await relayOnce(database.db, DOCUMENTS_OUTBOX, provider)).toEqual({
        sent: 5,
        retried: 0,
        failed: 0,
      });
      expect(await relayOnce(database.db, DOCUMENTS_OUTBOX, provider)).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
      expect(gw.received.map((c) => c.id)).toEqual(ids);
    }));

  /**
   * The relay sends inside the batch's transaction and marks rows SENT when it commits, so
   * a relay killed mid-batch commits nothing and the next run sends that batch again: it
   * is at-least-once towards the gateway. What keeps the citizen from getting two SMS is
   * that a resend carries the same Idempotency-Key, which the operator's gateway dedupes.
   * This test counts exactly that: who was sent how often, and under which key.
   */
  it('killed mid-batch: every message reaches the gateway, resends carry the same key', (ctx) =>
    withSetup(async (database, gw) => {
      if (!database.url) ctx.skip(); // a second process needs a shared PostgreSQL, not PGlite
      const url = gw.url;
      const ids = await queue(database, 6, '20');

      // The gateway hangs on the 4th message; the relay process is then killed outright.
      gw.hangAfter(3);
      const relay: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/relay.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: database.url!,
          SMS_PROVIDER: 'http',
          SMS_HTTP_URL: url,
          RELAY_INTERVAL_MS: '50',
          LOG_LEVEL: 'silent',
          METRICS_PORT: '0', // its metrics listener on a free port, not the default 9410
          PORT: '0', // its probes' listener on a free port, not the default 4010
        },
        stdio: 'ignore',
      });
      const deadline = Date.now() + 20_000;
      while (gw.received.length < 4 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(gw.received.length).toBe(4);
      relay.kill('SIGKILL');
      await new Promise((r) => relay.once('exit', r));
      // Nothing of the killed batch committed: the rows are still pending.
      const stillPending = await rows(
        database.db,
        sql`select id from documents.outbox where status = 'PENDING'`,
      );
      expect(stillPending).toHaveLength(6);

      gw.release();
      const report = await relayOnce(database.db, DOCUMENTS_OUTBOX, new HttpSmsProvider(url));
      expect(report).toEqual({ sent: 6, retried: 0, failed: 0 });
      // Per message: how many times the gateway received it, and under which keys.
      const perMessage = gw.idsPerText();
      const sends = ids.map((_, i) => perMessage.get(`message 20-${i}`) ?? []);
      // Every message reached the gateway; each resend under its one, unchanged key.
      sends.forEach((keys, i) => expect(new Set(keys)).toEqual(new Set([ids[i]])));
      // The four the killed run had sent (three answered, one left hanging) went twice; the
      // other two, once: four resends in all, the size of what was in flight.
      expect(sends.map((keys) => keys.length)).toEqual([2, 2, 2, 2, 1, 1]);
      const sent = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from documents.outbox where status = 'SENT' and provider_message_id is not null`,
      );
      expect(Number(sent[0]!.n)).toBe(6);
    }));
});
