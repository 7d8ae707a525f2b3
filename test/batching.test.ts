import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;
let token: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 600 });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const LIST = /* GraphQL */ `
  query List($first: Int!) {
    citizens(first: $first, filter: { bornFrom: "1975-01-01" }) {
      nodes {
        nin
        familyNameLat
        birthCommune {
          code
          nameFr
          nameAr
          wilaya {
            nameFr
            nameAr
          }
        }
        father {
          nin
          givenNameLat
          birthCommune {
            nameFr
          }
        }
        mother {
          nin
          givenNameLat
        }
        children {
          nin
        }
      }
    }
  }
`;

/** Statements and subgraph fetches of one request, read from the real counters. */
async function measure(first: number) {
  const res = await graph.cost(LIST, { first }, { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' });
  expect(res.body.errors).toBeUndefined();
  const nodes = res.body.data.citizens.nodes as { father: unknown }[];
  return {
    rows: nodes.length,
    withFather: nodes.filter((n) => n.father).length,
    statements: res.statements,
    fetches: res.fetches,
  };
}

describe('no N+1: a list costs the same at any size', () => {
  it('10 and 100 citizens with birth communes, wilayas, parents and children', async () => {
    const small = await measure(10);
    const large = await measure(100);
    expect(small.rows).toBe(10);
    expect(large.rows).toBe(100);
    expect(large.withFather).toBeGreaterThan(10);
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
    // Registry: list, parents, children; audit: lock, quota, last hash, insert; territory:
    // communes, wilayas (twice at most, for the fathers' communes in a later fetch).
    expect(small.statements).toBeLessThanOrEqual(11);
  });
});
