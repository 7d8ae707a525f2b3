import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { quotaNins, quotaWindows } from '../../db/tables/platform.js';

export interface QuotaRule {
  /** Distinct NINs a client may resolve per window. */
  limit: number;
  windowSeconds: number;
}

class OverQuota extends Error {}

/** The start of the fixed window that contains `now`. */
export function windowStart(now: Date, windowSeconds: number): string {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/**
 * Counts the NINs of one response against the client's quota, across every subgraph:
 * the count lives in one table of the platform, not in each subgraph's log, so a client
 * reading the same people through four subgraphs spends one quota. NINs already counted
 * in the window are free. Over the limit nothing is counted and `refused` is true.
 *
 * One statement inserts the new NINs, adds their number to the client's window row and
 * drops the client's past windows;
 * that row's lock serialises the client's requests (and only them), so the count is exact
 * under concurrency and across replicas.
 */
export async function consumeNinQuota(
  db: Db,
  clientId: string,
  nins: readonly string[],
  rule: QuotaRule,
  now = new Date(),
): Promise<{ refused: boolean; used: number }> {
  const start = windowStart(now, rule.windowSeconds);
  // NINs are 18 digits: a plain array literal is safe and binds the same on both drivers.
  const distinct = [...new Set(nins)].filter((n) => /^\d{18}$/.test(n));
  const array = `{${distinct.join(',')}}`;
  try {
    return await db.transaction(async (tx) => {
      const result = (await tx.execute(sql`
        with fresh as (
          insert into ${quotaNins} (client_id, window_start, nin)
          select ${clientId}, ${start}::timestamptz, unnest(${array}::text[])
          on conflict do nothing
          returning 1
        ),
        -- The client's past windows are no longer needed (an index range, usually empty).
        old_nins as (
          delete from ${quotaNins} where client_id = ${clientId} and window_start < ${start}::timestamptz
        ),
        old_windows as (
          delete from ${quotaWindows} where client_id = ${clientId} and window_start < ${start}::timestamptz
        )
        insert into ${quotaWindows} (client_id, window_start, used)
        values (${clientId}, ${start}::timestamptz, (select count(*) from fresh))
        on conflict (client_id, window_start)
          do update set used = ${quotaWindows.used} + excluded.used
        returning used
      `)) as unknown as { rows?: Row[] } & Row[];
      const used = Number((result.rows ?? [...result])[0]!.used);
      if (used > rule.limit) throw new OverQuota();
      return { refused: false, used };
    });
  } catch (error) {
    if (error instanceof OverQuota) return { refused: true, used: rule.limit };
    throw error;
  }
}

interface Row {
  used: number | string;
}
