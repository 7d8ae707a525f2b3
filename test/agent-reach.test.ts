import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeOfNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

/**
 * An agent's reach is their commune: every list, link and reference stops there, whatever
 * path leads to it; a person (or vehicle, or file) named by its key at the counter is
 * reachable anywhere. These are the paths issue 8 found open.
 */
let graph: TestGraph;
let home: string; // the agent's commune
let agent: string;
let ministry: string;
let child: { nin: string; father_nin: string }; // born in home, father born elsewhere
let elsewhere: string; // another commune of the same wilaya with people born there

const COUNTER = 'COUNTER_SERVICE';
const VEHICLES = 'VEHICLE_REGISTRATION';
const homeOf = (nins: string[]) => new Set(nins.map(communeOfNin));
let vinCounter = 0;
const newVin = () =>
  `VF1REACH${String(Date.now() % 100_000).padStart(5, '0')}${vinCounter++}`.padEnd(17, '7');

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 400 });
  // A child born in one commune whose father was born in another commune of the same wilaya.
  const [found] = await rows<{ nin: string; father_nin: string; code: string; other: string }>(
    graph.database.db,
    sql`select c.nin, c.father_nin, c.birth_commune_code as code, f.birth_commune_code as other
        from citizens.citizens c join citizens.citizens f on f.nin = c.father_nin
        where f.birth_commune_code <> c.birth_commune_code
          and left(f.birth_commune_code, 2) = left(c.birth_commune_code, 2)
        order by c.nin limit 1`,
  );
  expect(found, 'the seed has a family spread over two communes of a wilaya').toBeDefined();
  child = found!;
  home = found!.code;
  elsewhere = found!.other;
  agent = await graph.token({ kind: 'agent', commune: home });
  ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const asAgent = (q: string, v: Record<string, unknown> = {}, purpose = COUNTER) =>
  graph.query(q, v, { token: agent, purpose });

describe('lists never leave the agent’s commune', () => {
  const BORN = `query($c: String!) { commune(code: $c) { citizensBorn(first: 100) { nodes { nin } } } }`;

  it('Commune.citizensBorn of another commune is empty for the agent, not for a ministry', async () => {
    const theirs = await graph.query(
      BORN,
      { c: elsewhere },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(theirs.body.data.commune.citizensBorn.nodes.length).toBeGreaterThan(0);
    const res = await asAgent(BORN, { c: elsewhere });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commune.citizensBorn.nodes).toEqual([]);
    const own = await asAgent(BORN, { c: home });
    const nins = own.body.data.commune.citizensBorn.nodes.map((n: { nin: string }) => n.nin);
    expect(nins).toContain(child.nin);
  });

  it('through a wilaya’s communes, only the agent’s own commune has people', async () => {
    const wilaya = home.slice(0, 2);
    const [count] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from citizens.citizens
          where left(birth_commune_code, 2) = ${wilaya} and birth_commune_code <> ${home}
            and birth_commune_code <= ${`${wilaya}20`}`,
    );
    expect(Number(count!.n)).toBeGreaterThan(0);
    const res = await asAgent(
      `query($w: String!) { wilaya(code: $w) { communes(first: 20) { nodes { code citizensBorn(first: 5) { nodes { nin } } } } } }`,
      { w: wilaya },
    );
    expect(res.body.errors).toBeUndefined();
    const nins = res.body.data.wilaya.communes.nodes.flatMap(
      (c: { citizensBorn: { nodes: { nin: string }[] } }) => c.citizensBorn.nodes.map((n) => n.nin),
    );
    expect(nins.length).toBeGreaterThan(0);
    expect(homeOf(nins)).toEqual(new Set([home]));
  });

  it('citizens(filter) of another commune is refused with FORBIDDEN, writing no consultation', async () => {
    const res = await asAgent(
      `query($c: String!) { citizens(filter: { birthCommuneCode: $c }) { nodes { nin } } }`,
      { c: elsewhere },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
  });
});

describe('links and references stop at the commune too', () => {
  it('a person named at the counter is readable; their relative born elsewhere is not', async () => {
    const q = `query($n: String!) { citizen(nin: $n) { nin givenNameLat father { nin givenNameLat } } }`;
    const res = await asAgent(q, { n: child.nin });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citizen.nin).toBe(child.nin);
    expect(res.body.data.citizen.father).toBeNull();
    const byMinistry = await graph.query(
      q,
      { n: child.nin },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(byMinistry.body.data.citizen.father.nin).toBe(child.father_nin);
  });

  it('the father, named himself, is readable; his children are listed only if born here', async () => {
    const res = await asAgent(
      `query($n: String!) { citizen(nin: $n) { nin givenNameLat children { nin } } }`,
      { n: child.father_nin },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citizen.nin).toBe(child.father_nin);
    const children = res.body.data.citizen.children.map((c: { nin: string }) => c.nin);
    expect(children).toContain(child.nin);
    expect(homeOf(children)).toEqual(new Set([home]));
  });

  it('_entities at the registry: null outside the commune, the record inside', async () => {
    const token = await graph.internalToken('citizens', {
      principal: {
        kind: 'agent',
        sub: 'agent-x',
        clientId: 'counter',
        communeCode: home,
        service: 'COUNTER',
      },
      purpose: COUNTER,
    });
    const res = await fetch(graph.subgraphs.citizens!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { nin } } }`,
        variables: {
          r: [
            { __typename: 'Citizen', nin: child.father_nin },
            { __typename: 'Citizen', nin: child.nin },
          ],
        },
      }),
    });
    const body = (await res.json()) as { data: { _entities: ({ nin: string } | null)[] } };
    expect(body.data._entities).toEqual([null, { nin: child.nin }]);
  });
});

