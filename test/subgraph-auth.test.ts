import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;
let nin: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 50 });
  const token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
  const res = await graph.query(
    `{ citizens(first: 1) { nodes { nin } } }`,
    {},
    { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
  );
  nin = res.body.data.citizens.nodes[0].nin;
});
afterAll(() => graph?.stop());

const ENTITIES = {
  query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { nin familyNameLat } } }`,
};

async function postToCitizens(authorization?: string, body: object = ENTITIES) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(graph.subgraphs.citizens!.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...body, variables: { r: [{ __typename: 'Citizen', nin }] } }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('a subgraph answers only the gateway', () => {
  it('accepts a gateway-signed token for its own audience (control)', async () => {
    const res = await postToCitizens(`Bearer ${await graph.internalToken('citizens')}`);
    expect(res.status).toBe(200);
    expect(res.body.data._entities[0].nin).toBe(nin);
  });

  it.each([
    ['no token', async () => undefined],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    [
      "the caller's own JWT",
      async () => `Bearer ${await graph.token({ kind: 'ministry', ministry: 'INTERIOR' })}`,
    ],
    [
      'an expired internal token',
      async () => `Bearer ${await graph.internalToken('citizens', { expiresIn: '-120s' })}`,
    ],
    ["another subgraph's token", async () => `Bearer ${await graph.internalToken('communes')}`],
    [
      'a token signed with another key',
      async () =>
        `Bearer ${await graph.internalToken('citizens', { key: (await generateKeyPair('EdDSA')).privateKey })}`,
    ],
  ])('refuses _entities with %s: 401 and no data', async (_what, auth) => {
    const res = await postToCitizens(await auth());
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses _service without a token too', async () => {
    const res = await postToCitizens(undefined, { query: '{ _service { sdl } }' });
    expect(res.status).toBe(401);
  });
});
