import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentExtract, verifyPresentation } from '../subgraphs/citizens/extract.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

/**
 * Certificates requested online (the Berkane annex): a citizen asks, the civil-status office
 * of their commune approves (a signed certificate) or refuses with a justification, the
 * citizen is told by SMS and follows the request in their account or at the kiosk.
 */
let graph: TestGraph;
type Person = {
  nin: string;
  birth_commune_code: string;
  birth_date: string;
  marital_status: string;
};
let people: Person[];
let single: Person; // one of them, never married (for the certificates that need a marriage)
let office: string; // an agent of the civil-status office of people[0]'s commune
let counter: string; // a counter agent of the same commune

const key = () => `k-${randomUUID()}`;
const PHONE = '0550123456';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

const REQUEST = `mutation($input: RequestCertificateInput!) {
  requestCertificate(input: $input) {
    replayed trackingCode
    request { number type status channel version ageHours piecesRequired commune { code } }
  } }`;
const DECIDE = `mutation($input: DecideCertificateRequestInput!) {
  decideCertificateRequest(input: $input) { number status version justification decidedAt
    history { fromStatus toStatus actorKind note } } }`;
const MINE = `{ me { certificateRequests { nodes { number type status justification
  certificate { credential code } } } } }`;
const TRACK = `query($n: String!, $c: String!, $b: LocalDate!) {
  trackCertificateRequest(number: $n, trackingCode: $c, birthDate: $b) {
    number type status justification decidedAt } }`;
const QUEUE = `query($first: Int) { certificateRequestQueue(first: $first, filter: { status: SUBMITTED }) {
  nodes { number ageHours type citizen { nin familyNameLat birthCommune { code } } history { toStatus } } } }`;

const TABLES = [
  'citizens.certificate_requests',
  'citizens.certificate_request_events',
  'citizens.outbox',
  'citizens.extracts',
];
const counts = () => Promise.all(TABLES.map((t) => countRows(graph.database.db, t)));

async function asCitizen(person: Person, input: Record<string, unknown>) {
  const token = await graph.token({ kind: 'citizen', nin: person.nin });
  return graph.query(
    REQUEST,
    { input: { contactPhone: PHONE, idempotencyKey: key(), ...input } },
    { token },
  );
}

const decide = (input: Record<string, unknown>, token = office, purpose = 'COUNTER_SERVICE') =>
  graph.query(DECIDE, { input }, { token, purpose });

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  // Living adults of one commune, with a birth act (every seeded citizen has one).
  const [first] = await rows<{ code: string }>(
    graph.database.db,
    sql`select birth_commune_code as code from citizens.citizens
        where death_date is null and birth_date < '2000-01-01'
        group by birth_commune_code
        order by count(*) filter (where marital_status = 'SINGLE') > 0 desc, count(*) desc,
          birth_commune_code
        limit 1`,
  );
  people = await rows<Person>(
    graph.database.db,
    sql`select nin, birth_commune_code, birth_date::text as birth_date, marital_status
        from citizens.citizens
        where death_date is null and birth_date < '2000-01-01' and birth_commune_code = ${first!.code}
        order by marital_status = 'SINGLE', nin`,
  );
  expect(people.length).toBeGreaterThanOrEqual(7);
  // The single ones come last: the last person serves the cases that need a single person.
  single = people[people.length - 1]!;
  expect(single.marital_status).toBe('SINGLE');
  const commune = first!.code;
  office = await graph.token({ kind: 'agent', commune, service: 'CIVIL_STATUS' });
  counter = await graph.token({ kind: 'agent', commune, service: 'COUNTER' });
});
afterAll(() => graph?.stop());

