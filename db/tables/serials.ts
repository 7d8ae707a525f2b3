import { integer, text, type PgSchema } from 'drizzle-orm/pg-core';

/** Last serial used per counter key (document numbers, plates, cards…), in a subgraph's schema. */
export function serialsTable(schema: PgSchema) {
  return schema.table('serials', {
    key: text('key').primaryKey(),
    last: integer('last').notNull(),
  });
}
export type SerialsTable = ReturnType<typeof serialsTable>;
