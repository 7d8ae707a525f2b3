import { bigserial, char, index, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The consultation log of a subgraph that serves NIN-linked data: one row per request and
 * NIN read, hash-chained (each row's hash covers the previous one) and append-only (a
 * trigger refuses UPDATE, DELETE and TRUNCATE; see the migration).
 */
export function consultationsTable(schema: PgSchema) {
  return schema.table(
    'consultations',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
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
      index('consultations_nin_idx').on(t.nin, t.at),
      index('consultations_client_idx').on(t.clientId, t.at),
      index('consultations_ministry_idx').on(t.ministry, t.at),
    ],
  );
}
export type ConsultationsTable = ReturnType<typeof consultationsTable>;
