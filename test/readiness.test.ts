import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { importJWK, type CryptoKey } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { communesSubgraph } from '../subgraphs/communes/index.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/server.js';
import { createTestDatabase, TEST_ADMIN_URL } from './support/database.js';
import { startExtraGateway } from './support/extra-gateway.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

/**
 * What a load balancer sees: on stop, /ready turns 503 first while requests are still
 * served for the drain delay, then the listener closes; a subgraph whose database does
 * not answer is not ready.
 */
let graph: TestGraph;
let internalKey: CryptoKey;
let token: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 10 });
  internalKey = (await importJWK(graph.keys.internalPublicJwk, 'EdDSA')) as CryptoKey;
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const probe = async (graphqlUrl: string) => {
  const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

const DRAIN_MS = 1500;

describe('stopping: not ready first, then drain', () => {
  it('the gateway answers 503 on /ready during the drain delay, and still serves /graphql', async () => {
    const gateway = await startExtraGateway(graph, { drainMs: DRAIN_MS });
    expect(await probe(gateway.url)).toEqual({ status: 200, body: { status: 'ready' } });

    const started = Date.now();
    const stopped = gateway.stop();
    expect(await probe(gateway.url)).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'draining' },
    });
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'CIVIL_STATUS_ADMINISTRATION',
      },
      body: JSON.stringify({ query: '{ citizens(first: 1) { nodes { nin } } }' }),
    });
    expect(res.status).toBe(200);
    // Keep-alive callers are told to reconnect, so their next request finds another replica.
    expect(res.headers.get('connection')).toBe('close');
    expect(((await res.json()) as any).data.citizens.nodes).toHaveLength(1);

    await stopped;
    expect(Date.now() - started).toBeGreaterThanOrEqual(DRAIN_MS - 50);
    await expect(fetch(gateway.url.replace(/\/graphql$/, '/health'))).rejects.toThrow();
  });

  it('a subgraph does the same', async () => {
    const sub = await startSubgraph(communesSubgraph, {
      database: graph.database,
      internalKey,
      port: 0,
      production: true,
      drainMs: DRAIN_MS,
    });
    expect((await probe(sub.url)).status).toBe(200);
    const stopped = sub.stop();
    expect(await probe(sub.url)).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'draining' },
    });
    const res = await fetch(sub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.internalToken('communes')}`,
      },
      body: JSON.stringify({ query: '{ wilaya(code: "16") { code } }' }),
    });
    expect(((await res.json()) as any).data.wilaya.code).toBe('16');
    await stopped;
    await expect(fetch(sub.url)).rejects.toThrow();
  });
});

describe('a subgraph checks its database', () => {
  let sub: RunningSubgraph | undefined;
  afterAll(() => sub?.stop());

  it('is ready while its database answers, not ready once the database is gone', async () => {
    const database = await createTestDatabase();
    sub = await startSubgraph(communesSubgraph, {
      database,
      internalKey,
      port: 0,
      production: true,
    });
    expect(await probe(sub.url)).toEqual({ status: 200, body: { status: 'ready' } });

    if (database.url) {
      // PostgreSQL: the database is dropped under the subgraph's open pool.
      const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database ${new URL(database.url).pathname.slice(1)} with (force)`);
      await admin.end({ timeout: 2 });
    } else {
      await database.close(); // PGlite: the embedded database is closed
    }
    expect(await probe(sub.url)).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'database unavailable' },
    });
    await database.drop().catch(() => {});
  });

  it('is not ready, within the probe timeout, when the database server never answers', async () => {
    // A real TCP server that accepts connections and never speaks: a hung database host.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const port = (hung.address() as AddressInfo).port;
    const database = await openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/nothing` });
    const stuck = await startSubgraph(communesSubgraph, {
      database,
      internalKey,
      port: 0,
      production: true,
    });
    const started = Date.now();
    const res = await probe(stuck.url);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(res).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'readiness check did not finish within 1000 ms' },
    });
    await stuck.stop();
    for (const s of sockets) s.destroy();
    hung.close();
    // Not awaited: the driver gives up on the hung host only after its connect timeout.
    void database.close().catch(() => {});
  });
});
