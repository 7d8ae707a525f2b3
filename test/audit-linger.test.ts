import { ApolloServer } from '@apollo/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../db/tables/citizens.js';
import type { Principal } from '../schema/principal.js';
import { auditPlugin } from '../subgraphs/kit/audit-plugin.js';
import { ConsultationRecorder, ConsultationWriter, verifyChain } from '../subgraphs/kit/audit.js';
import type { Context } from '../subgraphs/kit/context.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { NinQuota } from '../subgraphs/kit/quota.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';

// A batch of the audit waits for the requests under way (ConsultationWriter.expect), so
// that under load they share one append; a lone request must never wait, and every
// request must release its place however it ends, or every later batch would wait.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

const principal: Principal = {
  kind: 'ministry',
  sub: 'client:health-portal',
  clientId: 'health-portal',
  ministry: 'HEALTH',
};
const PURPOSE = 'SOCIAL_SECURITY_ENTITLEMENT';
const nin = (n: number) => `1990000000000${String(n).padStart(5, '0')}`;
const read = (n: number) => [{ nin: nin(n), groups: ['IDENTITY'], purpose: PURPOSE }];

/** The transactions that wrote the rows of these requests (rows of one append share xmin). */
async function transactionsOf(prefix: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    database.db,
    sql`select count(distinct xmin::text)::int as n from citizens.consultations
        where request_id like ${`${prefix}-%`}`,
  );
  return row!.n;
}

describe('the audit writer waits for the requests under way, and only for them', () => {
  it('a lone request commits at once, however long the writer may wait', async () => {
    const writer = new ConsultationWriter(database.db, consultations, { lingerMs: 60_000 });
    const arrived = writer.expect();
    const started = Date.now();
    await writer.write({ principal, requestId: 'lone-1' }, read(1), 'ALLOWED', arrived);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(writer.awaited).toBe(0);
    expect(await transactionsOf('lone')).toBe(1);
  });

  it('requests announced together are written by one append, in the order they arrived', async () => {
    const writer = new ConsultationWriter(database.db, consultations, { lingerMs: 60_000 });
    const arrivals = [0, 1, 2, 3, 4].map(() => writer.expect());
    const written: Promise<void>[] = [];
    for (const [i, arrived] of arrivals.entries()) {
      // Each request's own work takes a round trip to the database before it writes.
      await database.db.execute(sql`select 1`);
      written.push(
        writer.write({ principal, requestId: `five-${i}` }, read(10 + i), 'ALLOWED', arrived),
      );
    }
    await Promise.all(written);
    expect(await transactionsOf('five')).toBe(1);
    const order = await rows<{ request_id: string }>(
      database.db,
      sql`select request_id from citizens.consultations where request_id like 'five-%' order by id`,
    );
    expect(order.map((r) => r.request_id)).toEqual([0, 1, 2, 3, 4].map((i) => `five-${i}`));
    expect(await verifyChain(database.db, consultations)).toMatchObject({ ok: true });
  });

  it('a request that ends without rows releases the wait', async () => {
    const writer = new ConsultationWriter(database.db, consultations, { lingerMs: 60_000 });
    const first = writer.expect();
    const second = writer.expect();
    const written = writer.write({ principal, requestId: 'none-1' }, read(20), 'ALLOWED', first);
    await database.db.execute(sql`select 1`);
    second(); // answered with nothing to audit
    second(); // a second call changes nothing
    await written;
    expect(writer.awaited).toBe(0);
    expect(await transactionsOf('none')).toBe(1);
  });

  it('a request that never arrives holds a batch for the linger at most', async () => {
    const writer = new ConsultationWriter(database.db, consultations, { lingerMs: 150 });
    const first = writer.expect();
    writer.expect(); // never arrives
    const started = Date.now();
    await writer.write({ principal, requestId: 'late-1' }, read(30), 'ALLOWED', first);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(5_000);
    expect(writer.awaited).toBe(1);
    // Later batches wait for it too, still no longer than the linger each.
    const next = writer.expect();
    await writer.write({ principal, requestId: 'late-2' }, read(31), 'ALLOWED', next);
    expect(await transactionsOf('late')).toBe(2);
  });
});

