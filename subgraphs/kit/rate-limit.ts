import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RateLimitTable } from '../../db/tables/public-lookups.js';

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  /** At most MAX_WINDOW_SECONDS. */
  windowSeconds: number;
}

/** The longest window a rule may have: the sweep deletes what is twice as old. */
export const MAX_WINDOW_SECONDS = 86_400;

export interface RateDecision {
  allowed: boolean;
  /** The sliding-window estimate after this attempt. */
  used: number;
  /** When refused: seconds until the estimate falls back under the limit. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against `key` and says whether it is within the rule: one atomic
 * `insert … on conflict do update … returning` on a row per key, so every replica shares
 * the count through PostgreSQL with no Redis and no lost update. The estimate is the
 * sliding-window approximation (the previous window's count, weighted by how much of it
 * still overlaps, plus the current one), which has no burst at a window boundary.
 *
 * Why not rate-limiter-flexible's RateLimiterPostgres: it drives its own `pg`, knex,
 * Sequelize or TypeORM client and creates its table at run time, while this platform
 * speaks to PostgreSQL through postgres.js or PGlite behind drizzle and keeps its tables
 * in migrations.
 */
export async function consumeRate(
  db: Db,
  table: RateLimitTable,
  key: string,
  rule: RateRule,
  nowMs = Date.now(),
): Promise<RateDecision> {
  const w = rule.windowSeconds;
  if (!(w > 0 && w <= MAX_WINDOW_SECONDS)) throw new Error(`window of ${w} s out of range`);
  const now = nowMs / 1000;
  const windowStart = Math.floor(now / w) * w;
  const [row] = await db
    .insert(table)
    .values({ key, windowStart, count: 1, previousCount: 0 })
    .onConflictDoUpdate({
      target: table.key,
      set: {
        previousCount: sql`case
          when ${table.windowStart} = excluded.window_start then ${table.previousCount}
          when ${table.windowStart} = excluded.window_start - ${w} then ${table.count}
          else 0 end`,
        count: sql`case when ${table.windowStart} = excluded.window_start then ${table.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: table.count, previousCount: table.previousCount });
  const elapsed = (now - windowStart) / w;
  const used = row!.previousCount * (1 - elapsed) + row!.count;
  // Rows of keys seen once (a walk through numbers leaves one per number) are swept now
  // and then; any row two maximal windows old counts for nothing.
  if (Math.random() < 0.01) await sweepRates(db, table, Math.floor(now) - 2 * MAX_WINDOW_SECONDS);
  if (used <= rule.limit) return { allowed: true, used, retryAfterSeconds: 0 };
  // The estimate sheds the previous window's share as time passes and all of it at the
  // next window; when the current window alone is over the limit, only the next one helps.
  const untilNextWindow = windowStart + w - now;
  const shedPerSecond = row!.previousCount / w;
  const wait =
    row!.count <= rule.limit && shedPerSecond > 0
      ? Math.min((used - rule.limit) / shedPerSecond, untilNextWindow)
      : untilNextWindow;
  return { allowed: false, used, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
}

/** Deletes counters whose windows ended before `before` (epoch seconds): they count for nothing. */
export async function sweepRates(db: Db, table: RateLimitTable, before: number): Promise<number> {
  const deleted = await db
    .delete(table)
    .where(lt(table.windowStart, before))
    .returning({ key: table.key });
  return deleted.length;
}
