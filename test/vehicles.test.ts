import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let agent: string;
const PURPOSE = 'VEHICLE_REGISTRATION';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `v-${Math.random().toString(36).slice(2, 14)}`;
let vinCounter = 0;
/** A fresh valid VIN (no I, O, Q). */
const newVin = () =>
  `VF1TEST${String(Date.now() % 1_000_000).padStart(6, '0')}${String(vinCounter++).padStart(4, '0')}`.slice(
    0,
    17,
  );

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterVehicleInput!) {
    registerVehicle(input: $input) {
      replayed
      vehicle {
        vin
        plate
        status
      }
      card {
        number
        plate
        status
      }
    }
  }
`;
const TRANSFER = /* GraphQL */ `
  mutation Transfer($input: TransferOwnershipInput!) {
    transferOwnership(input: $input) {
      replayed
      vehicle {
        vin
        currentOwner {
          nin
        }
      }
      card {
        number
        status
      }
    }
  }
`;

async function livingAdults(n: number, offset = 0) {
  return rows<{ nin: string }>(
    graph.database.db,
    sql`select nin from citizens.citizens where death_date is null and birth_date < '2000-01-01' order by nin limit ${n} offset ${offset}`,
  );
}

async function register(ownerNin: string, over: Record<string, unknown> = {}) {
  return graph.query(
    REGISTER,
    {
      input: {
        vin: newVin(),
        make: 'Renault',
        model: 'Symbol',
        category: 'TOURISM',
        energy: 'PETROL',
        year: 2025,
        ownerNin,
        idempotencyKey: key(),
        ...over,
      },
    },
    { token: agent, purpose: PURPOSE },
  );
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 800 });
  agent = await graph.token({ kind: 'agent', commune: '3101' });
});
afterAll(() => graph?.stop());

describe('registration and plates', () => {
  it('registers a vehicle with an Oran plate of its series and a first card', async () => {
    const [owner] = await livingAdults(1);
    const res = await register(owner!.nin);
    expect(res.body.errors).toBeUndefined();
    const { vehicle, card } = res.body.data.registerVehicle;
    const yy = new Date().toISOString().slice(2, 4);
    expect(vehicle.plate).toMatch(new RegExp(`^\\d{5}-1${yy}-31$`));
    expect(card).toMatchObject({ plate: vehicle.plate, status: 'VALID' });
    expect(card.number).toMatch(/^CG-31-\d{8}$/);
  });

  it('never gives two concurrent registrations the same plate', async () => {
    const owners = await livingAdults(12, 20);
    const answers = await Promise.all(
      owners.map((o) =>
        register(o.nin, { category: 'VAN', energy: 'DIESEL', make: 'Toyota', model: 'Hilux' }),
      ),
    );
    expect(answers.map(codeOf).filter(Boolean)).toEqual([]);
    const plates = answers.map((a) => a.body.data.registerVehicle.vehicle.plate as string);
    expect(new Set(plates).size).toBe(12);
    const serials = plates.map((p) => Number(p.slice(0, 5))).sort((a, b) => a - b);
    expect(serials[11]! - serials[0]!).toBe(11);
  });

  it('refuses bad input and unknown or dead owners, writing nothing', async () => {
    const [dead] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is not null limit 1`,
    );
    const [owner] = await livingAdults(1, 40);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['VIN with an O', owner!.nin, { vin: 'VF1AAAAAO12345678' }, 'INVALID_VIN'],
      ['VIN too short', owner!.nin, { vin: 'VF1AB' }, 'INVALID_VIN'],
      ['owner NIN malformed', '123', {}, 'INVALID_NIN'],
      ['unknown owner', makeNin('119993101', 9_999_999), {}, 'CITIZEN_NOT_FOUND'],
      ['dead owner', dead!.nin, {}, 'CITIZEN_DECEASED'],
      ['year out of range', owner!.nin, { year: 1900 }, 'BAD_USER_INPUT'],
    ];
    for (const [what, nin, over, code] of cases) {
      const before = await countRows(graph.database.db, 'vehicles.vehicles');
      const res = await register(nin, over);
      expect(codeOf(res), what).toBe(code);
      expect(await countRows(graph.database.db, 'vehicles.vehicles'), what).toBe(before);
    }
    const first = await register(owner!.nin, { vin: 'VF1REGSTERED00001' });
    expect(first.body.errors).toBeUndefined();
    expect(codeOf(await register(owner!.nin, { vin: 'VF1REGSTERED00001' }))).toBe(
      'VIN_ALREADY_REGISTERED',
    );
  });
});

