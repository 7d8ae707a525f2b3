import { jsonb, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/** Each subgraph keeps, in its own schema, the first result of each creating mutation. */
export function idempotencyTable(schema: PgSchema) {
  return schema.table(
    'idempotency_keys',
    {
      clientId: text('client_id').notNull(),
      key: text('key').notNull(),
      operation: text('operation').notNull(),
      requestHash: text('request_hash').notNull(),
      response: jsonb('response').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.clientId, t.key] })],
  );
}
export type IdempotencyTable = ReturnType<typeof idempotencyTable>;
