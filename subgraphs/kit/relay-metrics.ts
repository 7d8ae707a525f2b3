import { inArray, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { Counter, Gauge, Registry } from './metrics.js';
import type { OutboxSource, RelayReport } from './relay.js';

/** An outbox's label: the schema that holds it (documents, patrimony, hygiene…), a bounded set. */
export const outboxName = (source: OutboxSource): string =>
  getTableConfig(source.table).schema ?? 'public';

interface Backlog {
  pending: number;
  failed: number;
  oldestPendingSeconds: number;
}

/**
 * The relay's metrics: what waits in each outbox (read from the database at scrape time,
 * so every relay replica reports the same truth), and what this relay delivered.
 */
export class RelayMetrics {
  readonly registry = new Registry();
  private readonly delivered = new Counter({
    name: 'relay_messages_total',
    help: 'Notifications this relay handled, by outbox and result (sent, retried, failed: given up).',
    labelNames: ['outbox', 'result'],
    registers: [this.registry],
  });
  private readonly batchFailures = new Counter({
    name: 'relay_batch_failures_total',
    help: 'Relay rounds that failed as a whole (database unreachable…); their messages stay pending.',
    registers: [this.registry],
  });
  /** One scrape reads each outbox once, whichever gauge asks first (they ask together). */
  private reading: Promise<Map<string, Backlog>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly sources: readonly OutboxSource[],
  ) {
    const read = () => this.backlog();
    const gauge = (name: string, help: string, pick: (b: Backlog) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['outbox'],
        registers: [this.registry],
        collect: async function (this: Gauge<'outbox'>) {
          for (const [outbox, b] of await read()) this.set({ outbox }, pick(b));
        },
      });
    gauge(
      'outbox_pending_messages',
      'Notifications waiting in an outbox to be sent (status PENDING), by outbox.',
      (b) => b.pending,
    );
    gauge(
      'outbox_oldest_pending_age_seconds',
      'Age of the oldest pending notification of an outbox (0 when none), by outbox.',
      (b) => b.oldestPendingSeconds,
    );
    gauge(
      'outbox_failed_messages',
      'Notifications the relay gave up on (status FAILED), by outbox: someone must look.',
      (b) => b.failed,
    );
  }

  private backlog(): Promise<Map<string, Backlog>> {
    this.reading ??= this.readBacklog().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readBacklog(): Promise<Map<string, Backlog>> {
    const result = new Map<string, Backlog>();
    for (const source of this.sources) {
      const t = source.table;
      // PENDING and FAILED rows only, through the status index: SENT rows grow for ever.
      const [row] = await this.db
        .select({
          pending: sql<number>`count(*) filter (where ${t.status} = 'PENDING')::int`,
          failed: sql<number>`count(*) filter (where ${t.status} = 'FAILED')::int`,
          oldest: sql<number>`coalesce(extract(epoch from now() - min(${t.createdAt}) filter (where ${t.status} = 'PENDING')), 0)::float8`,
        })
        .from(t)
        .where(inArray(t.status, ['PENDING', 'FAILED']));
      result.set(outboxName(source), {
        pending: Number(row?.pending ?? 0),
        failed: Number(row?.failed ?? 0),
        oldestPendingSeconds: Number(row?.oldest ?? 0),
      });
    }
    return result;
  }

  /** startRelay's hook: one outbox's round done. */
  readonly onBatch = (source: OutboxSource, report: RelayReport): void => {
    const outbox = outboxName(source);
    if (report.sent) this.delivered.inc({ outbox, result: 'sent' }, report.sent);
    if (report.retried) this.delivered.inc({ outbox, result: 'retried' }, report.retried);
    if (report.failed) this.delivered.inc({ outbox, result: 'failed' }, report.failed);
  };

  readonly onBatchFailure = (): void => this.batchFailures.inc();
}
