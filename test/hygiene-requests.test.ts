import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hygieneSubgraph } from '../subgraphs/hygiene/index.js';
import { relayOnce } from '../subgraphs/kit/relay.js';
import { LogFileSmsProvider } from '../subgraphs/kit/sms.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let office: string; // the hygiene office of Algiers-Centre (1601)
let otherOffice: string; // the hygiene office of Oran (3101)
let counter: string; // the counter of 1601: another service
const PURPOSE = 'PUBLIC_HYGIENE';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `h-${Math.random().toString(36).slice(2, 14)}`;

const FILE = /* GraphQL */ `
  mutation File($input: FileHygieneRequestInput!) {
    fileHygieneRequest(input: $input) {
      number
      status
      deadline
      replayed
    }
  }
`;
const MOVE = /* GraphQL */ `
  mutation Move($input: MoveHygieneRequestInput!) {
    moveHygieneRequest(input: $input) {
      number
      status
      version
      assignee
      justification
      closedAt
    }
  }
`;
const FOLLOW = /* GraphQL */ `
  query Follow($n: String!, $p: String!) {
    followHygieneRequest(number: $n, phone: $p) {
      number
      status
      justification
      steps {
        status
      }
    }
  }
`;
const REQUEST = /* GraphQL */ `
  query R($n: String!) {
    hygieneRequest(number: $n) {
      number
      status
      version
      contactPhone
      requester {
        nin
      }
      history {
        toStatus
        actorKind
        note
      }
    }
  }
`;

function file(input: Record<string, unknown>, token?: string) {
  return graph.query(
    FILE,
    {
      input: {
        communeCode: '1601',
        category: 'WASTE_NOT_COLLECTED',
        place: 'Rue Didouche Mourad, devant le n° 12',
        text: 'Les bacs ne sont plus vidés depuis cinq jours.',
        idempotencyKey: key(),
        ...input,
      },
    },
    token ? { token } : {},
  );
}

function move(input: Record<string, unknown>, token = office) {
  return graph.query(MOVE, { input }, { token, purpose: PURPOSE });
}

async function adults(n: number, offset = 0) {
  return rows<{ nin: string }>(
    graph.database.db,
    sql`select nin from citizens.citizens where death_date is null and birth_date < '2000-01-01' order by nin limit ${n} offset ${offset}`,
  );
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  office = await graph.token({ kind: 'agent', commune: '1601', service: 'HYGIENE' });
  otherOffice = await graph.token({ kind: 'agent', commune: '3101', service: 'HYGIENE' });
  counter = await graph.token({ kind: 'agent', commune: '1601', service: 'COUNTER' });
});
afterAll(() => graph?.stop());

