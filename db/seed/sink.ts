import type { PgTable } from 'drizzle-orm/pg-core';
import type { BulkLoader } from '../bulk.js';
import type { Db } from '../client.js';
import { raiseCounters } from '../serials.js';

/** Where the seed's rows go: COPY into PostgreSQL (db/bulk.ts), or INSERTs (PGlite). */
export type RowSink = Pick<BulkLoader, 'write' | 'seal' | 'raise' | 'flush'>;

const CHUNK = 1000;

/** INSERTs of at most 1,000 rows, visible at once (PGlite has no COPY FROM STDIN). */
export function insertSink(db: Db): RowSink {
  return {
    async write(table, rows) {
      for (let i = 0; i < rows.length; i += CHUNK)
        await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
    },
    async seal() {},
    raise: (table, keyColumn, used) => raiseCounters(db, table, keyColumn, used),
    async flush() {
      return [];
    },
  };
}

/** The rows of several tables, in order. */
export async function writeAll(
  sink: RowSink,
  work: readonly [PgTable, readonly Record<string, unknown>[]][],
): Promise<void> {
  for (const [table, rows] of work) await sink.write(table, rows);
}
