import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** Rows of a raw statement, whichever driver answered (postgres.js: an array; PGlite: {rows}). */
async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

/**
 * Creates the monthly partitions of every consultation log from this month through
 * `monthsAhead` months ahead (migration 0014's function); returns how many it created.
 * Safe to run from several processes at once, and again: it only adds what is missing.
 */
export async function ensureConsultationPartitions(db: Db, monthsAhead = 3): Promise<number> {
  const [row] = await rowsOf<{ created: number }>(
    db,
    sql`select platform.ensure_consultation_partitions(${monthsAhead}::int) as created`,
  );
  return Number(row?.created ?? 0);
}

export interface LogPartitions {
  /** schema.table of the partitioned log. */
  table: string;
  /** Monthly partitions, oldest first, as YYYY-MM. */
  months: string[];
  /** Rows no monthly partition covers (0 when all is well). */
  defaultRows: number;
}

/** What an operator checks: each log's months and what fell into its default partition. */
export async function consultationPartitions(db: Db): Promise<LogPartitions[]> {
  const parts = await rowsOf<{ parent: string; child: string }>(
    db,
    sql`select pn.nspname || '.' || pc.relname as parent, c.relname as child
          from pg_partitioned_table p
          join pg_class pc on pc.oid = p.partrelid
          join pg_namespace pn on pn.oid = pc.relnamespace
          join pg_inherits i on i.inhparent = pc.oid
          join pg_class c on c.oid = i.inhrelid
         where pc.relname = 'consultations'
         order by 1, 2`,
  );
  const logs = new Map<string, LogPartitions>();
  for (const { parent, child } of parts) {
    const log = logs.get(parent) ?? { table: parent, months: [], defaultRows: 0 };
    const m = /_y(\d{4})m(\d{2})$/.exec(child);
    if (m) log.months.push(`${m[1]}-${m[2]}`);
    logs.set(parent, log);
  }
  for (const log of logs.values()) {
    const [row] = await rowsOf<{ n: number }>(
      db,
      sql.raw(`select count(*)::int as n from ${log.table}_default`),
    );
    log.defaultRows = Number(row?.n ?? 0);
  }
  return [...logs.values()];
}
