import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, TRANSITIONS } from '../subgraphs/documents/workflow.js';
import { assumedListSizes } from '../gateway/limits.js';
import { SUPERGRAPH_SDL, startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

let graph: TestGraph;
let ministry: string;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 200 });
  ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});
afterAll(() => graph?.stop());

const asMinistry = () => ({ token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' });

const CITIZENS = `query($after: String, $from: LocalDate!) {
  citizens(first: 3, after: $after, filter: { bornFrom: $from }) {
    nodes { nin birthCommune { code } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const COMMUNES = `query($w: String!, $after: String) {
  communes(wilayaCode: $w, first: 5, after: $after) { nodes { code } pageInfo { endCursor } }
}`;

async function citizensPage(after: string | null, from = '1950-01-01') {
  return graph.query(CITIZENS, { after, from }, asMinistry());
}

function errorOf(res: {
  body: { errors?: { message: string; path?: unknown; extensions?: any }[] };
}) {
  expect(res.body.errors, 'an error was expected').toBeDefined();
  return res.body.errors![0]!;
}

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a cursor is bound to its list and its arguments', () => {
  it('a genuine next page follows the first, with no gap and no repeat', async () => {
    const first = await citizensPage(null);
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data.citizens;
    expect(page1.nodes).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await citizensPage(page1.pageInfo.endCursor);
    expect(second.body.errors).toBeUndefined();
    const page2 = second.body.data.citizens.nodes.map((n: { nin: string }) => n.nin);

    const six = await graph.query(
      `{ citizens(first: 6, filter: { bornFrom: "1950-01-01" }) { nodes { nin } } }`,
      {},
      asMinistry(),
    );
    const all = six.body.data.citizens.nodes.map((n: { nin: string }) => n.nin);
    expect([...page1.nodes.map((n: { nin: string }) => n.nin), ...page2]).toEqual(all);
  });

  it('a cursor from one filter is refused by the same list under another filter', async () => {
    const page = await citizensPage(null, '1950-01-01');
    const res = await citizensPage(page.body.data.citizens.pageInfo.endCursor, '1980-01-01');
    const error = errorOf(res);
    expect(error.extensions?.code).toBe('INVALID_CURSOR');
    expect(error.extensions?.field).toBe('after');
    expect(error.message).toMatch(/another list, or from this list with other arguments/);
    expect(res.body.data?.citizens ?? null).toBeNull();
  });

  it('a cursor from one list is refused by other lists', async () => {
    const page = await citizensPage(null);
    const cursor = page.body.data.citizens.pageInfo.endCursor as string;
    const commune = page.body.data.citizens.nodes[0].birthCommune.code as string;

    const born = await graph.query(
      `query($c: String!, $after: String) { commune(code: $c) { citizensBorn(first: 2, after: $after) { nodes { nin } } } }`,
      { c: commune, after: cursor },
      asMinistry(),
    );
    expect(errorOf(born).extensions?.code).toBe('INVALID_CURSOR');
    expect(errorOf(born).path).toEqual(['commune', 'citizensBorn']);

    const communes = await graph.query(COMMUNES, { w: '16', after: cursor });
    expect(errorOf(communes).extensions?.code).toBe('INVALID_CURSOR');

    const agent = await graph.token({ kind: 'agent', commune: '1601' });
    const queue = await graph.query(
      `query($after: String) { applicationQueue(first: 2, after: $after) { nodes { number } } }`,
      { after: cursor },
      { token: agent, purpose: 'COUNTER_SERVICE' },
    );
    expect(errorOf(queue).extensions?.code).toBe('INVALID_CURSOR');

    // The same field under another parent is another list too.
    const algiers = await graph.query(COMMUNES, { w: '16' });
    expect(algiers.body.errors).toBeUndefined();
    const oran = await graph.query(COMMUNES, {
      w: '31',
      after: algiers.body.data.communes.pageInfo.endCursor,
    });
    expect(errorOf(oran).extensions?.code).toBe('INVALID_CURSOR');
  });

  it('a tampered cursor is refused', async () => {
    const page = await citizensPage(null);
    const genuine = decode(page.body.data.citizens.pageInfo.endCursor);
    // Move the position by hand: the binding stays, the key changes.
    const tampered = encode({ ...genuine, k: '1' + genuine.k.slice(1).replace(/\d$/, '0') });
    const res = await citizensPage(tampered);
    expect(errorOf(res).extensions?.code).toBe('INVALID_CURSOR');
    expect(errorOf(res).message).toMatch(/was altered/);
  });

  it('a hand-made cursor (the old "k:" + base64 form) is refused', async () => {
    const page = await citizensPage(null);
    const nin = page.body.data.citizens.nodes[2].nin as string;
    for (const forged of [
      Buffer.from(`k:${nin}`).toString('base64url'),
      encode({ k: nin }),
      'not-a-cursor!',
      'x'.repeat(600),
    ]) {
      const res = await citizensPage(forged);
      const error = errorOf(res);
      expect(error.extensions?.code, forged).toBe('INVALID_CURSOR');
      expect(error.message).toMatch(/not a cursor returned by this graph/);
    }
  });
});

describe('nested lists that grow with use are connections', () => {
  const VEHICLE = `query($v: String!, $after: String) {
    vehicle(vin: $v) {
      owners(first: 1, after: $after) { nodes { owner { nin } fromDate } pageInfo { hasNextPage endCursor } }
      registrationCards(first: 1) { nodes { number status } pageInfo { hasNextPage endCursor } }
    }
  }`;

  it("a vehicle's owners page one at a time, oldest first, and each page's cursor stays with its vehicle", async () => {
    const sold = await rows<{ vin: string; owners: string[] }>(
      graph.database.db,
      sql`select vin, array_agg(owner_nin order by id) as owners from vehicles.ownerships
          group by vin having count(*) = 2 order by vin limit 2`,
    );
    expect(sold).toHaveLength(2);
    const [a, b] = sold as [(typeof sold)[0], (typeof sold)[0]];
    const transport = await graph.token({ kind: 'ministry', ministry: 'TRANSPORT' });
    const opts = { token: transport, purpose: 'VEHICLE_REGISTRATION' };

    const page1 = await graph.query(VEHICLE, { v: a.vin }, opts);
    expect(page1.body.errors).toBeUndefined();
    const owners1 = page1.body.data.vehicle.owners;
    expect(owners1.nodes.map((o: any) => o.owner.nin)).toEqual([a.owners[0]]);
    expect(owners1.pageInfo.hasNextPage).toBe(true);
    expect(page1.body.data.vehicle.registrationCards.nodes).toHaveLength(1);
    expect(page1.body.data.vehicle.registrationCards.pageInfo.hasNextPage).toBe(true);

    const page2 = await graph.query(VEHICLE, { v: a.vin, after: owners1.pageInfo.endCursor }, opts);
    expect(page2.body.errors).toBeUndefined();
    expect(page2.body.data.vehicle.owners.nodes.map((o: any) => o.owner.nin)).toEqual([
      a.owners[1],
    ]);
    expect(page2.body.data.vehicle.owners.pageInfo.hasNextPage).toBe(false);

    // The same cursor on another vehicle's owners is another list's cursor.
    const foreign = await graph.query(
      VEHICLE,
      { v: b.vin, after: owners1.pageInfo.endCursor },
      opts,
    );
    expect(errorOf(foreign).extensions?.code).toBe('INVALID_CURSOR');
    expect(errorOf(foreign).path).toEqual(['vehicle', 'owners']);
  });

  it('a page of citizens with their documents and vehicles costs the same statements at 10 and 60', async () => {
    const LIST = `query($n: Int!) { citizens(first: $n) { nodes { nin
      documents(first: 2) { nodes { number } pageInfo { hasNextPage } }
      applications(first: 2) { nodes { number } }
      vehicles(first: 2) { nodes { plate owners(first: 2) { nodes { fromDate } } } } } } }`;
    const small = await graph.cost(LIST, { n: 10 }, asMinistry());
    const large = await graph.cost(LIST, { n: 60 }, asMinistry());
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data.citizens.nodes).toHaveLength(60);
    const withDocuments = large.body.data.citizens.nodes.filter(
      (c: any) => c.documents.nodes.length > 0,
    );
    expect(withDocuments.length).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
  });

  it('every plain list left has a size the cost limit counts; the history bound holds for the workflow', () => {
    const sizes = assumedListSizes(SUPERGRAPH_SDL);
    for (const connection of [
      'Citizen.documents',
      'Citizen.applications',
      'Citizen.vehicles',
      'Vehicle.owners',
      'Vehicle.registrationCards',
    ]) {
      expect(sizes.has(connection), connection).toBe(false);
      const [type, field] = connection.split('.');
      expect(SUPERGRAPH_SDL).toMatch(
        new RegExp(`type ${type}\\b[^]*?\\n  ${field}\\(\\n[^)]*first: Int! = 20`),
      );
    }
    // The longest walk through the workflow, counting the first status, is the most
    // events one application can have: it must not exceed Application.history's size.
    const longest = (from: string, seen: Set<string>): number =>
      1 +
      Math.max(
        0,
        ...TRANSITIONS[from as keyof typeof TRANSITIONS]
          .filter((to) => !seen.has(to))
          .map((to) => longest(to, new Set([...seen, to]))),
      );
    const walk = longest('SUBMITTED', new Set(['SUBMITTED']));
    expect(walk).toBe(6); // SUBMITTED … DELIVERED
    expect(walk).toBeLessThanOrEqual(sizes.get('Application.history')!);
    expect(sizes.get('Application.history')).toBe(APPLICATION_STATUSES.length);
    expect(sizes.get('Citizen.children')).toBe(20);
  });
});