describe("citizens' requests from the kiosk to closing", () => {
  it('files at the kiosk, works it, closes it with an SMS, and follows it by number and phone', async () => {
    const filed = await file({ contactPhone: '+213 661 23 45 67' });
    expect(filed.body.errors).toBeUndefined();
    const { number, status, deadline } = filed.body.data.fileHygieneRequest;
    expect(number).toMatch(new RegExp(`^RQ-1601-${new Date().getFullYear()}-\\d{6}$`));
    expect(status).toBe('FILED');
    // Waste not collected: three days.
    const days = (new Date(deadline).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);

    const queue = await graph.query(
      `{ hygieneRequests(filter: { status: FILED }, first: 50) { nodes { number channel requester { nin } } } }`,
      {},
      { token: office, purpose: PURPOSE },
    );
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.hygieneRequests.nodes).toContainEqual({
      number,
      channel: 'KIOSK',
      requester: null,
    });

    let version = 1;
    for (const step of [
      { status: 'ASSIGNED', assignee: 'brigade-nord' },
      { status: 'IN_PROGRESS' },
      { status: 'RESOLVED', justification: 'Bacs vidés et secteur ajouté à la tournée du mardi.' },
    ]) {
      const res = await move({ number, expectedVersion: version, ...step });
      expect(res.body.errors, step.status).toBeUndefined();
      expect(res.body.data.moveHygieneRequest).toMatchObject({
        status: step.status,
        version: version + 1,
      });
      version += 1;
    }

    const seen = await graph.query(REQUEST, { n: number }, { token: office, purpose: PURPOSE });
    expect(
      seen.body.data.hygieneRequest.history.map((h: { toStatus: string }) => h.toStatus),
    ).toEqual(['FILED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED']);
    expect(seen.body.data.hygieneRequest.history[0].actorKind).toBe('ANONYMOUS');
    expect(seen.body.data.hygieneRequest.contactPhone).toBe('0661234567');

    // The closing queued the SMS in the same transaction; the kit's relay sends it.
    const sms = join(mkdtempSync(join(tmpdir(), 'sms-')), 'sms.log');
    const report = await relayOnce(
      graph.database.db,
      hygieneSubgraph.outbox!,
      new LogFileSmsProvider(sms),
    );
    expect(report.sent).toBe(1);
    const [message] = readFileSync(sms, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(message.to).toBe('0661234567');
    expect(message.id).toMatch(/^hygiene-outbox-\d+$/);
    expect(message.text).toContain(number);
    expect(message.text).toContain('tournée du mardi');

    const followed = await graph.query(FOLLOW, { n: number, p: '0661 23 45 67' });
    expect(followed.body.errors).toBeUndefined();
    expect(followed.body.data.followHygieneRequest).toEqual({
      number,
      status: 'RESOLVED',
      justification: 'Bacs vidés et secteur ajouté à la tournée du mardi.',
      steps: [
        { status: 'FILED' },
        { status: 'ASSIGNED' },
        { status: 'IN_PROGRESS' },
        { status: 'RESOLVED' },
      ],
    });
    const wrongPhone = await graph.query(FOLLOW, { n: number, p: '0770000000' });
    expect(wrongPhone.body.errors).toBeUndefined();
    expect(wrongPhone.body.data.followHygieneRequest).toBeNull();
    const log = await rows<{ outcome: string; detail: string | null }>(
      graph.database.db,
      sql`select outcome, detail from hygiene.public_lookups where subject = ${number} order by id`,
    );
    expect(log).toEqual([
      { outcome: 'FOUND', detail: null },
      { outcome: 'NOT_FOUND', detail: 'WRONG_PHONE' },
    ]);
  });

  it('answers a retried filing with the first number, filing nothing new', async () => {
    const idempotencyKey = key();
    const first = await file({ contactPhone: '0551112233', idempotencyKey });
    const again = await file({ contactPhone: '0551112233', idempotencyKey });
    expect(again.body.data.fileHygieneRequest).toMatchObject({
      number: first.body.data.fileHygieneRequest.number,
      replayed: true,
    });
  });

  it('refuses to close without a justification, writing nothing', async () => {
    const { number } = (await file({ contactPhone: '0551112234', category: 'NOISE' })).body.data
      .fileHygieneRequest;
    const events = await countRows(graph.database.db, 'hygiene.request_events');
    const outbox = await countRows(graph.database.db, 'hygiene.outbox');
    for (const justification of [null, '   ', 'non']) {
      const res = await move({ number, expectedVersion: 1, status: 'REJECTED', justification });
      expect(codeOf(res)).toBe('JUSTIFICATION_REQUIRED');
    }
    const skip = await move({
      number,
      expectedVersion: 1,
      status: 'RESOLVED',
      justification: 'déjà réglé sur place',
    });
    expect(codeOf(skip)).toBe('ILLEGAL_TRANSITION');
    expect(await countRows(graph.database.db, 'hygiene.request_events')).toBe(events);
    expect(await countRows(graph.database.db, 'hygiene.outbox')).toBe(outbox);
    const [row] = await rows<{ status: string; version: number }>(
      graph.database.db,
      sql`select status, version from hygiene.requests where number = ${number}`,
    );
    expect(row).toEqual({ status: 'FILED', version: 1 });

    const rejected = await move({
      number,
      expectedVersion: 1,
      status: 'REJECTED',
      justification: 'Le bruit relève de la police : transmis au commissariat.',
    });
    expect(rejected.body.data.moveHygieneRequest).toMatchObject({ status: 'REJECTED', version: 2 });
  });

  it('refuses each bad request with its own code, filing nothing', async () => {
    const before = await countRows(graph.database.db, 'hygiene.requests');
    const cases: [Record<string, unknown>, string][] = [
      [{ contactPhone: '0661234567', text: '   ' }, 'TEXT_REQUIRED'],
      [{ contactPhone: '0661234567', text: 'x'.repeat(20_000) }, 'TEXT_TOO_LONG'],
      [{ contactPhone: '12345' }, 'INVALID_PHONE'],
      [{}, 'INVALID_PHONE'], // the kiosk needs a phone
      [{ contactPhone: '0661234567', communeCode: '16O1' }, 'INVALID_COMMUNE_CODE'],
      [{ contactPhone: '0661234567', communeCode: '9901' }, 'COMMUNE_NOT_FOUND'],
      [
        { contactPhone: '0661234567', establishmentId: 'EST-1601-999999' },
        'ESTABLISHMENT_NOT_FOUND',
      ],
    ];
    for (const [input, code] of cases) expect(codeOf(await file(input)), code).toBe(code);
    const agentFiles = await file({ contactPhone: '0661234567' }, office);
    expect(codeOf(agentFiles)).toBe('FORBIDDEN');
    expect(await countRows(graph.database.db, 'hygiene.requests')).toBe(before);
  });
});

