import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCitizensQuery, NAME_WINDOW } from '../subgraphs/citizens/queries.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/**
 * The name filter of `citizens`: prefixes of the four names (Latin ones without regard to
 * case, Arabic ones as written), in NIN order, page after page; and the plan it runs on.
 * More citizens than NAME_WINDOW, so that both of its statements answer some searches.
 */
let graph: TestGraph;
let ministry: string;
const CITIZENS = 2600;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: CITIZENS, seed: 3 });
  ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const LIST = `query($name: String!, $sex: Sex, $commune: String, $after: String) {
  citizens(first: 25, after: $after, filter: { name: $name, sex: $sex, birthCommuneCode: $commune }) {
    nodes { nin }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every NIN the API lists for the filter, following the cursors to the last page. */
async function listed(name: string, sex?: string, commune?: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { body: { errors?: unknown; data?: any } } = await graph.query(
      LIST,
      { name, sex, commune, after },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors).toBeUndefined();
    const page: {
      nodes: { nin: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = res.body.data.citizens;
    out.push(...page.nodes.map((n: { nin: string }) => n.nin));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/** The same filter as one plain statement: the four prefixes ORed, in NIN order. */
async function expected(name: string, sex?: string, commune?: string): Promise<string[]> {
  const lat = `${name.toLowerCase()}%`;
  const ar = `${name}%`;
  const found = await rows<{ nin: string }>(
    graph.database.db,
    sql`select nin from citizens.citizens
        where (lower(family_name_lat) like ${lat} or lower(given_name_lat) like ${lat}
               or family_name_ar like ${ar} or given_name_ar like ${ar})
          and (${sex ?? null}::text is null or sex = ${sex ?? null})
          and (${commune ?? null}::text is null or birth_commune_code = ${commune ?? null})
        order by nin`,
  );
  return found.map((r) => r.nin);
}

describe('citizens(filter: { name })', () => {
  it('finds every citizen whose names start so, in Latin script whatever the case and in Arabic, page after page', async () => {
    const [someone] = await rows<{
      given_ar: string;
      family_ar: string;
      family_lat: string;
      given_lat: string;
      commune: string;
    }>(
      graph.database.db,
      sql`select given_name_ar as given_ar, family_name_ar as family_ar, family_name_lat as family_lat,
            given_name_lat as given_lat, birth_commune_code as commune
          from citizens.citizens order by nin offset 1234 limit 1`,
    );
    const searches: [string, string?, string?][] = [
      [someone!.family_lat],
      [someone!.family_lat.toUpperCase()],
      [someone!.given_lat.slice(0, 3).toLowerCase()],
      [someone!.given_lat, 'FEMALE'],
      [someone!.given_lat, 'MALE'],
      [someone!.family_ar],
      [someone!.given_ar.slice(0, 2)],
      [someone!.family_lat.slice(0, 2), undefined, someone!.commune],
      ['Zzqx'],
      ['Zzqx', 'FEMALE'],
    ];
    let nonEmpty = 0;
    for (const [name, sex, commune] of searches) {
      const want = await expected(name, sex, commune);
      expect(await listed(name, sex, commune), `${name} ${sex ?? ''} ${commune ?? ''}`).toEqual(
        want,
      );
      if (want.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(7);
    // Upper and lower case give the same citizens; a name nobody bears gives none.
    expect(await listed(someone!.family_lat.toUpperCase())).toEqual(
      await listed(someone!.family_lat.toLowerCase()),
    );
    expect(await listed('Zzqx', 'FEMALE')).toEqual([]);
    expect(CITIZENS).toBeGreaterThan(NAME_WINDOW);
  });

  it('goes through the name indexes, never walking the primary key, even when nobody matches and a sex is given', async () => {
    const plan = await graph.database.db.transaction(async (tx) => {
      // The test's table is small enough to read whole; forbid that, to see which index
      // the planner takes when reading it whole is not the cheaper way (as at 1 M rows).
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = listCitizensQuery(tx, { name: 'Zzqx', sex: 'FEMALE' }, {
        limit: 26,
        size: 25,
        after: null,
      } as never);
      return rows<Record<string, string>>(tx, sql`explain ${query}`);
    });
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    for (const index of [
      'citizens_family_lat_idx',
      'citizens_given_lat_idx',
      'citizens_family_ar_idx',
      'citizens_given_ar_idx',
    ])
      expect(text).toContain(index);
    expect(text).not.toContain('citizens_pkey');
  });
});
