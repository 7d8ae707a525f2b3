import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, scrape } from './support/metrics.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

let graph: TestGraph;
let person: { nin: string; birth_commune_code: string };
let other: { nin: string };
let token: string;
const filed: string[] = [];
let certificate: string;

const HISTORY = /* GraphQL */ `
  query History($first: Int, $after: String) {
    me {
      history(first: $first, after: $after) {
        edges {
          cursor
          node {
            at
            domain
            kind
            itemId
            title
            status
            key
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

interface Item {
  at: string;
  domain: string;
  kind: string;
  itemId: string;
  title: string;
  status: string | null;
  key: string;
}

const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `hist-${Math.random().toString(36).slice(2, 14)}`;

/** What the services hold for one NIN, counted in their tables, not through the graph. */
async function itemsInTables(nin: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    graph.database.db,
    sql`select (
      (select count(*) from citizens.civil_acts where subject_nin = ${nin} or partner_nin = ${nin})
      + (select count(*) from citizens.extracts where nin = ${nin})
      + (select count(*) from citizens.certificate_requests where nin = ${nin})
      + (select count(*) from documents.documents where holder_nin = ${nin})
      + (select count(*) from documents.applications where nin = ${nin})
      + (select count(*) from vehicles.ownerships where owner_nin = ${nin})
      + (select count(*) from hygiene.requests where requester_nin = ${nin})
      + (select count(*) from patrimony.leases where tenant_nin = ${nin})
      + (select count(*) from disputes.cases where party_nin = ${nin})
      + (select count(*) from associations.founders where nin = ${nin})
      + (select count(*) from associations.board_members where nin = ${nin})
    )::int as n`,
  );
  return Number(row!.n);
}

async function allPages(first: number): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: { body: { errors?: unknown; data?: any } } = await graph.query(
      HISTORY,
      { first, after },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    const history: {
      edges: { node: Item }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    } = res.body.data.me.history;
    items.push(...history.edges.map((e) => e.node));
    pages += 1;
    if (!history.pageInfo.hasNextPage) break;
    after = history.pageInfo.endCursor;
    expect(pages).toBeLessThan(100);
  }
  return { items, pages };
}

/** Every subgraph's GraphQL requests, gateway fetches and peer calls alike. */
async function subgraphRequests(): Promise<number> {
  let total = 0;
  for (const s of Object.values(graph.subgraphs))
    total += sample(await scrape(s.metricsUrl!), 'graphql_requests_total');
  return total;
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 400 });
  // A living adult who holds a document and has owned a vehicle (seeded), with a birth act.
  person = (
    await rows<{ nin: string; birth_commune_code: string }>(
      graph.database.db,
      sql`select c.nin, c.birth_commune_code from citizens.citizens c
        where c.death_date is null and c.birth_date < '2000-01-01'
          and exists (select 1 from documents.documents d where d.holder_nin = c.nin)
          and exists (select 1 from vehicles.ownerships o where o.owner_nin = c.nin)
        order by c.nin limit 1`,
    )
  )[0]!;
  other = (
    await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens
        where nin <> ${person!.nin} and death_date is null and birth_date < '2000-01-01'
          and exists (select 1 from documents.documents d where d.holder_nin = nin)
        order by nin limit 1`,
    )
  )[0]!;
  token = await graph.token({ kind: 'citizen', nin: person!.nin });
  // What the citizen does themself: two hygiene requests and a certificate request.
  for (const place of ['Rue des Oliviers', 'Marché couvert']) {
    const res = await graph.query(
      `mutation($input: FileHygieneRequestInput!) { fileHygieneRequest(input: $input) { number } }`,
      {
        input: {
          communeCode: person!.birth_commune_code,
          category: 'WASTE_NOT_COLLECTED',
          place,
          text: 'Dépôt sauvage de déchets depuis une semaine',
          idempotencyKey: key(),
        },
      },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    filed.push(res.body.data.fileHygieneRequest.number);
  }
  const cert = await graph.query(
    `mutation($input: RequestCertificateInput!) { requestCertificate(input: $input) { request { number } } }`,
    {
      input: {
        type: 'RESIDENCE_CERTIFICATE',
        reason: 'Dossier de logement',
        address: '12 rue des Oliviers',
        contactPhone: '0661234567',
        idempotencyKey: key(),
      },
    },
    { token },
  );
  expect(cert.body.errors).toBeUndefined();
  certificate = cert.body.data.requestCertificate.request.number;
});
afterAll(() => graph?.stop());

