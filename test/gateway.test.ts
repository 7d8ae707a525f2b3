import { sql } from 'drizzle-orm';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALLER_ALGORITHMS } from '../gateway/caller-auth.js';
import { gatewayEnvSchema } from '../gateway/config.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../scripts/local-keys.js';
import { mintCallerToken } from '../scripts/local-tokens.js';
import { startExtraGateway } from './support/extra-gateway.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/** The gateway as production runs it: no introspection, no suggestions, scrubbed errors. */
let graph: TestGraph;
let token: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 100, production: true, subgraphTimeoutMs: 1500 });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const Q = '{ citizens(first: 1) { nodes { nin } } }';

describe('caller JWT checks', () => {
  it('run under the allowlist production uses (the test graph takes the same constant)', () => {
    expect(gatewayEnvSchema.parse({}).AUTH_ALGORITHMS).toEqual(DEFAULT_CALLER_ALGORITHMS);
    expect(DEFAULT_CALLER_ALGORITHMS).toEqual(['ES256', 'RS256', 'PS256', 'EdDSA']);
    for (const symmetric of ['HS256', 'ES256,HS512', 'none']) {
      expect(gatewayEnvSchema.safeParse({ AUTH_ALGORITHMS: symmetric }).success).toBe(false);
    }
  });

  const cases: [string, () => Promise<string>][] = [
    [
      'alg: none',
      async () =>
        new UnsecuredJWT({ kind: 'ministry', ministry: 'INTERIOR' })
          .setSubject('x')
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('1h')
          .encode(),
    ],
    [
      'an expired token',
      async () =>
        mintCallerToken(
          graph.keys.caller,
          { kind: 'ministry', ministry: 'INTERIOR' },
          { ttlSeconds: -120 },
        ),
    ],
    [
      'a wrong audience',
      async () =>
        mintCallerToken(
          graph.keys.caller,
          { kind: 'ministry', ministry: 'INTERIOR' },
          { audience: 'another-api' },
        ),
    ],
    [
      'a wrong issuer',
      async () =>
        mintCallerToken(
          graph.keys.caller,
          { kind: 'ministry', ministry: 'INTERIOR' },
          { issuer: 'https://evil.example' },
        ),
    ],
    [
      'a key the gateway does not trust',
      async () =>
        mintCallerToken((await generateKeyPair('ES256')).privateKey, {
          kind: 'ministry',
          ministry: 'INTERIOR',
        }),
    ],
    [
      'HS256 signed with the gateway’s own public key as the secret (key confusion)',
      async () => {
        // The classic attack: take the verifier's public key (PEM) and use it as an HMAC secret.
        const secret = new TextEncoder().encode(await exportSPKI(graph.keys.callerPublic));
        return new SignJWT({ kind: 'ministry', ministry: 'INTERIOR' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(secret);
      },
    ],
    ['an internal token replayed at the gateway', async () => graph.internalToken('citizens')],
    [
      'RS256, an allowed algorithm, from a key the gateway does not trust',
      async () =>
        mintCallerToken(
          (await generateKeyPair('RS256')).privateKey,
          { kind: 'ministry', ministry: 'INTERIOR' },
          { alg: 'RS256' },
        ),
    ],
  ];

  it.each(cases)('refuses %s with 401', async (_what, make) => {
    const res = await graph.query(Q, {}, { token: await make() });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
  });

  it('accepts a valid token (control)', async () => {
    const res = await graph.query(Q, {}, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' });
    expect(res.status).toBe(200);
    expect(res.body.data.citizens.nodes).toHaveLength(1);
  });
});

describe('production hardening', () => {
  it('refuses introspection', async () => {
    const res = await graph.query(
      '{ __schema { types { name } } }',
      {},
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no "Did you mean" suggestion', async () => {
    const res = await graph.query(
      '{ citizn(nin: "1") { nin } }',
      {},
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('refuses a 2 MB body with 413 and other content types with 415', async () => {
    const big = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: Q, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(big.status).toBe(413);
    const xml = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<q/>',
    });
    expect(xml.status).toBe(415);
  });

  it('refuses CSRF-able requests: GET without a preflight header, form-encoded POST', async () => {
    const get = await fetch(
      `${graph.gateway.url}?query=${encodeURIComponent('{ wilayas { code } }')}`,
    );
    expect(get.status).toBe(400);
    const form = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7Bwilayas%7Bcode%7D%7D',
    });
    expect(form.status).toBe(400);
  });

  it('refuses batched arrays', async () => {
    const res = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: Q }, { query: Q }]),
    });
    expect(res.status).toBe(400);
  });

  it('serves health and readiness probes', async () => {
    const base = graph.gateway.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});

describe('a slow subgraph', () => {
  it('answers by the deadline with the other fields and SERVICE_UNAVAILABLE, naming no host', async () => {
    // A real server that accepts the communes fetch and holds it, far past the deadline.
    const held: http.ServerResponse[] = [];
    const slow = http.createServer((req, res) => {
      req.resume();
      held.push(res);
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const deadlineMs = 800;
    const gateway = await startExtraGateway(graph, {
      subgraphTimeoutMs: deadlineMs,
      subgraphUrls: {
        communes: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`,
      },
    });
    try {
      const nin = (await graph.query(Q, {}, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' })).body
        .data.citizens.nodes[0].nin;
      const started = Date.now();
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': 'CIVIL_STATUS_ADMINISTRATION',
        },
        body: JSON.stringify({
          query: `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat birthCommune { code nameFr } } }`,
          variables: { nin },
        }),
      });
      const elapsed = Date.now() - started;
      const body = (await res.json()) as any;

      expect(held.length).toBe(1); // the fetch reached the slow subgraph and was held there
      expect(elapsed).toBeGreaterThanOrEqual(deadlineMs - 50);
      // The slow server holds the fetch for 30 s: anything near the deadline proves it, even on a loaded machine.
      expect(elapsed).toBeLessThan(deadlineMs + 1500);
      expect(res.status).toBe(200);
      expect(body.data.citizen.nin).toBe(nin);
      expect(body.data.citizen.familyNameLat).toBe(await familyNameOf(nin));
      expect(body.data.citizen.birthCommune ?? null).toBeNull();
      const error = body.errors?.[0];
      expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(error?.message).toMatch(/communes service/);
      expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|stack/i);
    } finally {
      await gateway.stop();
      slow.closeAllConnections();
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });
});

async function familyNameOf(nin: string) {
  const [row] = await rows<{ family_name_lat: string }>(
    graph.database.db,
    sql`select family_name_lat from citizens.citizens where nin = ${nin}`,
  );
  return row!.family_name_lat;
}

describe('a dead subgraph', () => {
  it('yields partial data and an error that names no host or port', async () => {
    const nin = (await graph.query(Q, {}, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' })).body
      .data.citizens.nodes[0].nin;
    await graph.subgraphs.communes!.stop();
    const started = Date.now();
    const res = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat birthCommune { code nameFr } } }`,
      { nin },
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(res.body.data.citizen.nin).toBe(nin);
    expect(res.body.data.citizen.familyNameLat).toBe(await familyNameOf(nin));
    const error = res.body.errors?.[0];
    expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{4,5}\b|stack/i);
  });
});
