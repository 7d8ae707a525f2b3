import { bigserial, index, integer, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * Notifications to send, written in the same transaction as the change that causes them
 * (transactional outbox); a relay delivers them (subgraphs/kit/relay.ts). One per subgraph
 * schema that notifies anyone. `reference` names what the message is about (an application,
 * a lease, a request); its column name is a parameter because the documents outbox
 * predates the kit and calls it application_number.
 */
export function outboxTable(schema: PgSchema, referenceColumn = 'reference') {
  return schema.table(
    'outbox',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      kind: text('kind').notNull(),
      reference: text(referenceColumn).notNull(),
      recipient: text('recipient').notNull(),
      message: text('message').notNull(),
      status: text('status', { enum: ['PENDING', 'SENT', 'FAILED'] })
        .notNull()
        .default('PENDING'),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull(),
      sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
      providerMessageId: text('provider_message_id'),
      lastError: text('last_error'),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    },
    (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt, t.id)],
  );
}
export type OutboxTable = ReturnType<typeof outboxTable>;
