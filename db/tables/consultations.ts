import {
  bigserial,
  char,
  index,
  primaryKey,
  text,
  timestamp,
  type PgSchema,
} from 'drizzle-orm/pg-core';

/**
 * The consultation log of a subgraph that serves NIN-linked data: one row per request and
 * NIN read, hash-chained (each row's hash covers the previous one) and append-only (a
 * trigger refuses UPDATE, DELETE and TRUNCATE; see the migration).
 *
 * Partitioned by month on `at` (migration 0014, which drizzle-kit cannot express): one
 * partition per calendar month in UTC, created ahead by
 * `platform.ensure_consultation_partitions()` (`npm run db:partitions`), and a default
 * partition as a safety net. A new subgraph's log must be created partitioned the same way
 * (test/partitions.test.ts checks every log is), and given its appender by
 * `select platform.create_consultations_appender('<schema>.consultations')` (migration 0020),
 * which the audit writer calls (subgraphs/kit/audit.ts).
 */
export function consultationsTable(schema: PgSchema) {
  return schema.table(
    'consultations',
    {
      id: bigserial('id', { mode: 'number' }).notNull(),
      at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
      requestId: text('request_id').notNull(),
      principalKind: text('principal_kind').notNull(),
      clientId: text('client_id').notNull(),
      subject: text('subject').notNull(),
      ministry: text('ministry'),
      communeCode: char('commune_code', { length: 4 }),
      nin: char('nin', { length: 18 }).notNull(),
      groups: text('groups').array().notNull(),
      purpose: text('purpose').notNull(),
      /** ALLOWED, or REFUSED_QUOTA when the read was refused for exceeding the quota. */
      outcome: text('outcome').notNull(),
      prevHash: char('prev_hash', { length: 64 }).notNull(),
      hash: char('hash', { length: 64 }).notNull(),
    },
    (t) => [
      // A partitioned table's key must hold its partition key; the sequence alone keeps
      // `id` unique, and the chain follows `id`.
      primaryKey({ columns: [t.id, t.at] }),
      index('consultations_nin_idx').on(t.nin, t.at),
      index('consultations_client_idx').on(t.clientId, t.at),
      index('consultations_ministry_idx').on(t.ministry, t.at),
    ],
  );
}
export type ConsultationsTable = ReturnType<typeof consultationsTable>;
