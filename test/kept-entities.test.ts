import { sql } from 'drizzle-orm';
import { allow } from 'graphql-shield';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptEntities } from '../gateway/kept-entities.js';
import { KEPT_ENTITIES } from '../schema/kept-entities.js';
import { subgraphs } from '../subgraphs/registry.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { sample, scrape } from './support/metrics.js';
import { rows } from './support/sql.js';

/**
 * gateway/kept-entities.ts answers entity fetches of the territory from what the communes
 * subgraph answered before: fewer fetches, the same answers, and nothing of one caller's
 * request ever in another's.
 */
let graph: TestGraph;
let nin: string;
let ministry: { token: string; purpose: string };

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 40 });
  [{ nin } = { nin: '' }] = await rows<{ nin: string }>(
    graph.database.db,
    sql`select nin from citizens.citizens where death_date is null order by nin limit 1`,
  );
  ministry = {
    token: await graph.token({ kind: 'ministry', ministry: 'INTERIOR' }),
    purpose: 'CIVIL_STATUS_ADMINISTRATION',
  };
});
afterAll(() => graph?.stop());

const kept = async (outcome: 'hit' | 'miss') =>
  sample(await scrape(graph.gateway.metricsUrl!), 'gateway_kept_entity_fetches_total', {
    subgraph: 'communes',
    outcome,
  });

/** As the gateway's data source asks: by the fetch's keys, none when it is not kept. */
const ask = (entities: KeptEntities, request: FetchRequest) => {
  const keys = entities.keysOf(request);
  return keys && entities.answer(keys);
};
const give = (entities: KeptEntities, request: FetchRequest, response: FetchResponse) =>
  entities.keep(entities.keysOf(request)!, response);
type FetchRequest = Parameters<KeptEntities['keysOf']>[0];
type FetchResponse = Parameters<KeptEntities['keep']>[1];

const PROFILE = `query Profile($nin: String!) {
  citizen(nin: $nin) { nin birthCommune { code nameFr wilaya { code nameFr } } }
}`;

describe('entities every caller may read alike, kept by the gateway', () => {
  it('a birth commune and its wilaya are fetched once, then answered by the gateway: same answer, one fetch fewer', async () => {
    const [hits, misses] = [await kept('hit'), await kept('miss')];
    const first = await graph.cost(PROFILE, { nin }, ministry);
    expect(first.body.errors).toBeUndefined();
    expect(first.fetches).toBe(2);
    expect(await kept('miss')).toBe(misses + 1);

    const second = await graph.cost(PROFILE, { nin }, ministry);
    expect(second.body).toEqual(first.body);
    expect(second.fetches).toBe(1);
    expect(await kept('hit')).toBe(hits + 1);
  });

  it('each answer is a copy: what Apollo Gateway merges into one never shows in the next', () => {
    // Apollo Gateway merges later fetches' data (another caller's, perhaps personal) into
    // the entities it received, by reference.
    const entities = new KeptEntities(['Commune'], 60_000);
    const request = {
      query:
        'query Q__communes__1($representations:[_Any!]!){_entities(representations:$representations){...on Commune{daira{communes{code}}}}}',
      variables: { representations: [{ __typename: 'Commune', code: '3101' }] },
    };
    const received = { daira: { communes: [{ code: '3101' }, { code: '3102' }] } };
    give(entities, request, { data: { _entities: [received] } });
    received.daira.communes[0]!.code = 'changed after it was kept';
    const first = ask(entities, request)!;
    const commune = (first.data!._entities as (typeof received)[])[0]!.daira.communes[0]!;
    expect(commune.code).toBe('3101');
    Object.assign(commune, { citizensBorn: { nodes: [{ nin: '123456789012345678' }] } });
    expect(ask(entities, request)).toEqual({
      data: { _entities: [{ daira: { communes: [{ code: '3101' }, { code: '3102' }] } }] },
    });
  });

  it('a representation that found nothing, or an answer with errors, is not kept', () => {
    const entities = new KeptEntities(['Commune'], 60_000);
    const request = {
      query:
        'query Q__communes__1($representations:[_Any!]!){_entities(representations:$representations){...on Commune{nameFr}}}',
      variables: { representations: [{ __typename: 'Commune', code: '9999' }] },
    };
    give(entities, request, { data: { _entities: [null] } });
    expect(ask(entities, request)).toBeNull();
    give(entities, request, { data: { _entities: [{ nameFr: 'X' }] }, errors: [{ message: 'e' }] });
    expect(ask(entities, request)).toBeNull();
    give(entities, request, { data: { _entities: [{ nameFr: 'X' }] } });
    expect(ask(entities, request)).toEqual({ data: { _entities: [{ nameFr: 'X' }] } });
    // Another type, another variable, another selection: never answered from what is kept.
    const other = { __typename: 'Citizen', nin: '1' };
    expect(ask(entities, { ...request, variables: { representations: [other] } })).toBeNull();
    expect(ask(entities, { ...request, variables: { ...request.variables, first: 2 } })).toBeNull();
    expect(
      ask(entities, { ...request, query: request.query.replace('nameFr', 'nameAr') }),
    ).toBeNull();
  });

  it('every type kept is public in its subgraph: no token needed, the same for every caller', () => {
    for (const [name, { types }] of Object.entries(KEPT_ENTITIES)) {
      const def = subgraphs.find((s) => s.name === name);
      expect(def, name).toBeDefined();
      const permissions = def!.schemaParts().permissions as Record<string, unknown>;
      for (const type of types) expect(permissions[type], `${name}.${type}`).toBe(allow);
    }
  });
});
