import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';

let graph: TestGraph;
let token: string;
/** A seeded citizen with both parents on record. */
let child: {
  nin: string;
  father_nin: string;
  mother_nin: string;
  birth_commune_code: string;
  given_name_lat: string;
};

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 400 });
  token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
  const rows = (await graph.database.db.execute(
    sql`select nin, father_nin, mother_nin, birth_commune_code, given_name_lat from citizens.citizens
        where father_nin is not null and mother_nin is not null order by nin limit 1`,
  )) as unknown as { rows?: unknown[] } & unknown[];
  child = ((rows.rows ?? rows) as (typeof child)[])[0]!;
});
afterAll(() => graph?.stop());

const PROFILE = /* GraphQL */ `
  query Profile($nin: String!) {
    citizen(nin: $nin) {
      nin
      givenNameLat
      givenNameAr
      familyNameAr
      father {
        nin
        givenNameLat
      }
      mother {
        nin
        givenNameLat
        children {
          nin
        }
      }
      birthCommune {
        code
        nameFr
        nameAr
        wilaya {
          code
          nameFr
          nameAr
        }
      }
    }
  }
`;

describe('one query across the citizens and communes subgraphs', () => {
  it('returns a citizen with parents, birth commune and wilaya in Arabic and French', async () => {
    const res = await graph.query(
      PROFILE,
      { nin: child.nin },
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data.citizen;
    expect(c.nin).toBe(child.nin);
    expect(c.givenNameLat).toBe(child.given_name_lat);
    expect(c.givenNameAr).toMatch(/\p{Script=Arabic}/u);
    expect(c.father.nin).toBe(child.father_nin);
    expect(c.mother.nin).toBe(child.mother_nin);
    expect(c.mother.children.map((k: { nin: string }) => k.nin)).toContain(child.nin);
    expect(c.birthCommune.code).toBe(child.birth_commune_code);
    expect(c.birthCommune.nameAr).toMatch(/\p{Script=Arabic}/u);
    expect(c.birthCommune.nameFr).toMatch(/^[A-Z]/);
    expect(c.birthCommune.wilaya.code).toBe(child.birth_commune_code.slice(0, 2));
    expect(c.birthCommune.wilaya.nameAr).toMatch(/\p{Script=Arabic}/u);
    // The platform's own id, a UUID, never the caller's.
    expect(res.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('reads Alger Centre, its daïra and wilaya without a token (reference data)', async () => {
    const res = await graph.query(
      `{ commune(code: "1601") { nameFr nameAr wilaya { code nameFr nameBer } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commune).toEqual({
      nameFr: 'Alger Centre',
      nameAr: 'الجزائر الوسطى',
      wilaya: { code: '16', nameFr: 'Alger', nameBer: 'ⴷⵣⴰⵢⴻⵔ' },
    });
  });

  it('pages through the communes of a wilaya without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: any = await graph.query(
        `query($after: String) { communes(wilayaCode: "16", first: 20, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      seen.push(...res.body.data.communes.nodes.map((n: { code: string }) => n.code));
      if (!res.body.data.communes.pageInfo.hasNextPage) break;
      after = res.body.data.communes.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(57);
    expect(seen.every((c) => c.startsWith('16'))).toBe(true);
  });

  it('finds communes by name in French and in Arabic', async () => {
    const fr = await graph.query(`{ searchCommunes(name: "oran") { nodes { code nameFr } } }`);
    expect(fr.body.data.searchCommunes.nodes.map((n: { code: string }) => n.code)).toContain(
      '3101',
    );
    const ar = await graph.query(`{ searchCommunes(name: "وهران") { nodes { code } } }`);
    expect(ar.body.data.searchCommunes.nodes.map((n: { code: string }) => n.code)).toContain(
      '3101',
    );
  });

  it('lists citizens born in a commune through the Commune entity', async () => {
    const res = await graph.query(
      `query($code: String!) { commune(code: $code) { nameFr citizensBorn(first: 5) { nodes { nin birthCommune { code } } } } }`,
      { code: child.birth_commune_code },
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.commune.citizensBorn.nodes;
    const born = (await graph.database.db.execute(
      sql`select nin from citizens.citizens where birth_commune_code = ${child.birth_commune_code}
          order by nin limit 5`,
    )) as unknown as { rows?: { nin: string }[] } & { nin: string }[];
    expect(nodes.map((n: { nin: string }) => n.nin)).toEqual((born.rows ?? born).map((r) => r.nin));
    for (const n of nodes) expect(n.birthCommune.code).toBe(child.birth_commune_code);
  });

  it('hides a citizen from an anonymous caller', async () => {
    const res = await graph.query(PROFILE, { nin: child.nin });
    expect(res.body.data?.citizen ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
