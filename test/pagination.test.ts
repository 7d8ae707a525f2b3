import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';

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