describe('the audit plugin announces every request and releases it however it ends', () => {
  let server: ApolloServer<Context>;
  let audit: ConsultationWriter;
  beforeAll(async () => {
    audit = new ConsultationWriter(database.db, consultations, { lingerMs: 60_000 });
    server = new ApolloServer<Context>({
      typeDefs: `type Query { person(nin: String!): String, nothing: String, broken: String }`,
      resolvers: {
        Query: {
          person: (_: unknown, args: { nin: string }, ctx: Context) => {
            ctx.consultations.record(args.nin, 'IDENTITY', PURPOSE);
            return args.nin;
          },
          nothing: () => 'no NIN here',
          broken: () => {
            throw new Error('resolver failed');
          },
        },
      },
      plugins: [
        auditPlugin(
          database.db,
          consultations,
          createLogger('test', 'silent'),
          undefined,
          undefined,
          audit,
        ),
      ],
    });
    await server.start();
  });
  afterAll(() => server?.stop());

  const context = (requestId: string) =>
    ({
      principal,
      purpose: PURPOSE,
      requestId,
      consultations: new ConsultationRecorder(),
      log: createLogger('test', 'silent'),
    }) as unknown as Context;

  it.each([
    ['a read that records a NIN', `{ person(nin: "${nin(40)}") }`],
    ['a read without NINs', `{ nothing }`],
    ['a syntax error', `{ person(`],
    ['a validation error', `{ unknownField }`],
    ['a resolver that throws', `{ broken }`],
  ])('%s', async (_name, query) => {
    const res = await server.executeOperation(
      { query },
      { contextValue: context(`plugin-${_name}`) },
    );
    expect(res.body.kind).toBe('single');
    expect(audit.awaited).toBe(0);
  });

  it('concurrent reads through the plugin share appends, one row each', async () => {
    const answers = await Promise.all(
      [50, 51, 52, 53, 54, 55].map((n) =>
        server.executeOperation(
          { query: `query($nin: String!) { person(nin: $nin) }`, variables: { nin: nin(n) } },
          { contextValue: context(`many-${n}`) },
        ),
      ),
    );
    for (const a of answers) {
      expect(a.body.kind === 'single' && a.body.singleResult.errors).toBeFalsy();
    }
    expect(audit.awaited).toBe(0);
    const written = await rows<{ n: number; tx: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct xmin::text)::int as tx
          from citizens.consultations where request_id like 'many-%'`,
    );
    expect(written[0]!.n).toBe(6);
    expect(written[0]!.tx).toBeLessThan(6);
  });
});

describe('the audit’s statements are prepared once per connection', () => {
  it('a second append or quota call runs the statement the first prepared (no describe round trip)', async (t) => {
    // PGlite runs in-process: there is no round trip to save.
    if (database.kind !== 'postgres') return t.skip();
    const single = await createTestDatabase({ poolSize: 1 });
    try {
      const writer = new ConsultationWriter(single.db, consultations);
      await writer.write({ principal, requestId: 'prepared-1' }, read(60));
      await writer.write({ principal, requestId: 'prepared-2' }, read(61));
      const statements = await rows<{ statement: string }>(
        single.db,
        sql`select statement from pg_prepared_statements where statement like '%append_consultations%'`,
      );
      expect(statements).toHaveLength(1);
      // The quota's call too: two new NINs, two calls, one statement.
      const quota = new NinQuota(single.db);
      const rule = { limit: 10, windowSeconds: 3600 };
      expect(await quota.consume('prepared-client', [nin(62)], rule)).toEqual({
        refused: false,
        used: 1,
      });
      expect(await quota.consume('prepared-client', [nin(63)], rule)).toEqual({
        refused: false,
        used: 2,
      });
      const quotaStatements = await rows<{ statement: string }>(
        single.db,
        sql`select statement from pg_prepared_statements where statement like '%consume_nin_quota_batch%'`,
      );
      expect(quotaStatements).toHaveLength(1);
    } finally {
      await single.drop();
    }
  });
});
