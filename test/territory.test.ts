import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communes } from '../db/tables/communes.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 20 });
});
afterAll(() => graph?.stop());

const COMMUNE = `query Commune($code: String!) {
  commune(code: $code) { code nameFr nameAr wilaya { code nameFr } daira { code nameFr } }
}`;

describe('the territory, kept across requests by the communes subgraph', () => {
  it('a commune and its wilaya and daïra cost statements once, then none, with the same answer', async () => {
    const first = await graph.cost(COMMUNE, { code: '3101' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.commune).toMatchObject({ code: '3101', wilaya: { code: '31' } });
    // The commune, then its wilaya and daïra (one statement each, batched per level).
    expect(first.statements).toBe(3);
    expect(first.fetches).toBe(1);

    const again = await graph.cost(COMMUNE, { code: '3101' });
    expect(again.body.data).toEqual(first.body.data);
    expect(again.statements).toBe(0);
    expect(again.fetches).toBe(1);
  });

  it('a code not found is asked of the database each time: a commune added is found at once', async () => {
    const code = '3199';
    const missing = await graph.query(COMMUNE, { code });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('COMMUNE_NOT_FOUND');
    expect(missing.body.errors?.[0]?.message).toBe(`there is no commune with code ${code}`);

    await graph.database.db.insert(communes).values({
      code,
      wilayaCode: '31',
      nameAr: 'بلدية التجربة',
      nameFr: 'Commune d’essai',
    });
    const found = await graph.query(COMMUNE, { code });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.commune).toMatchObject({ code, nameFr: 'Commune d’essai', daira: null });
  });
});
