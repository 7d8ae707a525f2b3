import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Rows of a raw query, whichever driver answered (postgres.js gives an array, PGlite {rows}). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n ?? 0);
}