describe('who sees a request', () => {
  it("keeps the requester from the operator of the establishment reported, and logs the office's reads", async () => {
    const [operator, requester] = await adults(2, 10);
    const registered = await graph.query(
      `mutation($i: RegisterEstablishmentInput!) { registerEstablishment(input: $i) { id } }`,
      {
        i: {
          name: 'Boulangerie du Port',
          category: 'BAKERY',
          address: '3 rue de la Marine',
          operatorNin: operator!.nin,
          idempotencyKey: key(),
        },
      },
      { token: office, purpose: PURPOSE },
    );
    expect(registered.body.errors).toBeUndefined();
    const establishmentId = registered.body.data.registerEstablishment.id;

    const citizen = await graph.token({ kind: 'citizen', nin: requester!.nin });
    const filed = await file(
      { category: 'UNSANITARY_PREMISES', establishmentId, text: 'Des rats dans la réserve.' },
      citizen,
    );
    expect(filed.body.errors).toBeUndefined();
    const number = filed.body.data.fileHygieneRequest.number;

    // The requester reads their own request; the operator, as a citizen, finds nothing.
    const own = await graph.query(REQUEST, { n: number }, { token: citizen });
    expect(own.body.data.hygieneRequest.requester).toEqual({ nin: requester!.nin });
    const operatorToken = await graph.token({ kind: 'citizen', nin: operator!.nin });
    const byOperator = await graph.query(REQUEST, { n: number }, { token: operatorToken });
    expect(byOperator.body.data.hygieneRequest).toBeNull();
    const theirs = await graph.query(
      `query($id: String!) { establishment(id: $id) { id name standing operator { nin } } }`,
      { id: establishmentId },
      { token: operatorToken },
    );
    expect(theirs.body.data.establishment).toMatchObject({
      id: establishmentId,
      operator: { nin: operator!.nin },
    });
    expect(JSON.stringify(theirs.body)).not.toContain(requester!.nin);
    const probe = await graph.query(
      `query($n: String!) { citizen(nin: $n) { hygieneRequests { nodes { number } } } }`,
      { n: requester!.nin },
      { token: operatorToken },
    );
    expect(JSON.stringify(probe.body.data ?? {})).not.toContain(number);

    // The office reads the operator, wherever they were born (reached through its register).
    const byOfficeEstablishment = await graph.query(
      `query($id: String!) { establishment(id: $id) { operator { nin familyNameLat } } }`,
      { id: establishmentId },
      { token: office, purpose: PURPOSE },
    );
    expect(byOfficeEstablishment.body.errors).toBeUndefined();
    expect(byOfficeEstablishment.body.data.establishment.operator.nin).toBe(operator!.nin);

    // The office reads it, and the read of the requester's data is in the hygiene log.
    const consulted = await countRows(graph.database.db, 'hygiene.consultations');
    const byOffice = await graph.query(REQUEST, { n: number }, { token: office, purpose: PURPOSE });
    expect(byOffice.body.data.hygieneRequest.requester).toEqual({ nin: requester!.nin });
    const logged = await rows<{ nin: string; purpose: string; groups: string[] }>(
      graph.database.db,
      sql`select nin, purpose, groups from hygiene.consultations order by id desc limit 1`,
    );
    expect(await countRows(graph.database.db, 'hygiene.consultations')).toBe(consulted + 1);
    // The request (HYGIENE) and the requester's NIN on it (IDENTITY), one row for the read.
    expect(logged[0]).toMatchObject({ nin: requester!.nin, purpose: PURPOSE });
    expect([...logged[0]!.groups].sort()).toEqual(['HYGIENE', 'IDENTITY']);
  });

  it('keeps each office to its own commune, and other services out', async () => {
    const { number } = (await file({ contactPhone: '0661234599' })).body.data.fileHygieneRequest;
    const fromOran = await graph.query(
      REQUEST,
      { n: number },
      { token: otherOffice, purpose: PURPOSE },
    );
    expect(fromOran.body.data.hygieneRequest).toBeNull();
    const moved = await move(
      { number, expectedVersion: 1, status: 'ASSIGNED', assignee: 'x' },
      otherOffice,
    );
    expect(codeOf(moved)).toBe('REQUEST_NOT_FOUND');
    const oranQueue = await graph.query(
      `{ hygieneRequests(first: 50) { nodes { number } } }`,
      {},
      { token: otherOffice, purpose: PURPOSE },
    );
    expect(
      oranQueue.body.data.hygieneRequests.nodes.map((n: { number: string }) => n.number),
    ).not.toContain(number);
    const byCounter = await graph.query(
      REQUEST,
      { n: number },
      { token: counter, purpose: 'COUNTER_SERVICE' },
    );
    expect(byCounter.body.data.hygieneRequest).toBeNull();
    const counterMoves = await move(
      { number, expectedVersion: 1, status: 'ASSIGNED', assignee: 'x' },
      counter,
    );
    expect(codeOf(counterMoves)).toBe('REQUEST_NOT_FOUND');
  });
});

