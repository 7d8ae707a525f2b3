import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export interface QuotaRule {
  /** Distinct NINs a client may resolve per window. */
  limit: number;
  windowSeconds: number;
}

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
 * One call of `platform.consume_nin_quota` (migration 0016) inserts the new NINs, adds
 * their number to the client's window row, drops the client's past windows and undoes it
 * all when the limit is passed. That row's lock serialises the client's requests (and
 * only them), so the count is exact under concurrency and across replicas; being one
 * statement in its own transaction, the lock is held only while the server runs it,
 * never across a round trip to this process.
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
  const result = (await db.execute(sql`
    select platform.consume_nin_quota(${clientId}, ${start}::timestamptz, ${array}::text[], ${rule.limit}::int) as used
  `)) as unknown as { rows?: Row[] } & Row[];
  const used = Number((result.rows ?? [...result])[0]!.used);
  return used < 0 ? { refused: true, used: rule.limit } : { refused: false, used };
}

interface Row {
  used: number | string;
}
