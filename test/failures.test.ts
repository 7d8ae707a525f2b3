import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/tables/documents.js';
import { createCallerAuth } from '../gateway/caller-auth.js';
import type { RunningGateway } from '../gateway/server.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../scripts/local-keys.js';
import { mintCallerToken } from '../scripts/local-tokens.js';
import { documentsSubgraph } from '../subgraphs/documents/index.js';
import { startRelayFromEnv } from '../subgraphs/kit/relay-config.js';
import { outboxSources } from '../subgraphs/registry.js';
import { formatSubgraphError } from '../subgraphs/kit/format-error.js';
import { createHttpServer } from '../subgraphs/kit/http.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/server.js';
import { startExtraGateway } from './support/extra-gateway.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { captureLog } from './support/logs.js';
import { rows } from './support/sql.js';

/** Failures that are ours are logged, and said to be ours; none passes in silence. */
let graph: TestGraph;
let token: string;
const UUID = /^[0-9a-f-]{36}$/;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

/** A real HTTP server whose answer the test sets: a stand-in for a JWKS endpoint or a peer. */
function stubServer() {
  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, s) =>
    void s.end();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  return {
    answer(fn: typeof handler) {
      handler = fn;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  }).then(async (res) => ({
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as any,
  }));

describe('the HTTP front logs every 500 it answers', () => {
  it('a failure while making the context: 500, requestId, the cause in the log and not in the answer', async () => {
    const { log, lines } = captureLog();
    const server = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
      formatError: (formatted, error) => formatSubgraphError(formatted, error, log),
    });
    await server.start();
    const front = createHttpServer({
      server,
      log,
      bodyLimit: '10kb',
      context: async () => {
        throw new Error('connection pool exhausted: secret-host:5432');
      },
    });
    const port = await front.listen(0, '127.0.0.1');
    const res = await post(`http://127.0.0.1:${port}/graphql`, '{ ok }');
    await front.drain(0);
    await server.stop();

    expect(res.status).toBe(500);
    const rid = res.headers.get('x-request-id');
    expect(rid).toMatch(UUID);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: rid,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret-host|pool/);
    const cause = lines.find((l) => l.msg === 'unexpected error');
    expect(cause?.rid).toBe(rid);
    expect(cause?.err?.message).toMatch(/connection pool exhausted/);
    const answered = lines.find((l) => l.msg === 'answered with a server error');
    expect(answered).toMatchObject({ rid, status: 500, level: 50 });
  });
});

describe('an outage of the identity provider (JWKS) is ours: 503 AUTH_UNAVAILABLE', () => {
  const jwks = stubServer();
  let jwksUrl: string;
  let jwksBody: string;
  const gateways: RunningGateway[] = [];
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await jwks.close();
  });

  beforeAll(async () => {
    jwksUrl = `${await jwks.start()}/.well-known/jwks.json`;
    const jwk = await exportJWK(graph.keys.callerPublic);
    jwksBody = JSON.stringify({ keys: [{ ...jwk, alg: 'ES256', use: 'sig' }] });
  });

  const gatewayOn = async (url: string, jwksTimeoutMs = 5000) => {
    const captured = captureLog('gateway');
    const gateway = await startExtraGateway(graph, {
      authenticate: createCallerAuth({
        key: new URL(url),
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        jwksTimeoutMs,
      }),
      log: captured.log,
    });
    gateways.push(gateway);
    return { gateway, lines: captured.lines };
  };
  const ask = (gateway: RunningGateway, bearer?: string) =>
    post(gateway.url, '{ citizens(first: 1) { nodes { nin } } }', {
      'x-purpose': 'CIVIL_STATUS_ADMINISTRATION',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    });

  it('the JWKS endpoint answers 500: 503, logged; once it recovers, the same token is accepted', async () => {
    jwks.answer((_req, res) => {
      res.statusCode = 500;
      res.end('oops');
    });
    const { gateway, lines } = await gatewayOn(jwksUrl);
    const down = await ask(gateway, token);
    expect(down.status).toBe(503);
    expect(down.body.errors[0].extensions.code).toBe('AUTH_UNAVAILABLE');
    expect(down.body.errors[0].extensions.requestId).toBe(down.headers.get('x-request-id'));
    expect(down.body.errors[0].message).not.toMatch(/get a new one|127\.0\.0\.1/);
    expect(down.body.data ?? null).toBeNull();
    expect(lines.find((l) => l.code === 'AUTH_UNAVAILABLE')).toMatchObject({
      rid: down.headers.get('x-request-id'),
      level: 50,
    });

    jwks.answer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(jwksBody);
    });
    const up = await ask(gateway, token);
    expect(up.status).toBe(200);
    expect(up.body.data.citizens.nodes).toHaveLength(1);

    // The token's own faults stay 401 with a healthy JWKS.
    const expired = await mintCallerToken(
      graph.keys.caller,
      { kind: 'ministry', ministry: 'INTERIOR' },
      { ttlSeconds: -120 },
    );
    const stranger = await mintCallerToken((await generateKeyPair('ES256')).privateKey, {
      kind: 'ministry',
      ministry: 'INTERIOR',
    });
    for (const bad of [expired, stranger]) {
      const res = await ask(gateway, bad);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('the JWKS endpoint is unreachable: 503, while anonymous reference data is still served', async () => {
    const gone = stubServer();
    const url = `${await gone.start()}/jwks.json`;
    await gone.close(); // nothing listens there any more: connection refused
    const { gateway, lines } = await gatewayOn(url);
    const res = await ask(gateway, token);
    expect(res.status).toBe(503);
    expect(res.body.errors[0].extensions.code).toBe('AUTH_UNAVAILABLE');
    expect(lines.some((l) => l.code === 'AUTH_UNAVAILABLE')).toBe(true);

    const anonymous = await post(gateway.url, '{ wilaya(code: "16") { code } }');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data.wilaya.code).toBe('16');
  });

  it('the JWKS endpoint hangs: 503 once the JWKS timeout passes', async () => {
    const hung = stubServer();
    hung.answer(() => {}); // accepts, never answers
    const url = `${await hung.start()}/jwks.json`;
    const { gateway } = await gatewayOn(url, 300);
    const started = Date.now();
    const res = await ask(gateway, token);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(503);
    expect(res.body.errors[0].extensions.code).toBe('AUTH_UNAVAILABLE');
    await hung.close();
  });
});