describe("a citizen's administrative history (me { history })", () => {
  it('gathers acts, certificate requests, documents, vehicles and requests to the commune, newest first, in one query', async () => {
    const res = await graph.query(HISTORY, { first: 100 }, { token });
    expect(res.body.errors).toBeUndefined();
    const items: Item[] = res.body.data.me.history.edges.map((e: { node: Item }) => e.node);
    expect(res.body.data.me.history.pageInfo.hasNextPage).toBe(false);
    expect(items).toHaveLength(await itemsInTables(person.nin));

    const domains = new Set(items.map((i) => i.domain));
    for (const d of ['CITIZENS', 'DOCUMENTS', 'VEHICLES', 'HYGIENE']) expect(domains).toContain(d);
    expect(items.filter((i) => i.kind === 'HYGIENE_REQUEST').map((i) => i.itemId)).toEqual(
      expect.arrayContaining(filed),
    );
    expect(items.find((i) => i.itemId === certificate)).toMatchObject({
      domain: 'CITIZENS',
      kind: 'CERTIFICATE_REQUEST',
      status: 'SUBMITTED',
      title: 'RESIDENCE_CERTIFICATE requested (ONLINE)',
    });
    expect(items.filter((i) => i.kind === 'CIVIL_ACT').map((i) => i.title)).toContain('BIRTH act');
    expect(items.find((i) => i.kind === 'VEHICLE_OWNERSHIP')?.itemId).toMatch(
      /^[A-HJ-NPR-Z0-9]{17}$/,
    );
    expect(items.find((i) => i.kind === 'DOCUMENT')?.title).toMatch(/ issued$/);

    // Newest first: the latest filings lead; the birth act (the oldest fact) comes last.
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]!.at >= items[i]!.at, `${items[i - 1]!.key} before ${items[i]!.key}`).toBe(
        true,
      );
    expect(new Set(items.slice(0, 3).map((i) => i.itemId))).toEqual(
      new Set([...filed, certificate]),
    );
    expect(items.at(-1)).toMatchObject({ kind: 'CIVIL_ACT', title: 'BIRTH act' });
    expect(items.map((i) => i.key)).toHaveLength(new Set(items.map((i) => i.key)).size);
  });

  it('pages through it without losing or repeating an item', async () => {
    const whole = (await allPages(100)).items;
    for (const size of [1, 2, 3]) {
      const { items, pages } = await allPages(size);
      expect(
        items.map((i) => i.key),
        `pages of ${size}`,
      ).toEqual(whole.map((i) => i.key));
      expect(pages).toBe(Math.ceil(whole.length / size));
    }
  });

  it('costs the same statements and subgraph fetches (peer calls included) for a page of 2 or of 100', async () => {
    const measure = async (first: number) => {
      const before = await subgraphRequests();
      const res = await graph.cost(HISTORY, { first }, { token });
      expect(res.body.errors).toBeUndefined();
      return {
        size: res.body.data.me.history.edges.length,
        statements: res.statements,
        fetches: res.fetches,
        subgraphRequests: (await subgraphRequests()) - before,
      };
    };
    await measure(2); // warm the issuer key and the loaders' first use
    const small = await measure(2);
    const large = await measure(100);
    expect(small.size).toBe(2);
    expect(large.size).toBeGreaterThan(small.size);
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
    expect(large.subgraphRequests).toBe(small.subgraphRequests);
    // One gateway fetch (citizens), then one call to each of the six contributors.
    expect(small.fetches).toBe(1);
    expect(small.subgraphRequests).toBe(7);
    // Per service: its history statement (the registry: and the citizen) and its audit
    // rows' few statements; nothing per item (29 seen here).
    expect(small.statements).toBeLessThanOrEqual(32);
  });

  it("is the citizen's alone: not another citizen's, not an agent's, not a ministry's", async () => {
    const theirs = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { history(first: 5) { edges { node { key } } } } }`,
      { nin: other.nin },
      { token },
    );
    expect(theirs.body).toEqual({ data: { citizen: null } });

    const ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const read = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { nin history(first: 5) { edges { node { key } } } } }`,
      { nin: person.nin },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(read)).toBe('FORBIDDEN');
    expect(read.body.errors![0]!.extensions!.group).toBe('HISTORY');
    expect(read.body.errors![0]!.extensions!.reason).toBe('GROUP_NOT_COVERED');

    const agent = await graph.token({
      kind: 'agent',
      commune: person.birth_commune_code,
      service: 'COUNTER',
    });
    const atCounter = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { history(first: 5) { edges { node { key } } } } }`,
      { nin: person.nin },
      { token: agent, purpose: 'COUNTER_SERVICE' },
    );
    expect(codeOf(atCounter)).toBe('FORBIDDEN');

    // The contributors' own fields are not part of the public API.
    const hidden = await graph.query(
      `{ me { documentsHistory(limit: 5) { key } } }`,
      {},
      { token },
    );
    expect(codeOf(hidden)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(hidden.body.errors![0]!.message).toMatch(/documentsHistory/);
  });

  it('refuses a page size outside 1–100 and a cursor that is not one of its own', async () => {
    for (const first of [0, 101]) {
      const res = await graph.query(HISTORY, { first }, { token });
      expect(codeOf(res), `first=${first}`).toBe('INVALID_PAGE_SIZE');
      expect(res.body.errors![0]!.message).toBe(
        `first must be between 1 and 100 (got ${first}); page through longer lists with after`,
      );
      expect(res.body.errors![0]!.extensions!.field).toBe('first');
    }
    const malformed = await graph.query(HISTORY, { first: 5, after: 'not-a-cursor' }, { token });
    expect(codeOf(malformed)).toBe('INVALID_CURSOR');
    expect(malformed.body.errors![0]!.message).toBe(
      'after is not a cursor returned by this graph (pass a pageInfo.endCursor): start again without after',
    );

    // A cursor of another list (the citizen's documents) is refused by name.
    const docs = await graph.query(
      `{ me { documents(first: 1) { pageInfo { endCursor } } } }`,
      {},
      { token },
    );
    const foreign = docs.body.data.me.documents.pageInfo.endCursor as string;
    const wrongList = await graph.query(HISTORY, { first: 5, after: foreign }, { token });
    expect(codeOf(wrongList)).toBe('INVALID_CURSOR');
    expect(wrongList.body.errors![0]!.message).toMatch(/another list/);

    // Another citizen's history cursor does not open this one.
    const theirToken = await graph.token({ kind: 'citizen', nin: other.nin });
    const theirs = await graph.query(HISTORY, { first: 1 }, { token: theirToken });
    expect(theirs.body.errors).toBeUndefined();
    const theirCursor = theirs.body.data.me.history.pageInfo.endCursor as string;
    const crossed = await graph.query(HISTORY, { first: 5, after: theirCursor }, { token });
    expect(codeOf(crossed)).toBe('INVALID_CURSOR');
  });

  // Last: it stops a subgraph of this graph.
  it('fails the page, not the rest of the answer, when a contributor is down', async () => {
    await graph.subgraphs.associations!.stop();
    const res = await graph.query(
      `{ me { nin history(first: 5) { edges { node { key } } } } }`,
      {},
      { token },
    );
    expect(res.body.data.me).toEqual({ nin: person.nin, history: null });
    expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.errors![0]!.path).toEqual(['me', 'history']);
    expect(res.body.errors![0]!.message).toMatch(/associations service did not answer/);
  });
});