describe('lists never leave the office’s commune', () => {
  it("another commune's office, where the person was born, sees neither their request nor their establishment here", async () => {
    // A person born outside Algiers-Centre who operates an establishment and files a request there.
    const [person] = await rows<{ nin: string; code: string }>(
      graph.database.db,
      sql`select nin, birth_commune_code as code from citizens.citizens
          where death_date is null and birth_date < '2000-01-01' and birth_commune_code <> '1601'
          order by nin limit 1`,
    );
    expect(person, 'the seed has an adult born outside 1601').toBeDefined();
    const birthOffice = await graph.token({
      kind: 'agent',
      commune: person!.code,
      service: 'HYGIENE',
    });
    const registered = await graph.query(
      `mutation($i: RegisterEstablishmentInput!) { registerEstablishment(input: $i) { id } }`,
      {
        i: {
          name: 'Café des Arcades',
          category: 'RESTAURANT',
          address: '8 boulevard Che Guevara',
          operatorNin: person!.nin,
          idempotencyKey: key(),
        },
      },
      { token: office, purpose: PURPOSE },
    );
    expect(registered.body.errors).toBeUndefined();
    const establishmentId = registered.body.data.registerEstablishment.id;
    const citizen = await graph.token({ kind: 'citizen', nin: person!.nin });
    const filed = await file({ text: 'Dépôt sauvage au coin de la rue.' }, citizen);
    expect(filed.body.errors).toBeUndefined();
    const number = filed.body.data.fileHygieneRequest.number;

    const PERSON = `query($n: String!) { citizen(nin: $n) {
      hygieneRequests(first: 50) { nodes { number } }
      establishmentsOperated(first: 50) { nodes { id } } } }`;
    const ids = (res: { body: { data?: any } }) => ({
      requests: res.body.data.citizen.hygieneRequests.nodes.map(
        (r: { number: string }) => r.number,
      ),
      establishments: res.body.data.citizen.establishmentsOperated.nodes.map(
        (e: { id: string }) => e.id,
      ),
    });
    // The office of 1601, which took both, lists them.
    const here = await graph.query(PERSON, { n: person!.nin }, { token: office, purpose: PURPOSE });
    expect(here.body.errors).toBeUndefined();
    expect(ids(here)).toEqual({ requests: [number], establishments: [establishmentId] });
    // The office of the commune of birth reaches the person, not 1601's files about them.
    const there = await graph.query(
      PERSON,
      { n: person!.nin },
      { token: birthOffice, purpose: PURPOSE },
    );
    expect(there.body.errors).toBeUndefined();
    expect(ids(there)).toEqual({ requests: [], establishments: [] });
    const byNumber = await graph.query(
      REQUEST,
      { n: number },
      { token: birthOffice, purpose: PURPOSE },
    );
    expect(byNumber.body.errors).toBeUndefined();
    expect(byNumber.body.data.hygieneRequest).toBeNull();
  });
});

