import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLISTS } from '../subgraphs/hygiene/checklists.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let office: string;
const PURPOSE = 'PUBLIC_HYGIENE';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `i-${Math.random().toString(36).slice(2, 14)}`;
const today = () => new Date().toISOString().slice(0, 10);
const daysFrom = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const REGISTER = `mutation($i: RegisterEstablishmentInput!) { registerEstablishment(input: $i) { id standing } }`;
const INSPECT = /* GraphQL */ `
  mutation ($i: RecordInspectionInput!) {
    recordInspection(input: $i) {
      id
      score
      measure
      followUpDue
      followUpOf {
        id
      }
      establishment {
        id
        lastScore
        lastMeasure
        standing
        followUpDue
      }
    }
  }
`;

function registerCompany(name: string, token = office) {
  return graph.query(
    REGISTER,
    {
      i: {
        name,
        category: 'RESTAURANT',
        address: '12 boulevard Che Guevara',
        operatorNif: '000216001234567',
        idempotencyKey: key(),
      },
    },
    { token, purpose: PURPOSE },
  );
}

/** Every RESTAURANT item, the first `failing` of them NON_COMPLIANT. */
const restaurantItems = (failing: number) =>
  CHECKLISTS.RESTAURANT.map((code, i) => ({
    code,
    result: i < failing ? 'NON_COMPLIANT' : 'COMPLIANT',
  }));

function inspect(input: Record<string, unknown>, token = office) {
  return graph.query(
    INSPECT,
    {
      i: {
        date: today(),
        findings: 'Chambre froide à 9 °C.',
        measure: 'NONE',
        idempotencyKey: key(),
        ...input,
      },
    },
    { token, purpose: PURPOSE },
  );
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  office = await graph.token({ kind: 'agent', commune: '1601', service: 'HYGIENE' });
});
afterAll(() => graph?.stop());

