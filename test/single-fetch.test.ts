import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type GraphResponse, type TestGraph } from './support/graph.js';
import { sample, scrape } from './support/metrics.js';
import { rows } from './support/sql.js';

/**
 * gateway/single-fetch.ts answers a query planned as one fetch to one subgraph without
 * Apollo Gateway's executor. Each test asks the same question twice as the same text (the
 * second goes the single-fetch way once the first was planned) and once as a text never
 * seen before (a different comment: Apollo Gateway's own executor), and expects the three
 * answers to be the same, errors included.
 */
let graph: TestGraph;
let nins: string[];
let asked: { token: string; purpose?: string };
const PURPOSE = 'SOCIAL_SECURITY_ENTITLEMENT';
let variant = 0;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 60 });
  nins = (
    await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens order by nin limit 3`,
    )
  ).map((r) => r.nin);
  asked = { token: await graph.token({ kind: 'ministry', ministry: 'HEALTH' }), purpose: PURPOSE };
});
afterAll(() => graph?.stop());

const executed = async () => {
  const text = await scrape(graph.gateway.metricsUrl!);
  return {
    single: sample(text, 'gateway_operations_executed_total', { path: 'single_fetch' }),
    plan: sample(text, 'gateway_operations_executed_total', { path: 'query_plan' }),
  };
};

/** The answer without what differs between any two requests (their ids). */
const comparable = (res: GraphResponse) => ({
  status: res.status,
  data: res.body.data,
  errors: res.body.errors?.map(({ extensions, ...error }) => {
    const { requestId: _requestId, ...rest } = extensions ?? {};
    return { ...error, extensions: rest };
  }),
});

/**
 * Asks `query` three times: once to plan it, once more (single fetch when eligible), and
 * once as a new text (Apollo's executor); returns the answers and which paths ran.
 */
async function thrice(
  query: string,
  variables: Record<string, unknown>,
  options: { token?: string; purpose?: string } = asked,
) {
  const planned = await graph.query(query, variables, options);
  const before = await executed();
  const again = await graph.cost(query, variables, options);
  const after = await executed();
  variant += 1;
  const usual = await graph.cost(`${query}\n# variant ${variant}`, variables, options);
  return {
    planned,
    again,
    usual,
    single: after.single - before.single,
    plan: after.plan - before.plan,
  };
}

describe('a query planned as one fetch to one subgraph', () => {
  const W1 = `query W1($nin: String!) { citizen(nin: $nin) { nin givenNameLat familyNameLat birthDate sex } }`;

  it('is answered by that fetch alone, with the answer Apollo Gateway gives', async () => {
    const { planned, again, usual, single, plan } = await thrice(W1, { nin: nins[0] });
    expect(again.status).toBe(200);
    expect(again.body.data.citizen.nin).toBe(nins[0]);
    expect(single).toBe(1);
    expect(plan).toBe(0);
    expect(again.fetches).toBe(1);
    expect(usual.fetches).toBe(1);
    expect(comparable(again)).toEqual(comparable(usual));
    expect(comparable(again)).toEqual(comparable(planned));
    // The subgraph audits the read either way: one row per request and NIN.
    const [audit] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from citizens.consultations where nin = ${nins[0]}`,
    );
    expect(audit!.n).toBe(3);
  });

  it('keeps aliases and answers null for a citizen that does not exist', async () => {
    const query = `query Two($a: String!, $b: String!) { first: citizen(nin: $a) { nin } second: citizen(nin: $b) { id: nin } }`;
    const missing = `${nins[1]!.slice(0, -2)}00`;
    const { again, usual, single } = await thrice(query, { a: nins[1], b: missing });
    expect(single).toBe(1);
    expect(Object.keys(again.body.data)).toEqual(['first', 'second']);
    expect(comparable(again)).toEqual(comparable(usual));
  });

  it("passes the subgraph's refusal on as Apollo Gateway does (code, message, path)", async () => {
    // No purpose given: the citizens subgraph refuses to read a person.
    const { again, usual, single } = await thrice(W1, { nin: nins[2] }, { token: asked.token });
    expect(single).toBe(1);
    expect(again.body.errors?.length).toBeGreaterThan(0);
    expect(again.body.errors![0]!.path).toEqual(['citizen']);
    expect(again.body.data).toEqual({ citizen: null });
    expect(comparable(again)).toEqual(comparable(usual));
  });

  it('refuses variables of the wrong type before any fetch: 400 BAD_USER_INPUT either way', async () => {
    await graph.query(W1, { nin: nins[0] }, asked);
    const before = await executed();
    const wrong = await graph.cost(W1, { nin: 42 }, asked);
    const after = await executed();
    expect(after.single - before.single + after.plan - before.plan).toBe(0);
    expect(wrong.fetches).toBe(0);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors?.[0]?.message).toBe(
      'Variable "$nin" got invalid value 42; String cannot represent a non string value: 42',
    );
    // A text never planned, and a missing variable, get the same treatment.
    variant += 1;
    const usual = await graph.cost(`${W1}\n# variant ${variant}`, { nin: 42 }, asked);
    expect(usual.fetches).toBe(0);
    expect(comparable(usual)).toEqual(comparable(wrong));
    const missing = await graph.query(W1, {}, asked);
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.body.errors?.[0]?.message).toBe(
      'Variable "$nin" of required type "String!" was not provided.',
    );
  });
});

describe('queries the gateway must shape itself', () => {
  it.each([
    [
      'reaches two subgraphs',
      `query($nin: String!) { citizen(nin: $nin) { nin birthCommune { nameFr } } }`,
    ],
    [
      'has a directive',
      `query($nin: String!, $x: Boolean!) { citizen(nin: $nin) { nin sex @include(if: $x) } }`,
    ],
    [
      'has a fragment',
      `query($nin: String!) { citizen(nin: $nin) { ...F } } fragment F on Citizen { nin }`,
    ],
    [
      'has a root field that cannot be null (a failed fetch would null the whole answer)',
      `query($nin: String!) { citizensByNin(nins: [$nin]) { nin } }`,
    ],
    [
      'asks for __typename at the root',
      `query($nin: String!) { __typename citizen(nin: $nin) { nin } }`,
    ],
  ])('go through Apollo Gateway when the operation %s', async (_, query) => {
    const { again, usual, single, plan } = await thrice(query, { nin: nins[0], x: true });
    expect(single).toBe(0);
    expect(plan).toBe(1);
    expect(again.body.errors).toBeUndefined();
    expect(comparable(again)).toEqual(comparable(usual));
  });
});

describe('a subgraph that is down', () => {
  it('gives the single fetch the answer Apollo Gateway gives: null and SERVICE_UNAVAILABLE', async () => {
    const COMMUNE = `query C($code: String!) { commune(code: $code) { code nameFr } }`;
    await graph.query(COMMUNE, { code: '1601' }, asked);
    await graph.subgraphs.communes!.stop();
    const before = await executed();
    const down = await graph.query(COMMUNE, { code: '1601' }, asked);
    const after = await executed();
    expect(after.single - before.single).toBe(1);
    const usual = await graph.query(`${COMMUNE}\n# down`, { code: '1601' }, asked);
    expect(down.body.data).toEqual({ commune: null });
    expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(comparable(down)).toEqual(comparable(usual));
  });
});