describe("a commune's figures", () => {
  it('gives the counts, the median time to resolution and the overdue requests the data implies', async () => {
    // A commune the seed left without requests: its figures are only what this test files.
    const [free] = await rows<{ code: string }>(
      graph.database.db,
      sql`select code from communes.communes where code like '16%'
          and code not in (select commune_code from hygiene.requests) order by code limit 1`,
    );
    const communeCode = free!.code;
    const agent = await graph.token({ kind: 'agent', commune: communeCode, service: 'HYGIENE' });
    const [citizenRow] = await adults(1, 40);
    const citizen = await graph.token({ kind: 'citizen', nin: citizenRow!.nin });
    const fileOne = async (category: string) => {
      const res = await file({ communeCode, category }, citizen);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.fileHygieneRequest.number as string;
    };
    const close = async (number: string, status: 'RESOLVED' | 'REJECTED') => {
      const steps =
        status === 'RESOLVED'
          ? [{ status: 'ASSIGNED', assignee: 'brigade-sud' }, { status: 'IN_PROGRESS' }]
          : [];
      let version = 1;
      for (const step of [
        ...steps,
        { status, justification: 'Traité par la brigade du secteur.' },
      ]) {
        const res = await move({ number, expectedVersion: version, ...step }, agent);
        expect(res.body.errors, step.status).toBeUndefined();
        version += 1;
      }
    };
    // Three resolved after 2, 10 and 30 hours (median 10), one rejected after 1 hour (not a
    // resolution), one open past its deadline, one open within it.
    const resolved = [
      [await fileOne('WATER_LEAK'), 2],
      [await fileOne('WATER_LEAK'), 10],
      [await fileOne('WASTE_NOT_COLLECTED'), 30],
    ] as const;
    for (const [number] of resolved) await close(number, 'RESOLVED');
    const rejected = await fileOne('NOISE');
    await close(rejected, 'REJECTED');
    const late = await fileOne('WASTE_NOT_COLLECTED');
    await fileOne('OTHER');
    // The office closed them just now: move each filing back by the hours it stayed open.
    for (const [number, hours] of [...resolved, [rejected, 1] as const])
      await graph.database.db.execute(
        sql`update hygiene.requests set filed_at = closed_at - make_interval(hours => ${hours}) where number = ${number}`,
      );
    await graph.database.db.execute(
      sql`update hygiene.requests set filed_at = now() - interval '4 days', deadline = now() - interval '1 day' where number = ${late}`,
    );

    const q = `query($c: String!) { hygieneStatistics(communeCode: $c) { communeCode overdueRequests medianHoursToResolve requestsByCategoryAndStatus { category status count } } }`;
    const res = await graph.query(q, { c: communeCode }, { token: agent, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    const figures = res.body.data.hygieneStatistics;
    expect(figures.communeCode).toBe(communeCode);
    expect(figures.medianHoursToResolve).toBeCloseTo(10, 6);
    expect(figures.overdueRequests).toBe(1);
    const byKey = (c: { category: string; status: string }) => `${c.category}/${c.status}`;
    expect(
      [...figures.requestsByCategoryAndStatus].sort((a, b) => byKey(a).localeCompare(byKey(b))),
    ).toEqual([
      { category: 'NOISE', status: 'REJECTED', count: 1 },
      { category: 'OTHER', status: 'FILED', count: 1 },
      { category: 'WASTE_NOT_COLLECTED', status: 'FILED', count: 1 },
      { category: 'WASTE_NOT_COLLECTED', status: 'RESOLVED', count: 1 },
      { category: 'WATER_LEAK', status: 'RESOLVED', count: 2 },
    ]);
    // The office's overdue queue lists the same request the figure counts.
    const overdue = await graph.query(
      `{ hygieneRequests(filter: { overdue: true }, first: 50) { nodes { number overdue } } }`,
      {},
      { token: agent, purpose: PURPOSE },
    );
    expect(overdue.body.data.hygieneRequests.nodes).toEqual([{ number: late, overdue: true }]);
  });

  it("matches the seeded commune's requests, computed here from the rows", async () => {
    const [busiest] = await rows<{ code: string }>(
      graph.database.db,
      sql`select commune_code as code from hygiene.requests where status = 'RESOLVED'
          group by 1 order by count(*) desc, 1 limit 1`,
    );
    const communeCode = busiest!.code;
    const all = await rows<{
      category: string;
      status: string;
      filed_at: string;
      closed_at: string | null;
      deadline: string;
    }>(
      graph.database.db,
      sql`select category, status, filed_at::text, closed_at::text, deadline::text from hygiene.requests where commune_code = ${communeCode}`,
    );
    const hours = all
      .filter((r) => r.status === 'RESOLVED')
      .map((r) => (Date.parse(r.closed_at!) - Date.parse(r.filed_at)) / 3_600_000)
      .sort((a, b) => a - b);
    const mid = (hours.length - 1) / 2;
    const median = (hours[Math.floor(mid)]! + hours[Math.ceil(mid)]!) / 2;
    const open = ['FILED', 'ASSIGNED', 'IN_PROGRESS'];
    const overdue = all.filter(
      (r) => open.includes(r.status) && Date.parse(r.deadline) < Date.now(),
    );
    const counts = new Map<string, number>();
    for (const r of all)
      counts.set(`${r.category}/${r.status}`, (counts.get(`${r.category}/${r.status}`) ?? 0) + 1);

    const interior = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const res = await graph.query(
      `query($c: String!) { hygieneStatistics(communeCode: $c) { overdueRequests medianHoursToResolve requestsByCategoryAndStatus { category status count } } }`,
      { c: communeCode },
      { token: interior, purpose: 'LOCAL_GOVERNMENT_OVERSIGHT' },
    );
    expect(res.body.errors).toBeUndefined();
    const figures = res.body.data.hygieneStatistics;
    expect(hours.length).toBeGreaterThan(0);
    expect(figures.medianHoursToResolve).toBeCloseTo(median, 3);
    expect(figures.overdueRequests).toBe(overdue.length);
    expect(
      new Map(
        figures.requestsByCategoryAndStatus.map(
          (c: { category: string; status: string; count: number }) => [
            `${c.category}/${c.status}`,
            c.count,
          ],
        ),
      ),
    ).toEqual(counts);
  });
});

describe('costs', () => {
  it("costs the same statements for the office's queue at 5 and at 25 requests", async () => {
    const [citizenRow] = await adults(1, 30);
    const citizen = await graph.token({ kind: 'citizen', nin: citizenRow!.nin });
    for (let i = 0; i < 26; i += 1)
      await file({ communeCode: '1604', place: `Site ${i}` }, citizen);
    // Each size asked by a client that has read nobody yet: NINs a client had counted this
    // hour cost no quota statement (subgraphs/kit/quota.ts), which is not what is compared.
    const office = (clientId: string) =>
      graph.token({ kind: 'agent', commune: '1604', service: 'HYGIENE', clientId });
    const q = `query($n: Int!) { hygieneRequests(first: $n) { nodes { number status overdue requester { nin familyNameLat } history { toStatus } establishment { id } } } }`;
    const small = await graph.cost(
      q,
      { n: 5 },
      { token: await office('cost-5'), purpose: PURPOSE },
    );
    const large = await graph.cost(
      q,
      { n: 25 },
      { token: await office('cost-25'), purpose: PURPOSE },
    );
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data.hygieneRequests.nodes).toHaveLength(25);
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
  });
});