describe('inspections', () => {
  it('records an inspection that proposes a closure, then its follow-up, and keeps the history', async () => {
    const { id } = (await registerCompany('Restaurant Le Sahel')).body.data.registerEstablishment;
    const first = await inspect({
      establishmentId: id,
      date: daysFrom(-10),
      items: restaurantItems(8),
      measure: 'CLOSURE_PROPOSED',
      followUpDue: daysFrom(5),
    });
    expect(first.body.errors).toBeUndefined();
    const closing = first.body.data.recordInspection;
    // 8 of the restaurant items failed, the others passed.
    const n = CHECKLISTS.RESTAURANT.length;
    expect(closing).toMatchObject({
      score: Math.round((100 * (n - 8)) / n),
      measure: 'CLOSURE_PROPOSED',
      followUpDue: daysFrom(5),
      establishment: {
        lastScore: Math.round((100 * (n - 8)) / n),
        lastMeasure: 'CLOSURE_PROPOSED',
        standing: 'POOR',
        followUpDue: daysFrom(5),
      },
    });

    const followUp = await inspect({
      establishmentId: id,
      items: restaurantItems(1),
      measure: 'WARNING',
      followUpOf: closing.id,
      findings: 'Chambre froide réparée ; un extincteur manque.',
    });
    expect(followUp.body.errors).toBeUndefined();
    expect(followUp.body.data.recordInspection).toMatchObject({
      score: Math.round((100 * (n - 1)) / n),
      followUpOf: { id: closing.id },
      establishment: { standing: 'GOOD', lastMeasure: 'WARNING', followUpDue: null },
    });

    const history = await graph.query(
      `query($id: String!) { establishment(id: $id) { inspections(first: 10) { nodes { id measure followUp { id } items { code result } } } } }`,
      { id },
      { token: office, purpose: PURPOSE },
    );
    expect(history.body.errors).toBeUndefined();
    const nodes = history.body.data.establishment.inspections.nodes;
    expect(nodes.map((n: { id: string }) => n.id)).toEqual([
      followUp.body.data.recordInspection.id,
      closing.id,
    ]);
    expect(nodes[1].followUp).toEqual({ id: followUp.body.data.recordInspection.id });
    expect(nodes[0].items).toHaveLength(CHECKLISTS.RESTAURANT.length);

    // Health reads the inspections for public health, the closure proposal included; under a
    // purpose that is not public health it reads nothing.
    const health = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const q = `query($e: String!, $i: String!) { inspection(id: $i) { id measure score establishment { id } } establishment(id: $e) { standing inspections(first: 10) { nodes { id } } } }`;
    const byHealth = await graph.query(
      q,
      { e: id, i: closing.id },
      { token: health, purpose: 'PUBLIC_HEALTH_SURVEILLANCE' },
    );
    expect(byHealth.body.errors).toBeUndefined();
    expect(byHealth.body.data).toEqual({
      inspection: {
        id: closing.id,
        measure: 'CLOSURE_PROPOSED',
        score: closing.score,
        establishment: { id },
      },
      establishment: {
        standing: 'GOOD',
        inspections: { nodes: nodes.map((n: { id: string }) => ({ id: n.id })) },
      },
    });
    const notHealth = await graph.query(
      q,
      { e: id, i: closing.id },
      { token: health, purpose: 'HEALTH_CARE' },
    );
    expect(notHealth.body.data?.inspection ?? null).toBeNull();
    expect(notHealth.body.data?.establishment ?? null).toBeNull();
  });

  it('refuses each bad inspection with its own code, writing nothing', async () => {
    const { id } = (await registerCompany('Restaurant El Djazair')).body.data.registerEstablishment;
    const before = [
      await countRows(graph.database.db, 'hygiene.inspections'),
      await countRows(graph.database.db, 'hygiene.inspection_items'),
    ];
    const bakeryItem = CHECKLISTS.BAKERY.find((c) => !CHECKLISTS.RESTAURANT.includes(c))!;
    const cases: [Record<string, unknown>, string][] = [
      [
        { establishmentId: 'EST-1601-999999', items: restaurantItems(0) },
        'ESTABLISHMENT_NOT_FOUND',
      ],
      [{ establishmentId: id, items: restaurantItems(0), date: daysFrom(2) }, 'INVALID_DATE'],
      [
        {
          establishmentId: id,
          items: [...restaurantItems(0), { code: bakeryItem, result: 'COMPLIANT' }],
        },
        'CHECKLIST_ITEM_INVALID',
      ],
      [{ establishmentId: id, items: restaurantItems(0).slice(1) }, 'CHECKLIST_INCOMPLETE'],
      [
        { establishmentId: id, items: restaurantItems(5), measure: 'FORMAL_NOTICE' },
        'BAD_USER_INPUT',
      ],
      [
        { establishmentId: id, items: restaurantItems(0), followUpOf: 'INS-1601-2020-000001' },
        'INSPECTION_NOT_FOUND',
      ],
    ];
    for (const [input, code] of cases) expect(codeOf(await inspect(input)), code).toBe(code);
    // Another commune's office cannot inspect it either.
    const oran = await graph.token({ kind: 'agent', commune: '3101', service: 'HYGIENE' });
    expect(codeOf(await inspect({ establishmentId: id, items: restaurantItems(0) }, oran))).toBe(
      'ESTABLISHMENT_NOT_FOUND',
    );
    expect([
      await countRows(graph.database.db, 'hygiene.inspections'),
      await countRows(graph.database.db, 'hygiene.inspection_items'),
    ]).toEqual(before);
  });

  it('costs the same statements for a list of establishments at 5 and at 25', async () => {
    const agent = await graph.token({ kind: 'agent', commune: '1605', service: 'HYGIENE' });
    for (let i = 0; i < 26; i += 1) {
      const { id } = (await registerCompany(`Restaurant ${i}`, agent)).body.data
        .registerEstablishment;
      if (i % 2 === 0) await inspect({ establishmentId: id, items: restaurantItems(i % 5) }, agent);
    }
    const q = `query($n: Int!) { establishments(communeCode: "1605", first: $n) { nodes { id standing operator { nin } inspections(first: 2) { nodes { score items { code } followUp { id } } } } } }`;
    const small = await graph.cost(q, { n: 5 }, { token: agent, purpose: PURPOSE });
    const large = await graph.cost(q, { n: 25 }, { token: agent, purpose: PURPOSE });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data.establishments.nodes).toHaveLength(25);
    expect(large.statements).toBe(small.statements);
  });
});

