import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/tables/documents.js';
import { documentsSubgraph } from '../subgraphs/documents/index.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { OperationLabels, startMetricsServer } from '../subgraphs/kit/metrics.js';
import { RelayMetrics } from '../subgraphs/kit/relay-metrics.js';
import { startRelay } from '../subgraphs/kit/relay.js';
import { LogFileSmsProvider } from '../subgraphs/kit/sms.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { sample, scrape } from './support/metrics.js';
import { rows } from './support/sql.js';

let graph: TestGraph;
let nins: string[];
const PURPOSE = 'SOCIAL_SECURITY_ENTITLEMENT';
const READ = `query CitizenRead($nin: String!) { citizen(nin: $nin) { nin familyNameLat } }`;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 120 });
  nins = (
    await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens order by nin limit 5`,
    )
  ).map((r) => r.nin);
});
afterAll(() => graph?.stop());

const gatewayMetrics = () => scrape(graph.gateway.metricsUrl!);
const subgraphMetrics = (name: string) => scrape(graph.subgraphs[name]!.metricsUrl!);

describe('the metrics endpoints', () => {
  it('are internal listeners: the public ports answer /metrics with 404', async () => {
    const gatewayRoot = new URL(graph.gateway.url);
    for (const base of [
      gatewayRoot,
      ...Object.values(graph.subgraphs).map((s) => new URL(s.url)),
    ]) {
      const res = await fetch(new URL('/metrics', base));
      expect(res.status, `${base.host}/metrics`).toBe(404);
      expect(await res.text()).not.toMatch(/# TYPE/);
    }
    // Each internal listener serves its own port, and only /metrics.
    const internal = new URL(graph.gateway.metricsUrl!);
    expect(internal.port).not.toBe(gatewayRoot.port);
    expect((await fetch(new URL('/graphql', internal))).status).toBe(404);
    const res = await fetch(internal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('include the process: event-loop delay and memory, on every service', async () => {
    for (const text of [await gatewayMetrics(), await subgraphMetrics('communes')]) {
      expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \S+$/m);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    }
  });
});

describe('requests, fetches and audit writes', () => {
  it('count one request per call, its fetches per subgraph and one audit write per audited read', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const [gw0, cit0] = [await gatewayMetrics(), await subgraphMetrics('citizens')];
    const res = await graph.cost(READ, { nin: nins[0] }, { token, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    expect(res.fetches).toBeGreaterThan(0);
    const [gw1, cit1] = [await gatewayMetrics(), await subgraphMetrics('citizens')];

    const op = { operation: 'CitizenRead', outcome: 'success' };
    expect(
      sample(gw1, 'graphql_requests_total', op) - sample(gw0, 'graphql_requests_total', op),
    ).toBe(1);
    const dur = 'graphql_request_duration_seconds_count';
    expect(
      sample(gw1, dur, { operation: 'CitizenRead' }) -
        sample(gw0, dur, { operation: 'CitizenRead' }),
    ).toBe(1);
    // Only citizens holds these fields: every fetch of the request went there.
    const fetched = 'gateway_subgraph_fetch_duration_seconds_count';
    expect(sample(gw1, fetched) - sample(gw0, fetched)).toBe(res.fetches);
    expect(
      sample(gw1, fetched, { subgraph: 'citizens' }) -
        sample(gw0, fetched, { subgraph: 'citizens' }),
    ).toBe(res.fetches);
    expect(sample(gw1, 'gateway_subgraph_fetch_errors_total')).toBe(
      sample(gw0, 'gateway_subgraph_fetch_errors_total'),
    );
    // The subgraph counted the same fetches as requests of its own.
    expect(sample(cit1, 'graphql_requests_total') - sample(cit0, 'graphql_requests_total')).toBe(
      res.fetches,
    );
    // One audited read: one audit write, committed.
    const audit = 'audit_write_duration_seconds_count';
    expect(sample(cit1, audit) - sample(cit0, audit)).toBe(1);
    // Its one row went in one append.
    const rowsSum = 'audit_append_rows_sum';
    expect(sample(cit1, rowsSum) - sample(cit0, rowsSum)).toBe(1);
    expect(sample(cit1, 'audit_append_rows_count') - sample(cit0, 'audit_append_rows_count')).toBe(
      1,
    );
    expect(sample(cit1, 'audit_write_failures_total')).toBe(0);
  });

  it('count a fetch to a subgraph that is down as an error of that subgraph', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const gw0 = await gatewayMetrics();
    // A subgraph this graph stopped: the communes service (commune fields only).
    const communes = graph.subgraphs.communes!;
    await communes.stop();
    const res = await graph.query(
      `query CommuneRead { commune(code: "1601") { code } }`,
      {},
      { token },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const gw1 = await gatewayMetrics();
    const errs = 'gateway_subgraph_fetch_errors_total';
    expect(
      sample(gw1, errs, { subgraph: 'communes', reason: 'connection' }) -
        sample(gw0, errs, { subgraph: 'communes', reason: 'connection' }),
    ).toBe(1);
    const e = { code: 'SERVICE_UNAVAILABLE' };
    expect(sample(gw1, 'gateway_errors_total', e) - sample(gw0, 'gateway_errors_total', e)).toBe(1);
    const op = { operation: 'CommuneRead', outcome: 'error' };
    expect(
      sample(gw1, 'graphql_requests_total', op) - sample(gw0, 'graphql_requests_total', op),
    ).toBe(1);
  });
});

describe('refusals by code', () => {
  it('one FORBIDDEN answer is one refusal, whatever number of fields it refused', async () => {
    const gw0 = await gatewayMetrics();
    const res = await graph.query(
      `query Twice($a: String!, $b: String!) { a: citizen(nin: $a) { nin } b: citizen(nin: $b) { nin } }`,
      { a: nins[1], b: nins[2] },
    );
    expect(res.body.errors?.filter((e) => e.extensions?.code === 'FORBIDDEN').length).toBe(2);
    const gw1 = await gatewayMetrics();
    const f = { code: 'FORBIDDEN' };
    expect(
      sample(gw1, 'gateway_refusals_total', f) - sample(gw0, 'gateway_refusals_total', f),
    ).toBe(1);
    const op = { operation: 'Twice', outcome: 'error' };
    expect(
      sample(gw1, 'graphql_requests_total', op) - sample(gw0, 'graphql_requests_total', op),
    ).toBe(1);
  });

  it('a bad token, refused before the operation runs, and a limit are refusals too', async () => {
    const gw0 = await gatewayMetrics();
    const bad = await graph.query(READ, { nin: nins[0] }, { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    // Over the alias limit (15): refused before any subgraph is asked.
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: citizen(nin: $nin) { nin }`).join(
      ' ',
    );
    const many = await graph.query(`query Aliases($nin: String!) { ${aliases} }`, { nin: nins[0] });
    expect(many.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    const gw1 = await gatewayMetrics();
    const diff = (code: string) =>
      sample(gw1, 'gateway_refusals_total', { code }) -
      sample(gw0, 'gateway_refusals_total', { code });
    expect(diff('UNAUTHENTICATED')).toBe(1);
    expect(diff('TOO_MANY_ALIASES')).toBe(1);
    const op = { operation: 'CitizenRead', outcome: 'error' };
    expect(
      sample(gw1, 'graphql_requests_total', op) - sample(gw0, 'graphql_requests_total', op),
    ).toBe(1);
  });

  it('a QUOTA_EXCEEDED refusal from a subgraph is counted by code', async () => {
    // The quota override applies to this graph's subgraphs only: a graph of its own.
    const limited = await startTestGraph({
      citizens: 30,
      quota: { limit: 2, windowSeconds: 3600 },
    });
    try {
      const few = (
        await rows<{ nin: string }>(
          limited.database.db,
          sql`select nin from citizens.citizens order by nin limit 3`,
        )
      ).map((r) => r.nin);
      const token = await limited.token({ kind: 'ministry', ministry: 'HEALTH' });
      const before = await scrape(limited.gateway.metricsUrl!);
      for (const nin of few) await limited.query(READ, { nin }, { token, purpose: PURPOSE });
      const after = await scrape(limited.gateway.metricsUrl!);
      const q = { code: 'QUOTA_EXCEEDED' };
      expect(
        sample(after, 'gateway_refusals_total', q) - sample(before, 'gateway_refusals_total', q),
      ).toBe(1);
    } finally {
      await limited.stop();
    }
  }, 240_000);
});

