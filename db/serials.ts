import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';
import type { SerialsTable } from './tables/serials.js';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The next serial of a counter, taken inside the caller's transaction: the row stays
 * locked until it commits, so two transactions never receive the same number.
 */
export async function nextSerial(tx: Tx | Db, table: SerialsTable, key: string): Promise<number> {
  const [row] = await tx
    .insert(table)
    .values({ key, last: 1 })
    .onConflictDoUpdate({ target: table.key, set: { last: sql`${table.last} + 1` } })
    .returning({ last: table.last });
  return row!.last;
}

/**
 * Raises counters to at least the given values (after seeding), never lowering them. The
 * pairs travel as one JSON parameter per 10,000: a million citizens leave some 400,000
 * counters, which INSERTs of 1,000 rows took hundreds of round trips to write.
 */
export async function raiseSerials(
  db: Db,
  table: SerialsTable,
  used: ReadonlyMap<string, number>,
): Promise<void> {
  await raiseCounters(db, table, 'key', used);
}

/** The same for any table of (text key, integer last) counters, by the key column's name. */
export async function raiseCounters(
  db: Db,
  table: PgTable,
  keyColumn: string,
  used: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = [...used];
  const key = sql.identifier(keyColumn);
  for (let i = 0; i < rows.length; i += 10_000) {
    const json = JSON.stringify(rows.slice(i, i + 10_000));
    await db.execute(sql`
      insert into ${table} as t (${key}, last)
      select r->>0, (r->>1)::integer from jsonb_array_elements(${json}::jsonb) r
      on conflict (${key}) do update set last = greatest(t.last, excluded.last)`);
  }
}