describe('a peer that answers an error status', () => {
  const peer = stubServer();
  let documents: RunningSubgraph;
  let gateway: RunningGateway;
  let agent: string;
  let captured: ReturnType<typeof captureLog>;

  beforeAll(async () => {
    const citizensUrl = `${await peer.start()}/graphql`;
    captured = captureLog('documents');
    documents = await startSubgraph(documentsSubgraph, {
      database: graph.database,
      internalKey: (await importJWK(graph.keys.internalPublicJwk, 'EdDSA')) as CryptoKey,
      port: 0,
      production: true,
      peers: { citizens: citizensUrl },
      log: captured.log,
    });
    gateway = await startExtraGateway(graph, { subgraphUrls: { documents: documents.url } });
    agent = await graph.token({ kind: 'agent', commune: '1601' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await documents?.stop();
    await peer.close();
  });

  it.each([
    [503, '{"data":{"citizen":null}}'],
    [500, '{"errors":[{"message":"boom"}]}'],
    [502, '<html>Bad Gateway</html>'],
  ])(
    'the registry answers %i: SERVICE_UNAVAILABLE, logged, nothing filed (not "citizen not found")',
    async (status, body) => {
      peer.answer((_req, res) => {
        res.statusCode = status;
        res.setHeader('content-type', body.startsWith('<') ? 'text/html' : 'application/json');
        res.end(body);
      });
      const [applicant] = await rows<{ nin: string }>(
        graph.database.db,
        sql`select nin from citizens.citizens where death_date is null and birth_date < '2000-01-01' order by nin limit 1`,
      );
      const before = captured.lines.length;
      const res = await post(
        gateway.url,
        `mutation { submitApplication(input: { nin: "${applicant!.nin}", type: PASSPORT, reason: FIRST, contactPhone: "0661234567", idempotencyKey: "peer-${status}" }) { application { number } } }`,
        { authorization: `Bearer ${agent}`, 'x-purpose': 'COUNTER_SERVICE' },
      );
      expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.body.errors[0].message).toMatch(/civil registry|citizens/);
      expect(res.body.data?.submitApplication ?? null).toBeNull();
      const filed = await rows<{ n: number }>(
        graph.database.db,
        sql`select count(*)::int as n from documents.applications where nin = ${applicant!.nin}`,
      );
      expect(Number(filed[0]!.n)).toBe(0);
      expect(
        captured.lines.slice(before).find((l) => l.msg?.startsWith('peer call failed')),
      ).toMatchObject({ peer: 'citizens', level: 50 });
    },
  );
});

describe('the relay started from the environment', () => {
  it('honours RELAY_BATCH_SIZE and logs what it sends', async () => {
    const now = new Date(Date.now() - 1000).toISOString();
    await graph.database.db.insert(outbox).values(
      Array.from({ length: 5 }, (_, i) => ({
        kind: 'DOCUMENT_READY',
        reference: `APP-2026-9${String(i).padStart(7, '0')}`,
        recipient: `066${String(i).padStart(7, '0')}`,
        message: `relay config ${i}`,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    const dir = mkdtempSync(join(tmpdir(), 'relay-'));
    const { log, lines } = captureLog('relay');
    const { relay } = startRelayFromEnv(graph.database.db, outboxSources(), log, {
      SMS_PROVIDER: 'log',
      SMS_LOG_FILE: join(dir, 'sms.log'),
      RELAY_INTERVAL_MS: '400',
      RELAY_BATCH_SIZE: '2',
    });
    try {
      const deadline = Date.now() + 5000;
      while (!lines.some((l) => l.msg === 'relay batch done') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines.find((l) => l.msg === 'notification relay running')).toMatchObject({
      batchSize: 2,
      intervalMs: 400,
    });
    expect(lines.find((l) => l.msg === 'relay batch done')).toMatchObject({ sent: 2 });
  });
});