describe('label values are bounded', () => {
  it('no NIN appears in any metrics text, even one sent as an operation name', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    await graph.query(
      `query N${nins[3]} { citizen(nin: "${nins[3]}") { nin } }`,
      {},
      { token, purpose: PURPOSE },
    );
    const texts = [
      await gatewayMetrics(),
      ...(await Promise.all(
        Object.values(graph.subgraphs)
          .filter((s) => s.name !== 'communes')
          .map((s) => scrape(s.metricsUrl!)),
      )),
    ];
    for (const text of texts) {
      for (const nin of nins) expect(text).not.toContain(nin);
      // No label value holds a NIN's 18 digits, ours or any other.
      expect(text).not.toMatch(/="[^"]*\d{18}/);
    }
    expect(
      sample(texts[0]!, 'graphql_requests_total', { operation: 'other' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('operation names beyond the cap count as "other"', () => {
    const labels = new OperationLabels(2);
    expect([labels.label('A'), labels.label('B'), labels.label('C'), labels.label('A')]).toEqual([
      'A',
      'B',
      'other',
      'A',
    ]);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('x'.repeat(65))).toBe('other');
    expect(labels.label('with space')).toBe('other');
  });
});

describe('the database pool', () => {
  it('reports its size, and what is in use and waiting while statements run', async () => {
    const idle = await subgraphMetrics('citizens');
    const max = graph.database.kind === 'postgres' ? 10 : 1;
    expect(sample(idle, 'db_pool_connections_max')).toBe(max);
    expect(sample(idle, 'db_pool_waiting')).toBe(0);
    if (graph.database.kind !== 'postgres') return; // PGlite's pg_sleep would block this thread
    const sleeping = Array.from({ length: max + 3 }, () =>
      // drizzle's execute is lazy: `then` sends it now.
      graph.database.db.execute(sql`select pg_sleep(1.5)`).then((r) => r),
    );
    await sleep(300);
    const busy = await subgraphMetrics('citizens');
    expect(sample(busy, 'db_pool_connections_in_use')).toBe(max);
    expect(sample(busy, 'db_pool_waiting')).toBe(3);
    await Promise.all(sleeping);
    const after = await subgraphMetrics('citizens');
    expect(sample(after, 'db_pool_connections_in_use')).toBe(0);
  });
});

describe('the relay', () => {
  it('reports the outbox backlog and its oldest message, then what it sent', async () => {
    const db = graph.database.db;
    const metrics = new RelayMetrics(db, [documentsSubgraph.outbox!]);
    const server = await startMetricsServer(metrics.registry, {
      port: 0,
      host: '127.0.0.1',
      log: createLogger('relay', 'silent'),
    });
    try {
      const pendingInDb = async () =>
        Number(
          (
            await rows<{ n: number }>(
              db,
              sql`select count(*)::int as n from documents.outbox where status = 'PENDING'`,
            )
          )[0]!.n,
        );
      const before = await scrape(server.url);
      const doc = { outbox: 'documents' };
      expect(sample(before, 'outbox_pending_messages', doc)).toBe(await pendingInDb());
      const queuedAt = new Date(Date.now() - 30_000).toISOString();
      await db.insert(outbox).values(
        [0, 1, 2].map((i) => ({
          kind: 'DOCUMENT_READY',
          reference: `APP-2026-M0000${i}`,
          recipient: `066000000${i}`,
          message: `metrics test ${i}`,
          nextAttemptAt: queuedAt,
          createdAt: queuedAt,
        })),
      );
      const queued = await scrape(server.url);
      expect(sample(queued, 'outbox_pending_messages', doc)).toBe(
        sample(before, 'outbox_pending_messages', doc) + 3,
      );
      expect(sample(queued, 'outbox_pending_messages', doc)).toBe(await pendingInDb());
      expect(sample(queued, 'outbox_oldest_pending_age_seconds', doc)).toBeGreaterThanOrEqual(30);

      const relay = startRelay(
        db,
        [documentsSubgraph.outbox!],
        new LogFileSmsProvider(join(mkdtempSync(join(tmpdir(), 'sms-')), 'sms.log')),
        20,
        { onBatch: metrics.onBatch, onBatchFailure: metrics.onBatchFailure },
      );
      const pending = sample(queued, 'outbox_pending_messages', doc);
      for (let i = 0; i < 200 && (await pendingInDb()) > 0; i++) await sleep(25);
      await relay.stop();
      const drained = await scrape(server.url);
      expect(sample(drained, 'outbox_pending_messages', doc)).toBe(0);
      expect(sample(drained, 'outbox_oldest_pending_age_seconds', doc)).toBe(0);
      expect(sample(drained, 'relay_messages_total', { ...doc, result: 'sent' })).toBe(pending);
      expect(drained).not.toContain('0660000001');
    } finally {
      await server.stop();
    }
  });
});
