import { char, integer, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the platform keeps for itself across subgraphs, beside their own schemas: the NIN
 * quota is per client across the whole graph, so every subgraph counts in one place.
 */
export const platformSchema = pgSchema('platform');

/** The distinct NINs each client resolved in each quota window (fixed windows). */
export const quotaNins = platformSchema.table(
  'quota_nins',
  {
    clientId: text('client_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'string' }).notNull(),
    nin: char('nin', { length: 18 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.windowStart, t.nin] })],
);

/** How many distinct NINs a client resolved in a window: one row, updated under its lock. */
export const quotaWindows = platformSchema.table(
  'quota_windows',
  {
    clientId: text('client_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'string' }).notNull(),
    used: integer('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.windowStart] })],
);
