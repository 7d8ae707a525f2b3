import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let ministry: string;
let agent: string;
let mother: { nin: string; birth_commune_code: string };
let father: { nin: string };

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterBirthInput!) {
    registerBirth(input: $input) {
      replayed
      citizen {
        nin
        familyNameLat
        sex
        birthDate
        birthCommune {
          code
        }
        mother {
          nin
        }
        father {
          nin
        }
      }
    }
  }
`;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
  // A couple, both alive, the mother born after 1970: eligible parents of a newborn.
  const mothers = await rows<typeof mother>(
    graph.database.db,
    sql`select m.nin, m.birth_commune_code from citizens.citizens m
        where m.sex = 'FEMALE' and m.death_date is null and m.birth_date > '1975-01-01'
          and exists (select 1 from citizens.citizens k where k.mother_nin = m.nin and k.father_nin is not null)
        order by m.nin limit 1`,
  );
  mother = mothers[0]!;
  const fathers = await rows<typeof father>(
    graph.database.db,
    sql`select f.nin from citizens.citizens f join citizens.citizens k on k.father_nin = f.nin
        where k.mother_nin = ${mother.nin} and f.death_date is null limit 1`,
  );
  father = fathers[0]!;
  agent = await graph.token({ kind: 'agent', commune: mother.birth_commune_code });
});
afterAll(() => graph?.stop());

const birth = (over: Record<string, unknown> = {}) => ({
  givenNameAr: 'ياسين',
  givenNameLat: 'Yacine',
  sex: 'MALE',
  birthDate: '2026-01-15',
  motherNin: mother.nin,
  fatherNin: father.nin,
  idempotencyKey: `test-${Math.random().toString(36).slice(2, 12)}`,
  ...over,
});

const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

describe('bad input gets a clear code and message', () => {
  it('a malformed NIN: wrong length, letters, bad check digits', async () => {
    for (const nin of ['123', '1199001601000000AB', '119900160100000012', "1' OR '1'='1"]) {
      const res = await graph.query(
        `query($nin: String!) { citizen(nin: $nin) { nin } }`,
        { nin },
        { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
      );
      expect(codeOf(res)).toBe('INVALID_NIN');
      expect(res.body.errors![0]!.message).toMatch(/not a valid NIN/);
    }
  });

  it('a well-formed NIN nobody has is simply null', async () => {
    const nin = makeNin('219991601', 9_999_999);
    const res = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { nin } }`,
      { nin },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citizen).toBeNull();
  });

  it('several citizens by NIN: in the order given, null for an unknown one, each read audited; a bad list is refused whole', async () => {
    const known = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens order by nin limit 3`,
    );
    const unknown = makeNin('219991601', 9_999_998);
    const nins = [known[2]!.nin, unknown, known[0]!.nin, known[1]!.nin];
    const q = `query($nins: [String!]!) { citizensByNin(nins: $nins) { nin } }`;
    const opts = { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' };
    const audited = () => countRows(graph.database.db, 'citizens.consultations');
    const before = await audited();
    const res = await graph.query(q, { nins }, opts);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citizensByNin.map((c: { nin: string } | null) => c?.nin ?? null)).toEqual([
      known[2]!.nin,
      null,
      known[0]!.nin,
      known[1]!.nin,
    ]);
    expect((await audited()) - before).toBe(3);

    const malformed = await graph.query(q, { nins: [known[0]!.nin, '119900160100000012'] }, opts);
    expect(codeOf(malformed)).toBe('INVALID_NIN');
    expect(malformed.body.errors![0]!.message).toMatch(/nins\[1\].*not a valid NIN/);
    const tooMany = await graph.query(
      q,
      { nins: Array.from({ length: 501 }, () => known[0]!.nin) },
      opts,
    );
    expect(codeOf(tooMany)).toBe('TOO_MANY_ROWS');
    expect(tooMany.body.errors![0]!.message).toMatch(/at most 500 NINs \(got 501\)/);
    expect(await audited()).toBe(before + 3);
  });

  it('an unknown commune or wilaya, and malformed codes', async () => {
    const unknown = await graph.query(`{ commune(code: "9999") { nameFr } }`);
    expect(codeOf(unknown)).toBe('COMMUNE_NOT_FOUND');
    expect(unknown.body.errors![0]!.message).toBe('there is no commune with code 9999');
    expect(codeOf(await graph.query(`{ commune(code: "16O1") { nameFr } }`))).toBe(
      'INVALID_COMMUNE_CODE',
    );
    expect(codeOf(await graph.query(`{ wilaya(code: "99") { nameFr } }`))).toBe('WILAYA_NOT_FOUND');
    expect(codeOf(await graph.query(`{ communes(wilayaCode: "99") { nodes { code } } }`))).toBe(
      'WILAYA_NOT_FOUND',
    );
    const filtered = await graph.query(
      `{ citizens(filter: { birthCommuneCode: "abc" }) { nodes { nin } } }`,
      {},
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(filtered)).toBe('INVALID_COMMUNE_CODE');
  });

  it('page sizes out of range and forged cursors', async () => {
    for (const first of [-1, 0, 100_000]) {
      const res = await graph.query(
        `query($first: Int!) { citizens(first: $first) { nodes { nin } } }`,
        { first },
        { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
      );
      expect(codeOf(res)).toBe('INVALID_PAGE_SIZE');
      expect(res.body.errors![0]!.message).toMatch(/between 1 and 100/);
    }
    const communes = await graph.query(
      `query($first: Int!) { communes(wilayaCode: "16", first: $first) { nodes { code } } }`,
      { first: 100000 },
    );
    expect(codeOf(communes)).toBe('INVALID_PAGE_SIZE');
    // Written into the query itself, the same page size gets the same answer: the cost
    // limit counts a variable as it counts a literal, and leaves the page size to the list.
    const literal = await graph.query(
      `{ communes(wilayaCode: "16", first: 100000) { nodes { code } } }`,
    );
    expect(codeOf(literal)).toBe('INVALID_PAGE_SIZE');
    const cursor = await graph.query(
      `{ citizens(after: "not-a-cursor!") { nodes { nin } } }`,
      {},
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(cursor)).toBe('INVALID_CURSOR');
  });

  it('injection strings in string arguments are only data', async () => {
    const before = await countRows(graph.database.db, 'citizens.citizens');
    for (const name of ["'; drop table citizens.citizens; --", '%_%', "Ben' OR 1=1 --"]) {
      const res = await graph.query(
        `query($n: String!) { citizens(filter: { name: $n }) { nodes { nin } } }`,
        { n: name },
        { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.citizens.nodes).toEqual([]);
      const search = await graph.query(
        `query($n: String!) { searchCommunes(name: $n) { nodes { code } } }`,
        { n: name },
      );
      expect(search.body.data.searchCommunes.nodes).toEqual([]);
    }
    expect(await countRows(graph.database.db, 'citizens.citizens')).toBe(before);
  });
});

describe('registerBirth', () => {
  it('registers a newborn with a valid NIN of its commune, and a retry replays it', async () => {
    const input = birth();
    const first = await graph.query(
      REGISTER,
      { input },
      { token: agent, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(first.body.errors).toBeUndefined();
    const created = first.body.data.registerBirth;
    expect(created.replayed).toBe(false);
    expect(created.citizen.nin).toMatch(new RegExp(`^12026${mother.birth_commune_code}\\d{9}$`));
    expect(created.citizen.mother.nin).toBe(mother.nin);
    expect(created.citizen.father.nin).toBe(father.nin);
    expect(created.citizen.birthCommune.code).toBe(mother.birth_commune_code);

    const again = await graph.query(
      REGISTER,
      { input },
      { token: agent, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(again.body.data.registerBirth).toEqual({ ...created, replayed: true });

    const reused = await graph.query(
      REGISTER,
      { input: { ...input, givenNameLat: 'Yanis' } },
      { token: agent, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a retry is answered from the first result: the parents are not read or recorded again', async () => {
    const input = birth({ givenNameAr: 'أنيس', givenNameLat: 'Anis' });
    const SMALL = `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { replayed citizen { nin } } }`;
    const parentRows = async () =>
      Number(
        (
          await rows<{ n: number }>(
            graph.database.db,
            sql`select count(*)::int as n from citizens.consultations
                where nin in (${mother.nin}, ${father.nin})`,
          )
        )[0]!.n,
      );
    const before = await parentRows();
    const first = await graph.query(
      SMALL,
      { input },
      { token: agent, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(first.body.data.registerBirth.replayed).toBe(false);
    // The first registration consults both parents (identity and death), and records it.
    expect(await parentRows()).toBe(before + 2);
    const retry = await graph.cost(
      SMALL,
      { input },
      { token: agent, purpose: 'CIVIL_REGISTRATION' },
    );
    expect(retry.body.data.registerBirth).toEqual({
      replayed: true,
      citizen: { nin: first.body.data.registerBirth.citizen.nin },
    });
    expect(await parentRows()).toBe(before + 2);
  });

  it('concurrent retries with one key register one child', async () => {
    const input = birth({ givenNameAr: 'سلمى', givenNameLat: 'Selma', sex: 'FEMALE' });
    const before = await countRows(graph.database.db, 'citizens.citizens');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        graph.query(REGISTER, { input }, { token: agent, purpose: 'CIVIL_REGISTRATION' }),
      ),
    );
    const nins = new Set(answers.map((a) => a.body.data?.registerBirth?.citizen?.nin));
    expect(answers.every((a) => !a.body.errors)).toBe(true);
    expect(nins.size).toBe(1);
    expect(await countRows(graph.database.db, 'citizens.citizens')).toBe(before + 1);
  });

  const refusals: [string, () => Record<string, unknown>, string, RegExp][] = [
    [
      'unknown mother',
      () => birth({ motherNin: makeNin('219901601', 9_999_998) }),
      'PARENT_NOT_FOUND',
      /motherNin/,
    ],
    [
      'unknown father',
      () => birth({ fatherNin: makeNin('119901601', 9_999_998) }),
      'PARENT_NOT_FOUND',
      /fatherNin/,
    ],
    ['malformed mother NIN', () => birth({ motherNin: '12345' }), 'INVALID_NIN', /motherNin/],
    [
      'father given as mother',
      () => birth({ motherNin: father.nin }),
      'PARENT_INELIGIBLE',
      /not recorded as female/,
    ],
    ['birth in the future', () => birth({ birthDate: '2999-01-01' }), 'INVALID_DATE', /future/],
    [
      'Latin letters in the Arabic name',
      () => birth({ givenNameAr: 'Yacine' }),
      'BAD_USER_INPUT',
      /Arabic script/,
    ],
    [
      'another commune than the agent’s',
      () => birth({ birthCommuneCode: mother.birth_commune_code === '1601' ? '3101' : '1601' }),
      'FORBIDDEN',
      /may register births only/,
    ],
    [
      'malformed commune code',
      () => birth({ birthCommuneCode: '16' }),
      'INVALID_COMMUNE_CODE',
      /4 digits/,
    ],
    [
      'short idempotency key',
      () => birth({ idempotencyKey: 'abc' }),
      'BAD_USER_INPUT',
      /idempotencyKey/,
    ],
  ];

  it.each(refusals)(
    'refuses %s with its code and writes nothing',
    async (_what, input, code, message) => {
      const before = await countRows(graph.database.db, 'citizens.citizens');
      const keysBefore = await countRows(graph.database.db, 'citizens.idempotency_keys');
      const res = await graph.query(
        REGISTER,
        { input: input() },
        { token: agent, purpose: 'CIVIL_REGISTRATION' },
      );
      expect(codeOf(res)).toBe(code);
      expect(res.body.errors![0]!.message).toMatch(message);
      expect(res.body.data?.registerBirth ?? null).toBeNull();
      expect(await countRows(graph.database.db, 'citizens.citizens')).toBe(before);
      expect(await countRows(graph.database.db, 'citizens.idempotency_keys')).toBe(keysBefore);
    },
  );

  it('refuses a ministry token: only commune agents register births', async () => {
    const res = await graph.query(
      REGISTER,
      { input: birth() },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});
