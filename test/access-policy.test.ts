import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_SERVICES,
  MINISTRIES,
  PURPOSES,
  type FieldGroup,
  type Purpose,
} from '../schema/access-policy.js';
import { makeNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';

let graph: TestGraph;
let someone: { nin: string; birth_commune_code: string };
let other: { nin: string };
const NOBODY = makeNin('119991601', 9_999_999);

/** One field (or small selection) per field group, across the subgraphs that hold them. */
const GROUP_SELECTION: Record<FieldGroup, string> = {
  IDENTITY: 'nin familyNameLat birthCommune { code }',
  FILIATION: 'children { nin }',
  CIVIL_STATUS: 'maritalStatus',
  DEATH: 'deathDate',
  DOCUMENTS: 'documents { nodes { number } }',
  VEHICLES: 'vehicles { nodes { vin } }',
  APPLICATIONS: 'applications { nodes { number } }',
  LEASES: 'leases { nodes { number } }',
  CASES: 'cases { nodes { number } }',
  CIVIL_ACTS: 'civilActs { number }',
  CERTIFICATES: 'certificateRequests { nodes { number } }',
  HYGIENE: 'hygieneRequests { nodes { number } }',
  ASSOCIATIONS: 'associations { nodes { role } }',
  CONSULTATIONS: 'consultations(first: 1) { nodes { at } }',
  HISTORY: 'history(first: 1) { nodes { key } }',
  SCHOOLING: 'schooling(first: 1) { nodes { grade } }',
};
const GROUPS = Object.keys(GROUP_SELECTION) as FieldGroup[];

/**
 * The policy as a person reviewed it (from docs/access-policy.md), written out here rather
 * than computed from schema/access-policy.ts: a wrong change to the policy fails this test.
 * principal → purpose it may state → the groups that purpose opens to it.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  INTERIOR: {
    CIVIL_STATUS_ADMINISTRATION:
      'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS VEHICLES APPLICATIONS CIVIL_ACTS CERTIFICATES',
    IDENTITY_DOCUMENT_ISSUANCE: 'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS APPLICATIONS',
    LOCAL_GOVERNMENT_OVERSIGHT: 'IDENTITY LEASES CASES',
  },
  JUSTICE: {
    JUDICIAL_PROCEEDINGS:
      'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS VEHICLES CASES CIVIL_ACTS',
    CRIMINAL_RECORD: 'IDENTITY FILIATION',
  },
  HEALTH: {
    SOCIAL_SECURITY_ENTITLEMENT: 'IDENTITY FILIATION CIVIL_STATUS DEATH',
    HEALTH_CARE: 'IDENTITY DEATH',
    // Inspections and drinking water: no person.
    PUBLIC_HEALTH_SURVEILLANCE: '',
  },
  EDUCATION: { SCHOOL_ENROLMENT: 'IDENTITY FILIATION DEATH SCHOOLING' },
  TRANSPORT: {
    VEHICLE_REGISTRATION: 'IDENTITY DEATH VEHICLES',
    DRIVING_LICENCE: 'IDENTITY DEATH DOCUMENTS',
  },
  FINANCE: {
    TAX_ASSESSMENT: 'IDENTITY CIVIL_STATUS DEATH VEHICLES',
    PUBLIC_REVENUE_COLLECTION: 'IDENTITY LEASES',
  },
  FOREIGN_AFFAIRS: {
    CONSULAR_SERVICES: 'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS CIVIL_ACTS',
  },
  NATIONAL_SECURITY: { POLICE_INVESTIGATION: 'IDENTITY DEATH DOCUMENTS VEHICLES' },
  'agent COUNTER': {
    CIVIL_REGISTRATION: 'IDENTITY FILIATION CIVIL_STATUS DEATH CIVIL_ACTS',
    COUNTER_SERVICE:
      'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS APPLICATIONS CIVIL_ACTS CERTIFICATES',
    VEHICLE_REGISTRATION: 'IDENTITY DEATH VEHICLES',
  },
  'agent CIVIL_STATUS': {
    CIVIL_REGISTRATION: 'IDENTITY FILIATION CIVIL_STATUS DEATH CIVIL_ACTS',
    COUNTER_SERVICE:
      'IDENTITY FILIATION CIVIL_STATUS DEATH DOCUMENTS APPLICATIONS CIVIL_ACTS CERTIFICATES',
  },
  'agent PATRIMONY': { PATRIMONY_MANAGEMENT: 'IDENTITY DEATH LEASES' },
  'agent LEGAL_AFFAIRS': { COMMUNE_LITIGATION: 'IDENTITY DEATH LEASES CASES' },
  'agent HYGIENE': { PUBLIC_HYGIENE: 'IDENTITY DEATH HYGIENE' },
  'agent ASSOCIATIONS': { ASSOCIATIONS_REGISTRY: 'IDENTITY DEATH ASSOCIATIONS' },
};
const ALL_PURPOSES = Object.keys(PURPOSES) as Purpose[];

const withoutRequestIds = (body: unknown) =>
  JSON.parse(JSON.stringify(body, (key, value) => (key === 'requestId' ? undefined : value)));

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  const found = await rows<{ nin: string; birth_commune_code: string }>(
    graph.database.db,
    sql`select nin, birth_commune_code from citizens.citizens order by nin limit 2`,
  );
  someone = found[0]!;
  other = found[1]!;
});
afterAll(() => graph?.stop());

async function readGroup(
  token: string | undefined,
  purpose: string | undefined,
  group: FieldGroup,
  nin = someone.nin,
) {
  return graph.query(
    `query($nin: String!) { citizen(nin: $nin) { ${GROUP_SELECTION[group]} } }`,
    { nin },
    {
      ...(token ? { token } : {}),
      ...(purpose ? { purpose } : {}),
    },
  );
}

function expectAllowed(res: Awaited<ReturnType<typeof readGroup>>, what: string) {
  expect(res.body.errors, what).toBeUndefined();
  expect(res.body.data.citizen, what).not.toBeNull();
}

function expectDenied(
  res: Awaited<ReturnType<typeof readGroup>>,
  what: string,
  group?: FieldGroup,
) {
  expect(res.body.data?.citizen ?? null, what).toBeNull();
  const error = res.body.errors?.[0];
  expect(error?.extensions?.code, what).toBe('FORBIDDEN');
  if (group) expect(error?.extensions?.group, what).toBe(group);
}

describe('the policy matrix: every principal × every purpose × every field group', () => {
  it('the expected matrix names every principal and purpose of the policy, and no other', () => {
    const services = Object.entries(AGENT_SERVICES).map(([n, p]) => [`agent ${n}`, p] as const);
    expect(Object.keys(EXPECTED).sort()).toEqual(
      [...Object.keys(MINISTRIES), ...services.map(([n]) => n)].sort(),
    );
    for (const [name, policy] of [...Object.entries(MINISTRIES), ...services])
      expect(Object.keys(EXPECTED[name]!).sort(), name).toEqual([...policy.purposes].sort());
  });

  const tokenFor = (principal: string) =>
    principal.startsWith('agent ')
      ? graph.token({
          kind: 'agent',
          commune: someone.birth_commune_code,
          service: principal.slice('agent '.length),
        })
      : graph.token({ kind: 'ministry', ministry: principal });

  for (const [principal, purposes] of Object.entries(EXPECTED)) {
    it(`${principal}: each of its purposes opens exactly the expected groups`, async () => {
      expect(principal in EXPECTED).toBe(true);
      const token = await tokenFor(principal);
      for (const [purpose, opened] of Object.entries(purposes)) {
        const allowed = opened.split(' ');
        for (const group of GROUPS) {
          const res = await readGroup(token, purpose, group);
          const what = `${principal} / ${purpose} / ${group}`;
          if (allowed.includes(group)) expectAllowed(res, what);
          else if (opened === '') {
            // A purpose that covers no group reaches no person at all: the refusal names
            // the first group the registry checks (IDENTITY), whichever was asked.
            expectDenied(res, what);
            expect(res.body.errors![0]!.extensions!.reason, what).toBe('GROUP_NOT_COVERED');
          } else {
            expectDenied(res, what, group);
            expect(res.body.errors![0]!.extensions!.reason, what).toBe('GROUP_NOT_COVERED');
          }
        }
      }
    });

    it(`${principal}: no purpose, or any purpose not its own, opens nothing`, async () => {
      const token = await tokenFor(principal);
      const none = await readGroup(token, undefined, 'IDENTITY');
      expectDenied(none, `${principal} without purpose`, 'IDENTITY');
      expect(none.body.errors![0]!.extensions!.reason).toBe('NO_PURPOSE');
      expect(none.body.errors![0]!.message).toMatch(/X-Purpose/);
      for (const foreign of ALL_PURPOSES.filter((p) => !(p in purposes))) {
        const wrong = await readGroup(token, foreign, 'IDENTITY');
        expectDenied(wrong, `${principal} with ${foreign}`, 'IDENTITY');
        expect(wrong.body.errors![0]!.extensions!.reason).toBe('PURPOSE_NOT_ALLOWED');
      }
    });
  }

  it('a citizen reads every group of their own record and nothing of another’s', async () => {
    const token = await graph.token({ kind: 'citizen', nin: someone.nin });
    for (const group of GROUPS) {
      expectAllowed(await readGroup(token, undefined, group), `own / ${group}`);
      const res = await readGroup(token, undefined, group, other.nin);
      expect(res.body, `another's / ${group}`).toEqual({ data: { citizen: null } });
    }
  });

  it('an anonymous caller reads no group', async () => {
    for (const group of GROUPS)
      expectDenied(
        await readGroup(undefined, 'CIVIL_STATUS_ADMINISTRATION', group),
        `anonymous / ${group}`,
      );
  });
});

describe('a refusal reveals nothing', () => {
  it('a forbidden NIN and a nonexistent one give byte-identical answers (ministry beyond its purpose)', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'EDUCATION' });
    const existing = await readGroup(token, 'SCHOOL_ENROLMENT', 'CIVIL_STATUS', someone.nin);
    const missing = await readGroup(token, 'SCHOOL_ENROLMENT', 'CIVIL_STATUS', NOBODY);
    expect(existing.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(withoutRequestIds(existing.body))).toBe(
      JSON.stringify(withoutRequestIds(missing.body)),
    );
  });

  it('… and for a citizen asking for someone else', async () => {
    const token = await graph.token({ kind: 'citizen', nin: someone.nin });
    const existing = await readGroup(token, undefined, 'IDENTITY', other.nin);
    const missing = await readGroup(token, undefined, 'IDENTITY', NOBODY);
    expect(JSON.stringify(existing.body)).toBe(JSON.stringify(missing.body));
  });

  it('through _entities, a citizen the caller may not see is exactly like one that does not exist', async () => {
    const post = async (principal: object, purpose: string | null, nin: string) => {
      const token = await graph.internalToken('citizens', { principal, purpose });
      const res = await fetch(graph.subgraphs.citizens!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query:
            'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { nin familyNameLat deathDate } } }',
          variables: { r: [{ __typename: 'Citizen', nin }] },
        }),
      });
      return res.text();
    };
    const citizen = {
      kind: 'citizen',
      sub: `citizen:${someone.nin}`,
      clientId: 'citizen-portal',
      nin: someone.nin,
    };
    expect(await post(citizen, null, someone.nin)).toContain(someone.nin);
    expect(await post(citizen, null, other.nin)).toBe(await post(citizen, null, NOBODY));
    const ministry = { kind: 'ministry', sub: 'client:x', clientId: 'x', ministry: 'HEALTH' };
    expect(await post(ministry, null, someone.nin)).toBe(await post(ministry, null, NOBODY));
  });
});

describe('aliases, fragments and lists cannot trick the rules', () => {
  it('own NIN and another’s as two aliases, directly and inside fragments', async () => {
    const token = await graph.token({ kind: 'citizen', nin: someone.nin });
    const direct = await graph.query(
      `query($a: String!, $b: String!) { mine: citizen(nin: $a) { nin deathDate } theirs: citizen(nin: $b) { nin deathDate } }`,
      { a: someone.nin, b: other.nin },
      { token },
    );
    expect(direct.body.data.mine.nin).toBe(someone.nin);
    expect(direct.body.data.theirs).toBeNull();
    const fragments = await graph.query(
      `query($a: String!, $b: String!) { mine: citizen(nin: $a) { ...F } theirs: citizen(nin: $b) { ... on Citizen { ...F } } }
       fragment F on Citizen { nin familyNameLat maritalStatus }`,
      { a: someone.nin, b: other.nin },
      { token },
    );
    expect(fragments.body.data.mine.nin).toBe(someone.nin);
    expect(fragments.body.data.theirs).toBeNull();
    expect(JSON.stringify(fragments.body)).not.toContain(other.nin);
  });

  it('a forbidden group hidden in a fragment or inline fragment is still refused', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'EDUCATION' });
    const named = await graph.query(
      `query($n: String!) { citizen(nin: $n) { nin ...D } } fragment D on Citizen { maritalStatus }`,
      { n: someone.nin },
      { token, purpose: 'SCHOOL_ENROLMENT' },
    );
    expectDenied(named as never, 'named fragment', 'CIVIL_STATUS');
    const inline = await graph.query(
      `query($n: String!) { citizen(nin: $n) { nin ... on Citizen { documents { nodes { number } } } } }`,
      { n: someone.nin },
      { token, purpose: 'SCHOOL_ENROLMENT' },
    );
    expectDenied(inline as never, 'inline fragment', 'DOCUMENTS');
  });

  it('lists apply the same groups to every item, with the same refusal', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'EDUCATION' });
    const ok = await graph.query(
      `{ citizens(first: 5) { nodes { nin familyNameLat father { nin } } } }`,
      {},
      { token, purpose: 'SCHOOL_ENROLMENT' },
    );
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.citizens.nodes).toHaveLength(5);
    const refused = await graph.query(
      `{ citizens(first: 5) { edges { node { nin maritalStatus } } } }`,
      {},
      { token, purpose: 'SCHOOL_ENROLMENT' },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      group: 'CIVIL_STATUS',
    });
    expect(refused.body.data?.citizens ?? null).toBeNull();
  });

  it('an agent lists only the registry of their own commune', async () => {
    const token = await graph.token({ kind: 'agent', commune: someone.birth_commune_code });
    const own = await graph.query(
      `{ citizens(first: 3) { nodes { nin birthCommune { code } } } }`,
      {},
      { token, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(own.body.errors).toBeUndefined();
    for (const n of own.body.data.citizens.nodes)
      expect(n.birthCommune.code).toBe(someone.birth_commune_code);
    const elsewhere = someone.birth_commune_code === '1601' ? '3101' : '1601';
    const res = await graph.query(
      `query($c: String!) { citizens(filter: { birthCommuneCode: $c }) { nodes { nin } } }`,
      { c: elsewhere },
      { token, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