describe('certificates requested online', () => {
  it('the guide lists every certificate with its pieces and delay, without a token', async () => {
    const res = await graph.query(
      `{ certificateProcedures { type title titleAr piecesRequired typicalDelayDays feeDzd } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const types = res.body.data.certificateProcedures.map((p: { type: string }) => p.type);
    expect(types.sort()).toEqual(
      [
        'BIRTH_EXTRACT',
        'CERTIFICATE_OF_LIFE',
        'FAMILY_RECORD',
        'MARITAL_STATUS_CERTIFICATE',
        'NON_REMARRIAGE_CERTIFICATE',
        'RESIDENCE_CERTIFICATE',
      ].sort(),
    );
    for (const p of res.body.data.certificateProcedures) {
      expect(p.piecesRequired.length, p.type).toBeGreaterThan(0);
      expect(p.typicalDelayDays, p.type).toBeGreaterThan(0);
      expect(p.titleAr, p.type).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('requested, refused with a reason, requested again, approved: one SMS per decision, a certificate that verifies', async () => {
    const person = people[0]!;
    const first = await asCitizen(person, {
      type: 'MARITAL_STATUS_CERTIFICATE',
      reason: 'Dossier de bourse universitaire',
    });
    expect(first.body.errors).toBeUndefined();
    const filed = first.body.data.requestCertificate;
    expect(filed.replayed).toBe(false);
    expect(filed.trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(filed.request).toMatchObject({
      type: 'MARITAL_STATUS_CERTIFICATE',
      status: 'SUBMITTED',
      channel: 'ONLINE',
      version: 1,
      ageHours: 0,
      commune: { code: person.birth_commune_code },
    });
    expect(filed.request.number).toMatch(
      new RegExp(`^CRT-${person.birth_commune_code}-\\d{4}-\\d{6}$`),
    );
    expect(filed.request.piecesRequired.length).toBeGreaterThan(0);
    const number = filed.request.number;

    // It reaches the office's queue, with its age and its citizen.
    const queue = await graph.query(
      QUEUE,
      { first: 50 },
      { token: office, purpose: 'COUNTER_SERVICE' },
    );
    expect(queue.body.errors).toBeUndefined();
    const queued = queue.body.data.certificateRequestQueue.nodes.find(
      (n: { number: string }) => n.number === number,
    );
    expect(queued).toMatchObject({ ageHours: 0, citizen: { nin: person.nin } });

    // A refusal needs a justification; then it is refused, with one SMS that says why.
    const bare = await decide({ number, decision: 'REFUSE', expectedVersion: 1 });
    expect(codeOf(bare)).toBe('JUSTIFICATION_REQUIRED');
    const refused = await decide({
      number,
      decision: 'REFUSE',
      justification: 'Pièce manquante : justificatif de scolarité',
      expectedVersion: 1,
    });
    expect(refused.body.errors).toBeUndefined();
    expect(refused.body.data.decideCertificateRequest).toMatchObject({
      status: 'REFUSED',
      version: 2,
      justification: 'Pièce manquante : justificatif de scolarité',
    });
    expect(
      refused.body.data.decideCertificateRequest.history.map(
        (h: { toStatus: string }) => h.toStatus,
      ),
    ).toEqual(['SUBMITTED', 'REFUSED']);

    // Deciding it again is an illegal move, and writes nothing.
    const before = await counts();
    const again = await decide({ number, decision: 'APPROVE', expectedVersion: 2 });
    expect(codeOf(again)).toBe('ILLEGAL_TRANSITION');
    expect(await counts()).toEqual(before);

    // The kiosk shows it with the receipt and the birth date; a wrong birth date, nothing.
    const track = await graph.query(TRACK, {
      n: number,
      c: filed.trackingCode,
      b: person.birth_date,
    });
    expect(track.body.data.trackCertificateRequest).toMatchObject({
      status: 'REFUSED',
      justification: 'Pièce manquante : justificatif de scolarité',
    });
    const wrong = await graph.query(TRACK, { n: number, c: filed.trackingCode, b: '1900-01-01' });
    expect(wrong.body).toEqual({ data: { trackCertificateRequest: null } });

    // Requested again, approved: the certificate is signed, the SMS says it is ready.
    const second = await asCitizen(person, {
      type: 'MARITAL_STATUS_CERTIFICATE',
      reason: 'Dossier de bourse universitaire',
      channel: 'KIOSK',
    });
    expect(second.body.errors).toBeUndefined();
    const number2 = second.body.data.requestCertificate.request.number;
    expect(second.body.data.requestCertificate.request.channel).toBe('KIOSK');
    const approved = await decide({ number: number2, decision: 'APPROVE', expectedVersion: 1 });
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data.decideCertificateRequest.status).toBe('APPROVED');

    const sms = await rows<{ reference: string; kind: string; recipient: string; message: string }>(
      graph.database.db,
      sql`select reference, kind, recipient, message from citizens.outbox
          where reference in (${number}, ${number2}) order by id`,
    );
    expect(sms.map((s) => [s.reference, s.kind, s.recipient])).toEqual([
      [number, 'CERTIFICATE_REFUSED', PHONE],
      [number2, 'CERTIFICATE_APPROVED', PHONE],
    ]);
    expect(sms[0]!.message).toContain('justificatif de scolarité');
    expect(sms[1]!.message).toContain(number2);

    // The citizen follows both in their account, newest first, and holds the certificate.
    const token = await graph.token({ kind: 'citizen', nin: person.nin });
    const mine = await graph.query(MINE, {}, { token });
    expect(mine.body.errors).toBeUndefined();
    const nodes = mine.body.data.me.certificateRequests.nodes;
    expect(nodes.map((n: { number: string }) => n.number)).toEqual([number2, number]);
    expect(nodes[1].certificate).toBeNull();
    const { credential, code } = nodes[0].certificate;
    expect(code).toMatch(/^EX-/);

    // The agent never sees the signed certificate itself: it carries the citizen's salts.
    const asAgent = await graph.query(
      `query($n: String!) { certificateRequest(number: $n) { status certificate { code } } }`,
      { n: number2 },
      { token: office, purpose: 'COUNTER_SERVICE' },
    );
    expect(asAgent.body.data.certificateRequest).toEqual({ status: 'APPROVED', certificate: null });

    // Presented with the marital status only, it verifies online and offline.
    const presentation = await presentExtract(credential, ['marital_status']);
    const online = await graph.query(
      `query($p: String!) { verifyExtract(presentation: $p) { verdict code disclosed { name value } } }`,
      { p: presentation },
    );
    expect(online.body.data.verifyExtract).toEqual({
      verdict: 'VALID',
      code,
      disclosed: [{ name: 'marital_status', value: JSON.stringify(person.marital_status) }],
    });
    const keys = await graph.query(`{ extractIssuerKeys }`);
    const list = await graph.query(`{ extractStatusList(list: 0) }`);
    const offline = await verifyPresentation(
      presentation,
      JSON.parse(keys.body.data.extractIssuerKeys),
      async () => list.body.data.extractStatusList,
    );
    expect(offline.verdict).toBe('VALID');
    expect(offline.claims!.certificate_type).toBe('MARITAL_STATUS_CERTIFICATE');
    expect(offline.claims!.given_name_lat).toBeUndefined();
  });

  it('20 concurrent retries of one request key file one request', async () => {
    const person = people[1]!;
    const token = await graph.token({ kind: 'citizen', nin: person.nin });
    const input = {
      type: 'CERTIFICATE_OF_LIFE',
      reason: 'Caisse de retraite',
      contactPhone: PHONE,
      idempotencyKey: key(),
    };
    const before = await countRows(graph.database.db, 'citizens.certificate_requests');
    const all = await Promise.all(
      Array.from({ length: 20 }, () => graph.query(REQUEST, { input }, { token })),
    );
    for (const r of all) expect(r.body.errors).toBeUndefined();
    const numbers = new Set(all.map((r) => r.body.data.requestCertificate.request.number));
    expect(numbers.size).toBe(1);
    expect(all.filter((r) => !r.body.data.requestCertificate.replayed)).toHaveLength(1);
    // The tracking code leaves in the first answer only.
    expect(all.filter((r) => r.body.data.requestCertificate.trackingCode)).toHaveLength(1);
    expect(await countRows(graph.database.db, 'citizens.certificate_requests')).toBe(before + 1);
  });

  it('an agent at the counter files for a citizen; only the civil-status office decides, in its own commune', async () => {
    const person = people[2]!;
    const res = await graph.query(
      REQUEST,
      {
        input: {
          type: 'BIRTH_EXTRACT',
          reason: 'Demande de passeport',
          nin: person.nin,
          contactPhone: PHONE,
          idempotencyKey: key(),
        },
      },
      { token: counter, purpose: 'COUNTER_SERVICE' },
    );
    expect(res.body.errors).toBeUndefined();
    const { number, channel } = res.body.data.requestCertificate.request;
    expect(channel).toBe('COUNTER');

    const before = await counts();
    const byCounter = await decide({ number, decision: 'APPROVE', expectedVersion: 1 }, counter);
    expect(codeOf(byCounter)).toBe('FORBIDDEN');
    const elsewhere = await graph.token({
      kind: 'agent',
      commune: person.birth_commune_code === '1601' ? '1602' : '1601',
      service: 'CIVIL_STATUS',
    });
    const byOther = await decide({ number, decision: 'APPROVE', expectedVersion: 1 }, elsewhere);
    expect(codeOf(byOther)).toBe('CERTIFICATE_REQUEST_NOT_FOUND');
    const wrongPurpose = await decide(
      { number, decision: 'APPROVE', expectedVersion: 1 },
      office,
      'CIVIL_REGISTRATION',
    );
    expect(codeOf(wrongPurpose)).toBe('FORBIDDEN');
    const stale = await decide({ number, decision: 'APPROVE', expectedVersion: 7 });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);

    // Another commune's office does not have it in its queue (a request named by its number
    // is reachable from any counter, as an application is: the policy's OWN_COMMUNE reach).
    const theirs = await graph.query(
      QUEUE,
      { first: 100 },
      { token: elsewhere, purpose: 'COUNTER_SERVICE' },
    );
    expect(theirs.body.errors).toBeUndefined();
    expect(
      theirs.body.data.certificateRequestQueue.nodes.map((n: { number: string }) => n.number),
    ).not.toContain(number);

    const ok = await decide({ number, decision: 'APPROVE', expectedVersion: 1 });
    expect(ok.body.data.decideCertificateRequest.status).toBe('APPROVED');
    expect(await counts()).toEqual([before[0], before[1]! + 1, before[2]! + 1, before[3]! + 1]);
  });

  describe('bad input: its own code, nothing written', () => {
    const cases: [string, () => Promise<{ body: any }>, string][] = [
      [
        'an unknown type',
        () => asCitizen(single, { type: 'DRIVING_LICENCE', reason: 'Pour voir' }),
        'UNKNOWN_CERTIFICATE_TYPE',
      ],
      [
        'a residence certificate without an address',
        () => asCitizen(single, { type: 'RESIDENCE_CERTIFICATE', reason: 'Dossier CNAS' }),
        'ADDRESS_REQUIRED',
      ],
      [
        'a certificate of non-remarriage for a single person',
        () =>
          asCitizen(single, {
            type: 'NON_REMARRIAGE_CERTIFICATE',
            reason: 'Pension de réversion',
          }),
        'CERTIFICATE_NOT_APPLICABLE',
      ],
      [
        'a family record for a single person',
        () => asCitizen(single, { type: 'FAMILY_RECORD', reason: 'Allocations familiales' }),
        'CERTIFICATE_NOT_APPLICABLE',
      ],
      [
        "someone else's certificate",
        () =>
          asCitizen(single, {
            type: 'BIRTH_EXTRACT',
            reason: 'Pour un ami',
            nin: people[0]!.nin,
          }),
        'NOT_SELF',
      ],
      [
        'a reason left empty',
        () => asCitizen(single, { type: 'BIRTH_EXTRACT', reason: '  ' }),
        'REASON_REQUIRED',
      ],
      [
        'a phone that is no mobile number',
        () =>
          asCitizen(single, {
            type: 'BIRTH_EXTRACT',
            reason: 'Dossier',
            contactPhone: '021123456',
          }),
        'INVALID_PHONE',
      ],
      [
        'a dead person',
        async () => {
          const [dead] = await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where death_date is not null order by nin limit 1`,
          );
          return graph.query(
            REQUEST,
            {
              input: {
                type: 'CERTIFICATE_OF_LIFE',
                reason: 'Pension',
                nin: dead!.nin,
                contactPhone: PHONE,
                idempotencyKey: key(),
              },
            },
            { token: counter, purpose: 'COUNTER_SERVICE' },
          );
        },
        'CITIZEN_DECEASED',
      ],
      [
        'an agent stating a purpose that does not cover certificates',
        () =>
          graph.query(
            REQUEST,
            {
              input: {
                type: 'BIRTH_EXTRACT',
                reason: 'Dossier',
                nin: single.nin,
                contactPhone: PHONE,
                idempotencyKey: key(),
              },
            },
            { token: counter, purpose: 'VEHICLE_REGISTRATION' },
          ),
        'FORBIDDEN',
      ],
    ];
    for (const [what, run, code] of cases) {
      it(`${what} → ${code}`, async () => {
        const before = await counts();
        const res = await run();
        expect(codeOf(res), JSON.stringify(res.body.errors)).toBe(code);
        expect(res.body.data?.requestCertificate ?? null).toBeNull();
        expect(await counts()).toEqual(before);
      });
    }

    it('a second request of a type not yet decided → DUPLICATE_CERTIFICATE_REQUEST', async () => {
      const person = single;
      const first = await asCitizen(person, { type: 'BIRTH_EXTRACT', reason: 'Dossier visa' });
      expect(first.body.errors).toBeUndefined();
      const before = await counts();
      const second = await asCitizen(person, { type: 'BIRTH_EXTRACT', reason: 'Dossier visa' });
      expect(codeOf(second)).toBe('DUPLICATE_CERTIFICATE_REQUEST');
      expect(await counts()).toEqual(before);
    });
  });

  it("the office's queue costs the same statements and fetches at two sizes", async () => {
    const measure = () =>
      graph.cost(QUEUE, { first: 100 }, { token: office, purpose: 'COUNTER_SERVICE' });
    const small = await measure();
    expect(small.body.errors).toBeUndefined();
    const n1 = small.body.data.certificateRequestQueue.nodes.length;
    for (const [i, type] of (
      ['RESIDENCE_CERTIFICATE', 'CERTIFICATE_OF_LIFE', 'MARITAL_STATUS_CERTIFICATE'] as const
    ).entries()) {
      for (const person of people.slice(4, 6)) {
        const res = await asCitizen(person, {
          type,
          reason: `Dossier ${i}`,
          ...(type === 'RESIDENCE_CERTIFICATE' ? { address: '12 rue Didouche Mourad' } : {}),
        });
        expect(res.body.errors).toBeUndefined();
      }
    }
    const large = await measure();
    const n2 = large.body.data.certificateRequestQueue.nodes.length;
    expect(n2).toBe(n1 + 3 * Math.min(2, people.slice(4, 6).length));
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
    console.log(
      `certificateRequestQueue: ${n1} rows → ${small.statements} statements, ${small.fetches} fetches; ${n2} rows → ${large.statements} statements, ${large.fetches} fetches`,
    );
  });
});
