import {
  bigint,
  bigserial,
  index,
  integer,
  text,
  timestamp,
  type PgSchema,
} from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every replica of a subgraph (one row per key, e.g.
 * `trackApplication:addr:203.0.113.7`), kept in PostgreSQL so that no Redis is needed.
 * A row holds the current fixed window and the count of the one before, which gives a
 * sliding-window estimate (see subgraphs/kit/rate-limit.ts).
 */
export function rateLimitTable(schema: PgSchema) {
  return schema.table(
    'rate_limits',
    {
      key: text('key').primaryKey(),
      /** Start of the current window, in seconds since the epoch. */
      windowStart: bigint('window_start', { mode: 'number' }).notNull(),
      count: integer('count').notNull(),
      previousCount: integer('previous_count').notNull().default(0),
    },
    (t) => [index('rate_limits_window_idx').on(t.windowStart)],
  );
}
export type RateLimitTable = ReturnType<typeof rateLimitTable>;

/**
 * Every public lookup (kiosk, document check, stolen-vehicle check): what was looked up,
 * from which address, by whom, and how it ended. Append-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE; see migration 0007) so operators can see a walk through numbers.
 * Nothing the caller typed as a secret (birth date, tracking code) is stored.
 */
export function publicLookupsTable(schema: PgSchema) {
  return schema.table(
    'public_lookups',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      requestId: text('request_id').notNull(),
      /** The query: trackApplication, verifyDocument, stolenCheck. */
      lookup: text('lookup').notNull(),
      /** The application number, document number or plate looked up. */
      subject: text('subject').notNull(),
      /** The caller's address as the gateway saw it ('unknown' when it did not say). */
      clientAddress: text('client_address').notNull(),
      /** anonymous, or the signed-in caller (principalLabel). */
      caller: text('caller').notNull(),
      /** FOUND, NOT_FOUND or RATE_LIMITED. */
      outcome: text('outcome').notNull(),
      /** Why NOT_FOUND or RATE_LIMITED, e.g. WRONG_TRACKING_CODE, PER_ADDRESS. */
      detail: text('detail'),
    },
    (t) => [
      index('public_lookups_address_idx').on(t.clientAddress, t.at),
      index('public_lookups_subject_idx').on(t.subject, t.at),
    ],
  );
}
export type PublicLookupsTable = ReturnType<typeof publicLookupsTable>;
