import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NinQuota, windowStart } from '../subgraphs/kit/quota.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';

/**
 * The quota counter on its own, against the real database: a client's concurrent requests
 * go together in one call (one lock of the client's row per batch), and the count is
 * still exact, request by request, in arrival order.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

const windowStartOf = (now: Date) => windowStart(now, 3600);
const nin = (i: number) => `1${String(i).padStart(17, '0')}`;
const used = async (clientId: string) =>
  (
    await rows<{ used: number }>(
      database.db,
      sql`select coalesce(sum(used), 0)::int as used from platform.quota_windows where client_id = ${clientId}`,
    )
  )[0]!.used;
const counted = async (clientId: string) =>
  (
    await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from platform.quota_nins where client_id = ${clientId}`,
    )
  )[0]!.n;

describe('the NIN quota', () => {
  it('counts 40 concurrent requests of one client in two calls, exactly up to the limit', async () => {
    const quota = new NinQuota(database.db);
    const rule = { limit: 25, windowSeconds: 3600 };
    const before = database.stats.statements;
    // 40 requests of one NIN each, all different: the first goes alone, the other 39
    // arrive while it is in flight and go together.
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => quota.consume('batch-client', [nin(i)], rule)),
    );
    expect(database.stats.statements - before).toBe(2);
    // In arrival order: the first 25 fit, each seeing the count after itself; 15 refused.
    expect(verdicts.map((v) => v.refused)).toEqual([
      ...Array<boolean>(25).fill(false),
      ...Array<boolean>(15).fill(true),
    ]);
    expect(verdicts.slice(0, 25).map((v) => v.used)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(await used('batch-client')).toBe(25);
    expect(await counted('batch-client')).toBe(25);
  });

  it('lets a request through whose NINs were counted before, even at the limit, and refuses one that does not fit whole', async () => {
    const quota = new NinQuota(database.db);
    const rule = { limit: 3, windowSeconds: 3600 };
    const [a, b, c, d] = await Promise.all([
      quota.consume('fit-client', [nin(1), nin(2)], rule),
      // Two new NINs where one place is left: refused whole, nothing of it counted.
      quota.consume('fit-client', [nin(3), nin(4)], rule),
      // Already counted by the first request of this batch: free.
      quota.consume('fit-client', [nin(2), nin(1), nin(1)], rule),
      quota.consume('fit-client', [nin(5)], rule),
    ]);
    expect([a, b, c, d]).toEqual([
      { refused: false, used: 2 },
      { refused: true, used: 3 },
      { refused: false, used: 2 },
      { refused: false, used: 3 },
    ]);
    const again = await quota.consume('fit-client', [nin(5), nin(2)], rule);
    expect(again).toEqual({ refused: false, used: 3 });
    expect(await quota.consume('fit-client', [nin(6)], rule)).toEqual({ refused: true, used: 3 });
    expect(await counted('fit-client')).toBe(3);
  });

  it('keeps clients apart, and windows apart', async () => {
    const quota = new NinQuota(database.db);
    const rule = { limit: 1, windowSeconds: 3600 };
    const [x, y] = await Promise.all([
      quota.consume('client-x', [nin(7)], rule),
      quota.consume('client-y', [nin(8)], rule),
    ]);
    expect([x.refused, y.refused]).toEqual([false, false]);
    const later = new Date(Date.now() + 3600_000);
    expect(await quota.consume('client-x', [nin(9)], rule, later)).toEqual({
      refused: false,
      used: 1,
    });
    // The new window dropped the past one's NINs and count.
    expect(await counted('client-x')).toBe(1);
    expect(await used('client-x')).toBe(1);
  });

  it("reads only the request's NINs of the client's window, however many the window holds", async (ctx) => {
    // The planner's choice is what is tested, so on PostgreSQL (PGlite keeps no such counts).
    if (database.url === null) ctx.skip();
    const quota = new NinQuota(database.db);
    const rule = { limit: 100_000, windowSeconds: 3600 };
    const wide = Array.from({ length: 3000 }, (_, i) => nin(100_000 + i));
    expect(await quota.consume('wide-client', wide, rule)).toEqual({ refused: false, used: 3000 });
    const start = new Date();
    // Index entries this backend has read in its transaction: the difference around one
    // call is that call's, and the transaction is rolled back afterwards.
    const indexReads = sql`select pg_stat_get_xact_tuples_returned('platform.quota_nins_client_id_window_start_nin_pk'::regclass)::int as n`;
    let read = Number.NaN;
    await database.db
      .transaction(async (tx) => {
        const before = (await rows<{ n: number }>(tx as never, indexReads))[0]!.n;
        await tx.execute(sql`select platform.consume_nin_quota_batch('wide-client',
          ${windowStartOf(start)}::timestamptz, ${JSON.stringify([[nin(100_000)], [nin(1)]])}::jsonb, 100000)`);
        const after = (await rows<{ n: number }>(tx as never, indexReads))[0]!.n;
        read = after - before;
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    // Before migration 0019 each request read the whole window (3,000 entries here).
    expect(read).toBeLessThan(20);
  });

  it('lets a request through without a statement when this process saw all its NINs counted in this window, and only then', async () => {
    const quota = new NinQuota(database.db);
    const rule = { limit: 2, windowSeconds: 3600 };
    const at = database.stats.statements;
    expect(await quota.consume('seen-client', [nin(1), nin(2)], rule)).toEqual({
      refused: false,
      used: 2,
    });
    expect(database.stats.statements - at).toBe(1);
    // The same people again, one or both: counted already, free, no call.
    const again = await Promise.all([
      quota.consume('seen-client', [nin(2)], rule),
      quota.consume('seen-client', [nin(1), nin(2)], rule),
    ]);
    expect(again).toEqual([
      { refused: false, used: 2 },
      { refused: false, used: 2 },
    ]);
    expect(database.stats.statements - at).toBe(1);
    // A new NIN goes to the database, is refused there (the limit is 2), and is not remembered.
    expect(await quota.consume('seen-client', [nin(3)], rule)).toEqual({ refused: true, used: 2 });
    expect(await quota.consume('seen-client', [nin(3)], rule)).toEqual({ refused: true, used: 2 });
    expect(database.stats.statements - at).toBe(3);
    // Another client, or the next window, starts from nothing.
    expect((await quota.consume('other-client', [nin(1)], rule)).refused).toBe(false);
    const later = new Date(Date.now() + 3600_000);
    expect(await quota.consume('seen-client', [nin(1)], rule, later)).toEqual({
      refused: false,
      used: 1,
    });
    expect(database.stats.statements - at).toBe(5);
  });

  it('ignores what is not a NIN', async () => {
    const quota = new NinQuota(database.db);
    const verdict = await quota.consume('junk-client', ["1'); drop table x; --", '12'], {
      limit: 1,
      windowSeconds: 3600,
    });
    expect(verdict).toEqual({ refused: false, used: 0 });
    expect(await counted('junk-client')).toBe(0);
  });
});