describe('transfer of ownership', () => {
  it('closes the old card and issues the new one in one step; a retry replays it', async () => {
    const [seller, buyer] = await livingAdults(2, 60);
    const vin = (await register(seller!.nin)).body.data.registerVehicle.vehicle.vin;
    const input = {
      vin,
      sellerNin: seller!.nin,
      buyerNin: buyer!.nin,
      date: new Date().toISOString().slice(0, 10),
      idempotencyKey: key(),
    };
    const res = await graph.query(TRANSFER, { input }, { token: agent, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.transferOwnership).toMatchObject({
      replayed: false,
      vehicle: { currentOwner: { nin: buyer!.nin } },
      card: { status: 'VALID' },
    });
    const again = await graph.query(TRANSFER, { input }, { token: agent, purpose: PURPOSE });
    expect(again.body.data.transferOwnership).toMatchObject({
      replayed: true,
      card: { number: res.body.data.transferOwnership.card.number },
    });
    // The ministry's reach is national; an agent's stops at its commune (test/agent-reach.test.ts).
    const transport = await graph.token({ kind: 'ministry', ministry: 'TRANSPORT' });
    const history = await graph.query(
      `query($v: String!) { vehicle(vin: $v) { owners { nodes { owner { nin } fromDate toDate } } registrationCards { nodes { status holder { nin } } } } }`,
      { v: vin },
      { token: transport, purpose: PURPOSE },
    );
    expect(history.body.errors).toBeUndefined();
    const v = history.body.data.vehicle;
    expect(v.owners.nodes.map((o: { owner: { nin: string } }) => o.owner.nin)).toEqual([
      seller!.nin,
      buyer!.nin,
    ]);
    expect(v.owners.nodes[0].toDate).toBe(input.date);
    expect(v.registrationCards.nodes.map((c: { status: string }) => c.status)).toEqual([
      'CLOSED',
      'VALID',
    ]);
  });

  it('refuses each bad transfer with its own code and writes nothing', async () => {
    const [owner, buyer, stranger] = await livingAdults(3, 80);
    const [dead] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is not null limit 1`,
    );
    const vin = (await register(owner!.nin)).body.data.registerVehicle.vehicle.vin;
    const stolenVin = (await register(owner!.nin)).body.data.registerVehicle.vehicle.vin;
    const police = await graph.token({ kind: 'ministry', ministry: 'NATIONAL_SECURITY' });
    const stolen = await graph.query(
      `mutation($v: String!) { reportVehicleStolen(vin: $v) { status } }`,
      { v: stolenVin },
      { token: police, purpose: 'POLICE_INVESTIGATION' },
    );
    expect(stolen.body.data.reportVehicleStolen.status).toBe('STOLEN');
    const [scrapped] = await rows<{ vin: string; owner_nin: string }>(
      graph.database.db,
      sql`select vin, owner_nin from vehicles.vehicles where status = 'SCRAPPED' limit 1`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const t = (over: Record<string, unknown>) => ({
      vin,
      sellerNin: owner!.nin,
      buyerNin: buyer!.nin,
      date: today,
      idempotencyKey: key(),
      ...over,
    });
    const cases: [string, Record<string, unknown>, string][] = [
      ['seller is not the owner', t({ sellerNin: stranger!.nin }), 'NOT_CURRENT_OWNER'],
      ['stolen vehicle', t({ vin: stolenVin }), 'VEHICLE_STOLEN'],
      [
        'scrapped vehicle',
        t({ vin: scrapped!.vin, sellerNin: scrapped!.owner_nin }),
        'VEHICLE_SCRAPPED',
      ],
      ['dead buyer', t({ buyerNin: dead!.nin }), 'CITIZEN_DECEASED'],
      ['unknown buyer', t({ buyerNin: makeNin('219993101', 9_999_998) }), 'CITIZEN_NOT_FOUND'],
      ['unknown vehicle', t({ vin: 'VF1NXSUCHVEH12345' }), 'VEHICLE_NOT_FOUND'],
      ['malformed VIN', t({ vin: 'OOPS' }), 'INVALID_VIN'],
      ['sale in the future', t({ date: '2999-01-01' }), 'INVALID_DATE'],
      ['buyer is the seller', t({ buyerNin: owner!.nin }), 'BAD_USER_INPUT'],
    ];
    for (const [what, input, code] of cases) {
      const before = [
        await countRows(graph.database.db, 'vehicles.ownerships'),
        await countRows(graph.database.db, 'vehicles.registration_cards'),
      ];
      const res = await graph.query(TRANSFER, { input }, { token: agent, purpose: PURPOSE });
      expect(codeOf(res), what).toBe(code);
      expect(res.body.data?.transferOwnership ?? null, what).toBeNull();
      expect(
        [
          await countRows(graph.database.db, 'vehicles.ownerships'),
          await countRows(graph.database.db, 'vehicles.registration_cards'),
        ],
        what,
      ).toEqual(before);
    }
  });
});

describe('reading vehicles', () => {
  it('a citizen’s profile with documents and vehicles in one query, across four subgraphs', async () => {
    const [row] = await rows<{ owner_nin: string }>(
      graph.database.db,
      sql`select v.owner_nin from vehicles.vehicles v where exists (select 1 from documents.documents d where d.holder_nin = v.owner_nin) order by v.vin limit 1`,
    );
    const token = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const res = await graph.query(
      `query($n: String!) { citizen(nin: $n) { nin familyNameLat birthCommune { nameFr wilaya { nameAr } }
          documents { nodes { number type status } } vehicles { nodes { plate make model registeringWilaya { nameFr registeredVehicleCount } } } } }`,
      { n: row!.owner_nin },
      { token, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data.citizen;
    // Exactly the rows the tables hold for this citizen, from each subgraph's own schema.
    const docs = await rows<{ number: string }>(
      graph.database.db,
      sql`select number from documents.documents where holder_nin = ${row!.owner_nin} order by number`,
    );
    const cars = await rows<{ plate: string; name_fr: string }>(
      graph.database.db,
      sql`select v.plate, w.name_fr from vehicles.vehicles v join communes.wilayas w on w.code = v.wilaya_code
          where v.owner_nin = ${row!.owner_nin} order by v.plate`,
    );
    expect(c.documents.nodes.map((d: { number: string }) => d.number).sort()).toEqual(
      docs.map((d) => d.number),
    );
    expect(
      c.vehicles.nodes
        .map((v: { plate: string; registeringWilaya: { nameFr: string } }) => ({
          plate: v.plate,
          name_fr: v.registeringWilaya.nameFr,
        }))
        .sort((a: { plate: string }, b: { plate: string }) => (a.plate < b.plate ? -1 : 1)),
    ).toEqual(cars);
    expect(c.vehicles.nodes[0].plate).toMatch(/^\d{5}-\d{3}-\d{2}$/);
    const code = c.vehicles.nodes[0].plate.slice(-2);
    const [n] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from vehicles.vehicles where wilaya_code = ${code} and status = 'ACTIVE'`,
    );
    expect(c.vehicles.nodes[0].registeringWilaya.registeredVehicleCount).toBe(Number(n!.n));
  });

  it('the vehicles group: allowed for TRANSPORT, denied for EDUCATION', async () => {
    const [row] = await rows<{ owner_nin: string }>(
      graph.database.db,
      sql`select owner_nin from vehicles.vehicles order by vin limit 1`,
    );
    const q = `query($n: String!) { citizen(nin: $n) { nin vehicles { nodes { plate } } } }`;
    const transport = await graph.query(
      q,
      { n: row!.owner_nin },
      {
        token: await graph.token({ kind: 'ministry', ministry: 'TRANSPORT' }),
        purpose: 'VEHICLE_REGISTRATION',
      },
    );
    expect(transport.body.errors).toBeUndefined();
    const plates = await rows<{ plate: string }>(
      graph.database.db,
      sql`select plate from vehicles.vehicles where owner_nin = ${row!.owner_nin} order by plate`,
    );
    expect(
      transport.body.data.citizen.vehicles.nodes.map((v: { plate: string }) => v.plate).sort(),
    ).toEqual(plates.map((p) => p.plate));
    const education = await graph.query(
      q,
      { n: row!.owner_nin },
      {
        token: await graph.token({ kind: 'ministry', ministry: 'EDUCATION' }),
        purpose: 'SCHOOL_ENROLMENT',
      },
    );
    expect(education.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      group: 'VEHICLES',
    });
    expect(JSON.stringify(education.body)).not.toMatch(/\d{5}-\d{3}-\d{2}/);
  });

  it('stolenCheck answers without a token and shows nothing of the owner', async () => {
    const [v] = await rows<{ plate: string; vin: string; owner_nin: string }>(
      graph.database.db,
      sql`select plate, vin, owner_nin from vehicles.vehicles where status = 'ACTIVE' order by vin limit 1`,
    );
    const owner = await graph.token({ kind: 'citizen', nin: v!.owner_nin });
    await graph.query(
      `mutation($v: String!) { reportVehicleStolen(vin: $v) { status } }`,
      { v: v!.vin },
      { token: owner },
    );
    const res = await graph.query(
      `query($p: String!) { stolenCheck(plate: $p) { plate known stolen make model } }`,
      { p: v!.plate },
    );
    expect(res.body.data.stolenCheck).toMatchObject({ plate: v!.plate, known: true, stolen: true });
    expect(JSON.stringify(res.body)).not.toContain(v!.owner_nin);
    const unknown = await graph.query(`{ stolenCheck(plate: "99999-199-99") { known stolen } }`);
    expect(unknown.body.data.stolenCheck).toEqual({ known: false, stolen: false });
    expect(codeOf(await graph.query(`{ stolenCheck(plate: "ABC") { known } }`))).toBe(
      'INVALID_PLATE',
    );
  });

  it('a wilaya’s vehicles with their owners cost the same at 10 and 60', async () => {
    const owners = await livingAdults(60, 100);
    for (const o of owners)
      await register(o.nin, { category: 'MOTORCYCLE', make: 'Yamaha', model: 'YBR 125' });
    const token = await graph.token({ kind: 'ministry', ministry: 'TRANSPORT' });
    const measure = async (first: number) => {
      const res = await graph.cost(
        `query($first: Int!) { vehicles(wilayaCode: "31", first: $first, filter: { category: MOTORCYCLE }) { nodes { plate currentOwner { familyNameLat givenNameLat } registeringWilaya { nameFr } } } }`,
        { first },
        { token, purpose: 'VEHICLE_REGISTRATION' },
      );
      expect(res.body.errors).toBeUndefined();
      return {
        n: res.body.data.vehicles.nodes.length,
        statements: res.statements,
        fetches: res.fetches,
      };
    };
    const small = await measure(10);
    const large = await measure(60);
    expect(small.n).toBe(10);
    expect(large.n).toBe(60);
    // Not more statements or fetches for more rows; fewer is allowed: the territory looked
    // up for the first page is kept (schema/kept-entities.ts), so the second may find it so.
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(large.fetches).toBeLessThanOrEqual(small.fetches);
  });
});