describe('water and campaigns', () => {
  it("shows Health a wilaya's non-compliant samples, and keeps a commune's office to its commune", async () => {
    const [point] = await rows<{ id: string; commune_code: string }>(
      graph.database.db,
      sql`select id, commune_code from hygiene.sampling_points order by id limit 1`,
    );
    const commune = point!.commune_code;
    const agent = await graph.token({ kind: 'agent', commune, service: 'HYGIENE' });
    const recorded = await graph.query(
      `mutation($i: RecordWaterSampleInput!) { recordWaterSample(input: $i) { id compliant failures } }`,
      {
        i: {
          samplingPointId: point!.id,
          takenOn: today(),
          freeChlorine: 0.05,
          eColi: 3,
          totalColiforms: 12,
        },
      },
      { token: agent, purpose: PURPOSE },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data.recordWaterSample).toMatchObject({
      compliant: false,
      failures: ['FREE_CHLORINE_LOW', 'E_COLI', 'TOTAL_COLIFORMS'],
    });

    const health = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const q = `query($a: String!) { waterSamples(area: $a, nonCompliantOnly: true, first: 100) { nodes { id compliant samplingPoint { id } } } }`;
    const seen = await graph.query(
      q,
      { a: commune.slice(0, 2) },
      { token: health, purpose: 'PUBLIC_HEALTH_SURVEILLANCE' },
    );
    expect(seen.body.errors).toBeUndefined();
    const nodes = seen.body.data.waterSamples.nodes;
    expect(nodes.map((n: { id: string }) => n.id)).toContain(
      recorded.body.data.recordWaterSample.id,
    );
    expect(nodes.every((n: { compliant: boolean }) => !n.compliant)).toBe(true);
    expect(JSON.stringify(seen.body)).not.toMatch(/\d{18}/);

    const wilayaByAgent = await graph.query(
      q,
      { a: commune.slice(0, 2) },
      { token: agent, purpose: PURPOSE },
    );
    expect(codeOf(wilayaByAgent)).toBe('FORBIDDEN');
    const healthCare = await graph.query(
      q,
      { a: commune },
      { token: health, purpose: 'HEALTH_CARE' },
    );
    expect(codeOf(healthCare)).toBe('FORBIDDEN');

    const before = await countRows(graph.database.db, 'hygiene.water_samples');
    const unknown = await graph.query(
      `mutation($i: RecordWaterSampleInput!) { recordWaterSample(input: $i) { id } }`,
      {
        i: {
          samplingPointId: 'SP-9999-01',
          takenOn: today(),
          freeChlorine: 0.3,
          eColi: 0,
          totalColiforms: 0,
        },
      },
      { token: agent, purpose: PURPOSE },
    );
    expect(codeOf(unknown)).toBe('SAMPLING_POINT_NOT_FOUND');
    expect(await countRows(graph.database.db, 'hygiene.water_samples')).toBe(before);

    const campaign = await graph.query(
      `mutation($i: RecordCampaignInput!) { recordHygieneCampaign(input: $i) { id kind householdsCovered } }`,
      {
        i: {
          kind: 'INSECT_CONTROL',
          district: 'Haï El Badr',
          startDate: daysFrom(-3),
          endDate: daysFrom(-1),
          sitesCovered: 14,
          householdsCovered: 820,
          product: 'Deltaméthrine',
        },
      },
      { token: agent, purpose: PURPOSE },
    );
    expect(campaign.body.data.recordHygieneCampaign).toMatchObject({
      kind: 'INSECT_CONTROL',
      householdsCovered: 820,
    });
  });

  it("gives a commune's figures to its office, Health and Interior's oversight, and to no other office", async () => {
    const q = `{ hygieneStatistics(communeCode: "1601") { overdueRequests medianHoursToResolve requestsByCategoryAndStatus { category status count } establishmentsByStanding { standing count } } }`;
    const interior = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const byOffice = await graph.query(q, {}, { token: office, purpose: PURPOSE });
    const byInterior = await graph.query(
      q,
      {},
      { token: interior, purpose: 'LOCAL_GOVERNMENT_OVERSIGHT' },
    );
    expect(byOffice.body.errors).toBeUndefined();
    expect(byInterior.body.data).toEqual(byOffice.body.data);
    const [row] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from hygiene.establishments where commune_code = '1601'`,
    );
    const standings = byOffice.body.data.hygieneStatistics.establishmentsByStanding;
    expect(standings.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(row!.n);
    const oran = await graph.token({ kind: 'agent', commune: '3101', service: 'HYGIENE' });
    expect(codeOf(await graph.query(q, {}, { token: oran, purpose: PURPOSE }))).toBe('FORBIDDEN');
  });
});
