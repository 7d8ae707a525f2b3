import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/client.js';
import { consultations } from '../db/tables/citizens.js';
import type { RunningGateway } from '../gateway/server.js';
import { citizensSubgraph } from '../subgraphs/citizens/index.js';
import { documentsSubgraph } from '../subgraphs/documents/index.js';
import { verifyChain } from '../subgraphs/kit/audit.js';
import { postgresReachable, TEST_ADMIN_URL } from './support/database.js';
import { startExtraGateway } from './support/extra-gateway.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { startReplica, type Replica } from './support/replicas.js';
import { countRows, rows } from './support/sql.js';
import { randomBytes } from 'node:crypto';

/** Runs `scripts/migrate.ts` as its own process, as a replica or a migration Job does. */
function migrateProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('replicas on one PostgreSQL', () => {
  it('three migrators started at the same moment apply each migration once, and all succeed', async (ctx) => {
    if (!(await postgresReachable())) {
      ctx.skip(); // several processes need one shared PostgreSQL, not PGlite
      return;
    }
    const name = `ecg_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(TEST_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migrateProcess(url.toString())));
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
      for (const r of runs) expect(r.output).toMatch(/migrations applied \(postgres\)/);
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const journal = await db`select hash from drizzle.__drizzle_migrations order by id`;
        const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
        expect(journal.map((r) => r.hash)).toEqual(expected.map((m) => m.hash));
      } finally {
        await db.end({ timeout: 2 });
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    }
  });
});

/**
 * Two gateways and two replicas of citizens and of documents, on one PostgreSQL database:
 * gateway 1 in front of the graph's own subgraphs, gateway 2 in front of a second replica
 * of each (its own pool, audit writer and quota counting). Requests alternate between the
 * two, so every guarantee below holds across processes that share nothing but the database.
 */
describe('two gateways, two replicas of citizens and documents, one database', () => {
  const QUOTA = 12;
  let graph: TestGraph | undefined;
  let citizensB: Replica;
  let documentsB: Replica;
  let gatewayB: RunningGateway;
  /** Sends one query through gateway 1 or 2. */
  let through: (
    which: 0 | 1,
    query: string,
    variables: Record<string, unknown>,
    token: string,
    purpose: string,
  ) => Promise<{ status: number; requestId: string | null; body: any }>;

  beforeAll(async () => {
    if (!(await postgresReachable())) return;
    graph = await startTestGraph({ citizens: 300, quota: { limit: QUOTA, windowSeconds: 3600 } });
    citizensB = await startReplica(graph, citizensSubgraph, {
      quota: { limit: QUOTA, windowSeconds: 3600 },
    });
    documentsB = await startReplica(graph, documentsSubgraph, {
      peers: { citizens: citizensB.running.url },
      quota: { limit: QUOTA, windowSeconds: 3600 },
    });
    gatewayB = await startExtraGateway(graph, {
      production: false,
      subgraphUrls: { citizens: citizensB.running.url, documents: documentsB.running.url },
    });
    const urls = [graph.gateway.url, gatewayB.url];
    through = async (which, query, variables, token, purpose) => {
      const res = await fetch(urls[which]!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': purpose,
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        requestId: res.headers.get('x-request-id'),
        body: await res.json(),
      };
    };
  }, 120_000);
  afterAll(async () => {
    await gatewayB?.stop();
    await documentsB?.stop();
    await citizensB?.stop();
    await graph?.stop();
  });

  const READ = `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat } }`;
  const ninsOf = async (g: TestGraph, n: number, offset = 0) =>
    (
      await rows<{ nin: string }>(
        g.database.db,
        sql`select nin from citizens.citizens order by nin limit ${n} offset ${offset}`,
      )
    ).map((r) => r.nin);

  it('the audit chain stays one valid chain, one row per NIN read, under reads spread over both', async (ctx) => {
    if (!graph) return ctx.skip();
    const g = graph;
    const nins = await ninsOf(g, 10);
    // Four clients (each under its quota: 10 distinct NINs of 12), 80 reads, at once.
    const tokens = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        g.token({ kind: 'ministry', ministry: 'HEALTH', clientId: `replica-audit-${i}` }),
      ),
    );
    const before = await countRows(g.database.db, 'citizens.consultations');
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        through(
          (i % 2) as 0 | 1,
          READ,
          { nin: nins[i % 10] },
          tokens[Math.floor(i / 20)]!,
          'SOCIAL_SECURITY_ENTITLEMENT',
        ),
      ),
    );
    expect(answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? null)).toEqual(
      Array(80).fill(null),
    );
    expect(answers.every((a, i) => a.body.data.citizen.nin === nins[i % 10])).toBe(true);
    // Each answer's request id has its row, written by the replica that served it.
    const audited = await rows<{ request_id: string }>(
      g.database.db,
      sql`select request_id from citizens.consultations where client_id like 'replica-audit-%'`,
    );
    expect(audited.map((r) => r.request_id).sort()).toEqual(answers.map((a) => a.requestId).sort());
    expect((await countRows(g.database.db, 'citizens.consultations')) - before).toBe(80);
    expect(await verifyChain(g.database.db, consultations)).toEqual({
      rows: before + 80,
      ok: true,
      brokenAt: null,
    });
  });

  it('a client’s quota is exact across replicas: 12 distinct NINs served of 30 asked at once, the rest QUOTA_EXCEEDED', async (ctx) => {
    if (!graph) return ctx.skip();
    const g = graph;
    const nins = await ninsOf(g, 30, 100);
    const token = await g.token({
      kind: 'ministry',
      ministry: 'FINANCE',
      clientId: 'replica-quota',
    });
    const answers = await Promise.all(
      nins.map((nin, i) => through((i % 2) as 0 | 1, READ, { nin }, token, 'TAX_ASSESSMENT')),
    );
    const served = answers.filter((a) => !a.body.errors);
    const refused = answers.filter((a) => a.body.errors);
    expect(served).toHaveLength(QUOTA);
    expect(new Set(served.map((a) => a.body.data.citizen.nin)).size).toBe(QUOTA);
    expect(refused.map((a) => a.body.errors[0].extensions.code)).toEqual(
      Array(30 - QUOTA).fill('QUOTA_EXCEEDED'),
    );
    expect(refused.every((a) => a.body.data?.citizen == null)).toBe(true);
    // Each gateway (and its citizens replica) was asked 15: a count kept per process would
    // have served up to 12 through each, 24 in all. Which of them wins the 12 is a race.
    expect(answers.filter((_, i) => i % 2 === 0)).toHaveLength(15);
    expect(refused.length + served.length).toBe(30);
    const audited = await rows<{ outcome: string; n: number }>(
      g.database.db,
      sql`select outcome, count(*)::int as n from citizens.consultations
           where client_id = 'replica-quota' group by outcome order by outcome`,
    );
    expect(audited).toEqual([
      { outcome: 'ALLOWED', n: QUOTA },
      { outcome: 'REFUSED_QUOTA', n: 30 - QUOTA },
    ]);
    const [window] = await rows<{ used: number }>(
      g.database.db,
      sql`select used from platform.quota_windows where client_id = 'replica-quota'`,
    );
    expect(Number(window!.used)).toBe(QUOTA);
    // A NIN already counted is free through the other replica; a new one is still refused.
    const first = served[0]!;
    const other = (1 - (answers.indexOf(first) % 2)) as 0 | 1;
    const again = await through(
      other,
      READ,
      { nin: first.body.data.citizen.nin },
      token,
      'TAX_ASSESSMENT',
    );
    expect(again.body.errors).toBeUndefined();
    const fresh = (await ninsOf(g, 1, 200))[0];
    const more = await through(other, READ, { nin: fresh }, token, 'TAX_ASSESSMENT');
    expect(more.body.errors[0].extensions.code).toBe('QUOTA_EXCEEDED');
  });

  it('one idempotency key sent at once through both gateways: one application, the others replays', async (ctx) => {
    if (!graph) return ctx.skip();
    const g = graph;
    const [adult] = await rows<{ nin: string }>(
      g.database.db,
      sql`select c.nin from citizens.citizens c
           where c.death_date is null and c.birth_date < '2000-01-01'
             and not exists (select 1 from documents.applications a where a.nin = c.nin)
             and not exists (select 1 from documents.documents d where d.holder_nin = c.nin and d.type = 'NATIONAL_ID_CARD')
           order by c.nin desc limit 1`,
    );
    const agent = await g.token({ kind: 'agent', commune: '1601', agentId: 'agent-1601-001' });
    const SUBMIT = `mutation($input: SubmitApplicationInput!) {
      submitApplication(input: $input) { replayed application { number } } }`;
    const input = {
      nin: adult!.nin,
      type: 'NATIONAL_ID_CARD',
      reason: 'FIRST',
      contactPhone: '0771234567',
      idempotencyKey: `replicas-${Date.now()}`,
    };
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        through((i % 2) as 0 | 1, SUBMIT, { input }, agent, 'COUNTER_SERVICE'),
      ),
    );
    expect(answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? null)).toEqual(
      Array(16).fill(null),
    );
    const results = answers.map((a) => a.body.data.submitApplication);
    expect(new Set(results.map((r) => r.application.number)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const filed = await rows(
      g.database.db,
      sql`select number from documents.applications where nin = ${adult!.nin}`,
    );
    expect(filed).toHaveLength(1);
    const keys = await rows(
      g.database.db,
      sql`select key from documents.idempotency_keys where key = ${input.idempotencyKey}`,
    );
    expect(keys).toHaveLength(1);
  });
});
