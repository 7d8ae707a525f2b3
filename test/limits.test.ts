import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../gateway/limits.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;
let token: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 20, production: true });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const deep = (levels: number) => {
  let inner = 'nin';
  for (let i = 0; i < levels; i++) inner = `father { ${inner} }`;
  return `{ citizens(first: 1) { nodes { ${inner} } } }`;
};

const oversized: [string, string][] = [
  ['too deep', deep(QUERY_LIMITS.maxDepth + 2)],
  [
    'too many aliases',
    `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: wilayas { code }`).join(' ')} }`,
  ],
  [
    'too many directives',
    `{ wilayas { code ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} } }`,
  ],
  ['too many tokens', `{ wilayas { ${'code '.repeat(QUERY_LIMITS.maxTokens)} } }`],
  [
    'too costly',
    `{ wilayas { communes(first: 100) { nodes { code wilaya { dairas { communes { code daira { communes { code nameFr nameAr } } } } } } } } }`,
  ],
];

describe('query-shape limits at the gateway', () => {
  it.each(oversized)('refuses a query %s before calling any subgraph', async (_what, query) => {
    const before = graph.fetches.fetches;
    const res = await graph.query(query, {}, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' });
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT']).toContain(
      res.body.errors?.[0]?.extensions?.code,
    );
    expect(graph.fetches.fetches - before).toBe(0);
  });

  it('lets a legitimate deep profile through (control)', async () => {
    const before = graph.fetches.fetches;
    const res = await graph.query(
      `{ citizens(first: 2) { nodes { nin father { nin birthCommune { nameFr wilaya { nameAr } } } mother { nin } } } }`,
      {},
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(graph.fetches.fetches - before).toBeGreaterThan(0);
  });
});