describe('vehicles: lists and owners within the commune; who may report a theft', () => {
  async function register(ownerNin: string) {
    const res = await asAgent(
      `mutation($i: RegisterVehicleInput!) { registerVehicle(input: $i) { vehicle { vin plate } } }`,
      {
        i: {
          vin: newVin(),
          make: 'Renault',
          model: 'Clio',
          category: 'TOURISM',
          energy: 'PETROL',
          year: 2020,
          ownerNin,
          idempotencyKey: `reach-${Math.random().toString(36).slice(2)}`,
        },
      },
      VEHICLES,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data.registerVehicle.vehicle as { vin: string; plate: string };
  }

  it('a vehicle’s owners: the agent sees those of the commune, the ministry all', async () => {
    const v = await register(child.nin);
    const transfer = await asAgent(
      `mutation($i: TransferOwnershipInput!) { transferOwnership(input: $i) { vehicle { vin } } }`,
      {
        i: {
          vin: v.vin,
          sellerNin: child.nin,
          buyerNin: child.father_nin,
          date: new Date().toISOString().slice(0, 10),
          idempotencyKey: `reach-t-${v.vin}`,
        },
      },
      VEHICLES,
    );
    expect(transfer.body.errors).toBeUndefined();
    const q = `query($v: String!) { vehicle(vin: $v) { vin owners { nodes { owner { nin } } } } }`;
    const mine = await asAgent(q, { v: v.vin }, VEHICLES);
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.vehicle.owners.nodes.map((o: any) => o.owner.nin)).toEqual([child.nin]);
    const transport = await graph.token({ kind: 'ministry', ministry: 'TRANSPORT' });
    const all = await graph.query(q, { v: v.vin }, { token: transport, purpose: VEHICLES });
    expect(all.body.data.vehicle.owners.nodes.map((o: any) => o.owner.nin)).toEqual([
      child.nin,
      child.father_nin,
    ]);
  });

  it('vehicles(wilayaCode) lists only vehicles of the commune’s people', async () => {
    await register(child.nin);
    const wilaya = home.slice(0, 2);
    const owners = await rows<{ owner_nin: string }>(
      graph.database.db,
      sql`select owner_nin from vehicles.vehicles where wilaya_code = ${wilaya}`,
    );
    expect(owners.some((o) => communeOfNin(o.owner_nin) !== home)).toBe(true);
    const res = await asAgent(
      `query($w: String!) { vehicles(wilayaCode: $w, first: 100) { nodes { vin currentOwner { nin } } } }`,
      { w: wilaya },
      VEHICLES,
    );
    expect(res.body.errors).toBeUndefined();
    const nins = res.body.data.vehicles.nodes.map((v: any) => v.currentOwner.nin);
    expect(nins.length).toBe(owners.filter((o) => communeOfNin(o.owner_nin) === home).length);
    expect(homeOf(nins)).toEqual(new Set([home]));
  });

  it('a theft is reported by the owner or the police, not by a counter or another ministry', async () => {
    const v = await register(child.nin);
    const REPORT = `mutation($v: String!) { reportVehicleStolen(vin: $v) { status } }`;
    const status = async () =>
      (
        await rows<{ status: string }>(
          graph.database.db,
          sql`select status from vehicles.vehicles where vin = ${v.vin}`,
        )
      )[0]!.status;

    const byAgent = await asAgent(REPORT, { v: v.vin }, VEHICLES);
    expect(byAgent.body.errors?.[0]?.extensions?.code).toBe('VEHICLE_NOT_FOUND');
    expect(byAgent.body.errors?.[0]?.message).toMatch(/that you may report on/);
    const byInterior = await graph.query(
      REPORT,
      { v: v.vin },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(byInterior.body.errors?.[0]?.extensions?.code).toBe('VEHICLE_NOT_FOUND');
    expect(await status()).toBe('ACTIVE');

    const police = await graph.token({ kind: 'ministry', ministry: 'NATIONAL_SECURITY' });
    const byPolice = await graph.query(
      REPORT,
      { v: v.vin },
      { token: police, purpose: 'POLICE_INVESTIGATION' },
    );
    expect(byPolice.body.data.reportVehicleStolen.status).toBe('STOLEN');
    expect(await status()).toBe('STOLEN');
  });
});

describe('an agent acts for one service of the commune', () => {
  const READ = `query($n: String!) { citizen(nin: $n) { nin } }`;

  it('a token naming no service is the counter’s; an unknown service is refused with 401', async () => {
    const { SignJWT } = await import('jose');
    const { LOCAL_AUDIENCE, LOCAL_ISSUER } = await import('../scripts/local-keys.js');
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ kind: 'agent', commune: home, client_id: `guichet-${home}`, ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('agent-old-token')
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(graph.keys.caller);
    const legacy = await graph.query(
      READ,
      { n: child.nin },
      { token: await sign({}), purpose: VEHICLES },
    );
    expect(legacy.body.errors).toBeUndefined();
    expect(legacy.body.data.citizen.nin).toBe(child.nin);
    const unknown = await graph.query(
      READ,
      { n: child.nin },
      { token: await sign({ service: 'JANITOR' }), purpose: COUNTER },
    );
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the civil-status office may not state the counter’s vehicle purpose', async () => {
    const token = await graph.token({ kind: 'agent', commune: home, service: 'CIVIL_STATUS' });
    const ok = await graph.query(READ, { n: child.nin }, { token, purpose: 'CIVIL_REGISTRATION' });
    expect(ok.body.data.citizen.nin).toBe(child.nin);
    const refused = await graph.query(READ, { n: child.nin }, { token, purpose: VEHICLES });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PURPOSE_NOT_ALLOWED',
    });
    expect(refused.body.errors?.[0]?.message).toMatch(/CIVIL_STATUS service/);
  });
});
