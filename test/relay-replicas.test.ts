import { describe, expect, it } from 'vitest';
import { outbox } from '../db/tables/documents.js';
import { createTestDatabase, postgresReachable } from './support/database.js';
import { waitFor } from './support/load.js';
import { scrape, spawnService, type ChildService } from './support/replicas.js';
import { startSmsReceiver } from './support/sms-receiver.js';
import { countRows } from './support/sql.js';

/** Two relay processes on one database: every message reaches the SMS receiver exactly once. */
describe('two relays on one outbox', () => {
  it('never send a message twice, and both take part', async (ctx) => {
    if (!(await postgresReachable())) return ctx.skip();
    const database = await createTestDatabase();
    const sms = await startSmsReceiver({ delayMs: 3 });
    const relays: ChildService[] = [];
    try {
      const now = new Date(Date.now() - 1000).toISOString();
      const N = 120;
      const inserted = await database.db
        .insert(outbox)
        .values(
          Array.from({ length: N }, (_, i) => ({
            kind: 'DOCUMENT_READY',
            reference: `APP-2026-${String(i).padStart(8, '0')}`,
            recipient: `066${String(i).padStart(7, '0')}`,
            message: `message ${i}`,
            nextAttemptAt: now,
            createdAt: now,
          })),
        )
        .returning({ id: outbox.id });
      const env = {
        DATABASE_URL: database.url!,
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
        RELAY_INTERVAL_MS: '20',
        RELAY_BATCH_SIZE: '10',
      };
      relays.push(...(await Promise.all([1, 2].map(() => spawnService('scripts/relay.ts', env)))));
      // Their probes: up and ready (their database answers).
      for (const r of relays) expect((await fetch(`${r.base}/ready`)).status).toBe(200);
      await waitFor(
        'every message sent',
        async () =>
          (await countRows(database.db, "documents.outbox where status = 'PENDING'")) === 0,
        40_000,
        100,
      );
      const counts = sms.counts();
      expect(counts.size).toBe(N);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect([...counts.keys()].sort()).toEqual(inserted.map((r) => `outbox-${r.id}`).sort());
      const sentBy = await Promise.all(
        relays.map((r) =>
          scrape(r.metricsUrl, 'relay_messages_total{outbox="documents",result="sent"}'),
        ),
      );
      expect(sentBy.every((n) => n > 0)).toBe(true);
      expect(sentBy[0]! + sentBy[1]!).toBe(N);
      // SIGTERM: each lets its batch commit and exits cleanly.
      expect(await Promise.all(relays.map((r) => r.stop()))).toEqual([0, 0]);
    } finally {
      for (const r of relays) await r.stop();
      await sms.close();
      await database.drop();
    }
  });
});
