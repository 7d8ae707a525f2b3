import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';
import type { SerialsTable } from './tables/serials.js';

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

/** Raises counters to at least the given values (after seeding), never lowering them. */
export async function raiseSerials(
  db: Db,
  table: SerialsTable,
  used: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = [...used].map(([key, last]) => ({ key, last }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(table)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: table.key,
        set: { last: sql`greatest(${table.last}, excluded.last)` },
      });
  }
}
