import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable } from './support/database.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { waitFor } from './support/load.js';
import { gatewayProcessEnv, scrape, spawnService, type ChildService } from './support/replicas.js';
import { rows } from './support/sql.js';

/**
 * The communes subgraph slow, not dead: a stand-in in front of the real one holds each
 * fetch for SLOW_MS, then forwards it and answers. The gateway, a process of its own with
 * a deadline far shorter, must answer each request with the other fields and
 * SERVICE_UNAVAILABLE for the slow one, and must not pile up sockets or memory on it.
 */
const DEADLINE_MS = 2000;
const SLOW_MS = 10_000;
const CONCURRENCY = 10;

/** A slow front for one subgraph, counting the gateway's connections to it. */
async function slowFront(target: string) {
  const stats = { open: 0, maxOpen: 0, accepted: 0, answered: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        if (res.destroyed) return; // the gateway gave up: nobody to answer
        void fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: String(req.headers.authorization),
          },
          body: Buffer.concat(chunks),
        }).then(
          async (r) => {
            stats.answered += 1;
            res.writeHead(r.status, { 'content-type': 'application/json' });
            res.end(await r.text());
          },
          () => res.destroy(),
        );
      }, SLOW_MS);
    });
  });
  server.on('connection', (socket) => {
    stats.accepted += 1;
    stats.open += 1;
    stats.maxOpen = Math.max(stats.maxOpen, stats.open);
    socket.once('close', () => (stats.open -= 1));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stats,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let graph: TestGraph | undefined;
let slow: Awaited<ReturnType<typeof slowFront>>;
let gateway: ChildService | undefined;
let dir: string;

beforeAll(async () => {
  if (!(await postgresReachable())) return;
  graph = await startTestGraph({ citizens: 100 });
  slow = await slowFront(graph.subgraphs.communes!.url);
  dir = mkdtempSync(join(tmpdir(), 'ecg-slow-'));
  gateway = await spawnService(
    'gateway/main.ts',
    await gatewayProcessEnv(graph, dir, {
      SUBGRAPH_COMMUNES_URL: slow.url,
      SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS),
    }),
  );
}, 120_000);
afterAll(async () => {
  await gateway?.stop(2000);
  await slow?.close();
  await graph?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a slow subgraph, many requests', () => {
  it('partial data with SERVICE_UNAVAILABLE by the deadline; sockets and memory stay bounded', async (ctx) => {
    if (!graph || !gateway) return ctx.skip();
    const g = graph;
    const gw = gateway;
    const nins = (
      await rows<{ nin: string }>(g.database.db, sql`select nin from citizens.citizens limit 20`)
    ).map((r) => r.nin);
    const token = await g.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const QUERY = `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat birthCommune { code nameFr } } }`;
    const one = async (i: number) => {
      const started = Date.now();
      const res = await fetch(`${gw.base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': 'CIVIL_STATUS_ADMINISTRATION',
        },
        body: JSON.stringify({ query: QUERY, variables: { nin: nins[i % nins.length] } }),
      });
      return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started, i };
    };
    const wave = async (from: number, n: number) => {
      const out: Awaited<ReturnType<typeof one>>[] = [];
      for (let i = from; i < from + n; i += CONCURRENCY)
        out.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => one(i + k)))));
      return out;
    };
    const memory = async () => ({
      heap: await scrape(gw.metricsUrl, 'nodejs_heap_size_used_bytes'),
      rss: await scrape(gw.metricsUrl, 'process_resident_memory_bytes'),
    });

    // The first requests pay for cold caches and JIT, the citizens path's too: not measured.
    for (let i = 0; i < 3; i += 1) await one(i);
    const warm = await wave(0, 20);
    await sleep(500);
    const before = await memory();
    const measured = await wave(20, 80);
    await waitFor(
      'the gateway to hold no socket to the slow subgraph',
      () => slow.stats.open <= CONCURRENCY,
      5000,
    );
    const after = await memory();

    const all = [...warm, ...measured];
    const odd = all.filter((r) => r.status !== 200);
    expect(odd.map((r) => `${r.i}: ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
    for (const r of all) {
      expect(r.body.data.citizen.nin).toBe(nins[r.i % nins.length]);
      expect(r.body.data.citizen.familyNameLat).toEqual(expect.any(String));
      expect(r.body.data.citizen.birthCommune ?? null).toBeNull();
      expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
      // Answered on the gateway's deadline, never on the slow subgraph's time.
      expect(r.ms).toBeLessThan(SLOW_MS);
    }
    // Each request's fetch was given up at the deadline and its socket closed: at most one
    // wave's worth open at any moment (not one per request asked), none left afterwards.
    expect(slow.stats.accepted).toBeGreaterThanOrEqual(103);
    expect(slow.stats.maxOpen).toBeLessThanOrEqual(2 * CONCURRENCY);
    expect(
      await scrape(
        gw.metricsUrl,
        'gateway_subgraph_fetch_errors_total{subgraph="communes",reason="timeout"}',
      ),
    ).toBe(103);
    // 80 abandoned fetches cost the gateway no lasting memory: bounds, not a timing.
    expect(after.heap - before.heap).toBeLessThan(32 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
