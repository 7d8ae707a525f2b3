import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { OutboxTable } from '../../db/tables/outbox.js';
import type { Logger } from './logger.js';
import type { SmsProvider } from './sms.js';

/** One subgraph's outbox, and how its messages are named to the SMS provider. */
export interface OutboxSource {
  table: OutboxTable;
  /** Message ids are `<prefix><row id>`: unique across every outbox the relay serves. */
  messageIdPrefix: string;
}

export interface RelayOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt. */
  baseDelayMs?: number;
  log?: Logger;
  /** Told each outbox's round and each failed round (relay-metrics.ts). */
  onBatch?: (source: OutboxSource, report: RelayReport) => void;
  onBatchFailure?: () => void;
}

export interface RelayReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers one batch of pending notifications. The rows stay locked (FOR UPDATE SKIP
 * LOCKED) until the batch commits, so two relays never take the same row; if the relay
 * dies mid-batch nothing commits and the rows are taken again, and the provider drops
 * the repeats by message id. Failures are retried with exponential back-off.
 */
export async function relayOnce(
  db: Db,
  source: OutboxSource,
  provider: SmsProvider,
  options: RelayOptions = {},
): Promise<RelayReport> {
  const outbox = source.table;
  const { batchSize = 50, maxAttempts = 8, baseDelayMs = 1000, log } = options;
  const report: RelayReport = { sent: 0, retried: 0, failed: 0 };
  await db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'PENDING'), lte(outbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    for (const row of batch) {
      const attempts = row.attempts + 1;
      try {
        const { providerMessageId } = await provider.send({
          id: `${source.messageIdPrefix}${row.id}`,
          to: row.recipient,
          text: row.message,
        });
        await tx
          .update(outbox)
          .set({
            status: 'SENT',
            attempts,
            sentAt: new Date().toISOString(),
            providerMessageId,
            lastError: null,
          })
          .where(eq(outbox.id, row.id));
        report.sent += 1;
      } catch (error) {
        const giveUp = attempts >= maxAttempts;
        const next = new Date(Date.now() + baseDelayMs * 2 ** (attempts - 1)).toISOString();
        await tx
          .update(outbox)
          .set({
            status: giveUp ? 'FAILED' : 'PENDING',
            attempts,
            nextAttemptAt: next,
            lastError: String((error as Error).message).slice(0, 500),
          })
          .where(eq(outbox.id, row.id));
        if (giveUp) report.failed += 1;
        else report.retried += 1;
        log?.warn(
          { id: row.id, attempts, giveUp, err: (error as Error).message },
          'SMS not delivered',
        );
      }
    }
  });
  if (report.sent + report.retried + report.failed > 0) log?.info(report, 'relay batch done');
  return report;
}

/** Runs the relay over every outbox every `intervalMs` until stopped. */
export function startRelay(
  db: Db,
  sources: readonly OutboxSource[],
  provider: SmsProvider,
  intervalMs: number,
  options: RelayOptions = {},
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const once = async () => {
    for (const source of sources) {
      // Not `onBatch?.(source, await relayOnce(…))`: optional chaining would skip the
      // argument, and so the batch itself, for a relay started without metrics.
      const report = await relayOnce(db, source, provider, options);
      options.onBatch?.(source, report);
    }
  };
  const tick = async () => {
    if (stopped) return;
    running = once().catch((err) => {
      options.onBatchFailure?.();
      options.log?.error({ err }, 'relay batch failed');
    });
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
