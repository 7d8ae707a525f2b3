import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/**
 * Every answer carries the platform's request id (X-Request-Id), every error carries it in
 * `extensions.requestId`, also errors raised before the operation runs; a caller's own
 * X-Request-Id is kept as a correlation id and never becomes the request id.
 */
let graph: TestGraph;
let token: string;
let base: string;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const Q = '{ citizens(first: 1) { nodes { nin } } }';

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 20, production: true });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
  base = graph.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => graph?.stop());

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const refusedBeforeTheOperation: [string, number, string, () => [string, RequestInit]][] = [
  [
    'an invalid token',
    401,
    'UNAUTHENTICATED',
    () => [graph.gateway.url, json({ query: Q }, { authorization: 'Bearer a.b.c' })],
  ],
  [
    'a malformed X-Purpose',
    400,
    'BAD_USER_INPUT',
    () => [
      graph.gateway.url,
      json({ query: Q }, { authorization: `Bearer ${token}`, 'x-purpose': 'civil status' }),
    ],
  ],
  [
    'a body over the limit',
    413,
    'PAYLOAD_TOO_LARGE',
    () => [graph.gateway.url, json({ query: Q, variables: { pad: 'x'.repeat(200_000) } })],
  ],
  [
    'an XML body',
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    () => [
      graph.gateway.url,
      { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<q/>' },
    ],
  ],
  [
    'a GET without a preflight header (CSRF)',
    400,
    'BAD_REQUEST',
    () => [`${graph.gateway.url}?query=${encodeURIComponent('{ wilayas { code } }')}`, {}],
  ],
  [
    'a form-encoded POST (CSRF)',
    400,
    'BAD_REQUEST',
    () => [
      graph.gateway.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7Bwilayas%7Bcode%7D%7D',
      },
    ],
  ],
  [
    'a batched array',
    400,
    'BAD_REQUEST',
    () => [graph.gateway.url, json([{ query: Q }, { query: Q }])],
  ],
  [
    'a body that is not JSON',
    400,
    'BAD_REQUEST',
    () => [
      graph.gateway.url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ "query": ' },
    ],
  ],
  ['a path that is not /graphql', 404, 'NOT_FOUND', () => [`${base}/graphq`, json({ query: Q })]],
  [
    'a query that does not parse',
    400,
    'GRAPHQL_PARSE_FAILED',
    () => [
      graph.gateway.url,
      json({ query: '{ wilayas {' }, { accept: 'application/graphql-response+json' }),
    ],
  ],
];

describe('errors raised before the operation runs', () => {
  it.each(refusedBeforeTheOperation)(
    '%s: %i %s with extensions.requestId and the X-Request-Id header',
    async (_what, status, code, make) => {
      const [url, init] = make();
      const res = await fetch(url, init);
      expect(res.status).toBe(status);
      const header = res.headers.get('x-request-id');
      expect(header).toMatch(UUID);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe(code);
      expect(body.errors[0].extensions.requestId).toBe(header);
    },
  );

  it('gives each request its own id', async () => {
    const [url, init] = refusedBeforeTheOperation[0]![3]();
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await fetch(url, init)).headers.get('x-request-id')),
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe('every answer carries X-Request-Id', () => {
  it('a successful query, /health and /ready', async () => {
    const ok = await graph.query(Q, {}, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(UUID);
    for (const probe of ['/health', '/ready']) {
      const res = await fetch(`${base}${probe}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('an error inside the operation carries the same id as the header', async () => {
    const res = await graph.query(
      '{ citizen(nin: "123") { nin } }',
      {},
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INVALID_NIN');
    expect(res.body.errors?.[0]?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
  });
});

describe("a caller's X-Request-Id", () => {
  it('is kept as the correlation id; the request id and the audit row are the platform’s', async () => {
    const callerId = 'ministry-trace-2026-0001';
    const res = await graph.query(
      Q,
      {},
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION', headers: { 'x-request-id': callerId } },
    );
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(requestId).not.toBe(callerId);
    expect(res.headers.get('x-correlation-id')).toBe(callerId);
    const nin = res.body.data.citizens.nodes[0].nin;

    const audit = await rows<{ request_id: string; nin: string }>(
      graph.database.db,
      sql`select request_id, nin from citizens.consultations where request_id in (${requestId}, ${callerId})`,
    );
    expect(audit).toEqual([{ request_id: requestId, nin }]);
  });

  it('is dropped when it is too long or holds characters a log line should not', async () => {
    for (const bad of ['x'.repeat(129), 'abc def', 'id\u00e9', '{"a":1}']) {
      const res = await graph.query(
        Q,
        {},
        { token, purpose: 'CIVIL_STATUS_ADMINISTRATION', headers: { 'x-request-id': bad } },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('x-correlation-id')).toBeNull();
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('reaches a subgraph in the internal token, beside the gateway’s request id', async () => {
    const rid = 'c9b1f0de-2f5a-4c3e-9a7b-0123456789ab';
    const res = await fetch(graph.subgraphs.communes!.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.internalToken('communes', { rid, cid: 'ministry-trace-7' })}`,
        'x-request-id': 'forged-by-a-direct-caller',
      },
      body: JSON.stringify({ query: '{ wilaya(code: "16") { code } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(rid);
    expect(res.headers.get('x-correlation-id')).toBe('ministry-trace-7');
  });
});
