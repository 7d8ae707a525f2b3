import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let officer: string;
const OFFICE = '1601';
const PURPOSE = 'CIVIL_REGISTRATION';

const MARRY = /* GraphQL */ `
  mutation Marry($input: RegisterMarriageInput!) {
    registerMarriage(input: $input) {
      replayed
      act {
        number
        kind
        actDate
        eventDate
        corrects
        office {
          code
        }
        persons {
          nin
          maritalStatus
        }
      }
    }
  }
`;
const DIE = /* GraphQL */ `
  mutation Die($input: RegisterDeathInput!) {
    registerDeath(input: $input) {
      replayed
      act {
        number
        kind
        eventDate
        corrects
        persons {
          nin
          deathDate
        }
      }
    }
  }
`;
const RECORD = /* GraphQL */ `
  query Record($nin: String!) {
    citizen(nin: $nin) {
      nin
      maritalStatus
      deathDate
      spouse {
        nin
      }
      civilActs {
        number
        kind
        eventDate
        corrects
        correctedBy
        persons {
          nin
        }
        marginalNotes {
          kind
          text
          sourceActNumber
        }
      }
    }
  }
`;

const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `k-${Math.random().toString(36).slice(2, 14)}`;

type Person = { nin: string; birth_date: string; birth_commune_code: string };

/** A living single man and woman born 1960–2000 who are not brother and sister. */
async function couple(skip: number): Promise<[Person, Person]> {
  const [pair] = await rows<{ h: string; w: string }>(
    graph.database.db,
    sql`select h.nin as h, w.nin as w from citizens.citizens h join citizens.citizens w
          on w.sex = 'FEMALE' and w.marital_status = 'SINGLE' and w.death_date is null
         and w.birth_date between '1960-01-01' and '2000-12-31'
         and w.father_nin is distinct from h.father_nin
        where h.sex = 'MALE' and h.marital_status = 'SINGLE' and h.death_date is null
          and h.birth_date between '1960-01-01' and '2000-12-31'
        order by h.nin, w.nin offset ${skip * 50} limit 1`,
  );
  const people = await rows<Person>(
    graph.database.db,
    sql`select nin, birth_date::text as birth_date, birth_commune_code from citizens.citizens
        where nin in (${pair!.h}, ${pair!.w}) order by sex desc`,
  );
  return people as [Person, Person];
}

async function ledger() {
  return {
    acts: await countRows(graph.database.db, 'citizens.civil_acts'),
    notes: await countRows(graph.database.db, 'citizens.marginal_notes'),
    statuses: await rows(
      graph.database.db,
      sql`select nin, marital_status, death_date::text, spouse_nin from citizens.citizens order by nin`,
    ),
  };
}

let registry: string;
// The registry's keeper (Interior) reads both spouses: an agent reaches a spouse born in
// another commune only by naming them.
const read = (nin: string) =>
  graph.query(RECORD, { nin }, { token: registry, purpose: 'CIVIL_STATUS_ADMINISTRATION' });
const marry = (input: Record<string, unknown>, token = officer) =>
  graph.query(MARRY, { input: { idempotencyKey: key(), ...input } }, { token, purpose: PURPOSE });
const die = (input: Record<string, unknown>, token = officer) =>
  graph.query(DIE, { input: { idempotencyKey: key(), ...input } }, { token, purpose: PURPOSE });

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 600 });
  officer = await graph.token({ kind: 'agent', commune: OFFICE, service: 'CIVIL_STATUS' });
  registry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
});

/** The database's own refusal, under the driver's wrapping. */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'accepted';
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
}
afterAll(() => graph?.stop());

describe('civil acts', () => {
  it('every seeded citizen has a birth act; the married a marriage act; the dead a death act', async () => {
    const [missing] = await rows<{ births: number; marriages: number; deaths: number }>(
      graph.database.db,
      sql`select
        (select count(*)::int from citizens.citizens c where not exists
          (select 1 from citizens.civil_acts a where a.kind = 'BIRTH' and a.subject_nin = c.nin)) as births,
        (select count(*)::int from citizens.citizens c where c.marital_status <> 'SINGLE' and not exists
          (select 1 from citizens.civil_acts a where a.kind = 'MARRIAGE' and c.nin in (a.subject_nin, a.partner_nin))) as marriages,
        (select count(*)::int from citizens.citizens c where c.death_date is not null and not exists
          (select 1 from citizens.civil_acts a where a.kind = 'DEATH' and a.subject_nin = c.nin)) as deaths`,
    );
    expect(missing).toEqual({ births: 0, marriages: 0, deaths: 0 });
    const [married] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from citizens.citizens where marital_status = 'MARRIED'`,
    );
    expect(married!.n).toBeGreaterThan(0);
  });

  it('a birth registered at the counter gets its birth act', async () => {
    const [mother] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where sex = 'FEMALE' and death_date is null
          and birth_date between '1985-01-01' and '2000-12-31' order by nin limit 1`,
    );
    const counter = await graph.token({ kind: 'agent', commune: OFFICE });
    const res = await graph.query(
      `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { citizen { nin civilActs { number kind office { code } } } } }`,
      {
        input: {
          givenNameAr: 'ياسين',
          givenNameLat: 'Yacine',
          familyNameAr: 'بن علي',
          familyNameLat: 'Benali',
          sex: 'MALE',
          birthDate: '2025-03-01',
          motherNin: mother!.nin,
          idempotencyKey: key(),
        },
      },
      { token: counter, purpose: PURPOSE },
    );
    expect(res.body.errors).toBeUndefined();
    const acts = res.body.data.registerBirth.citizen.civilActs;
    expect(acts).toHaveLength(1);
    expect(acts[0].kind).toBe('BIRTH');
    expect(acts[0].office.code).toBe(OFFICE);
    expect(acts[0].number).toMatch(/^1601-\d{4}-B-\d{6}$/);
  });

  it('marriage, then the death of a spouse: records, acts and marginal notes at each step', async () => {
    const [husband, wife] = await couple(0);
    const before = (await read(husband!.nin)).body.data.citizen;
    const birthAct = before.civilActs.find((a: any) => a.kind === 'BIRTH');
    expect(birthAct.marginalNotes).toEqual([]);

    const married = await marry({
      husbandNin: husband!.nin,
      wifeNin: wife!.nin,
      marriageDate: '2024-06-15',
    });
    expect(married.body.errors).toBeUndefined();
    const act = married.body.data.registerMarriage.act;
    expect(act.kind).toBe('MARRIAGE');
    expect(act.office.code).toBe(OFFICE);
    expect(act.eventDate).toBe('2024-06-15');
    expect(act.number).toMatch(/^1601-\d{4}-M-\d{6}$/);
    expect(act.persons.map((p: any) => [p.nin, p.maritalStatus]).sort()).toEqual(
      [
        [husband!.nin, 'MARRIED'],
        [wife!.nin, 'MARRIED'],
      ].sort(),
    );
    for (const [person, spouse] of [
      [husband!, wife!],
      [wife!, husband!],
    ] as const) {
      const rec = (await read(person.nin)).body.data.citizen;
      expect(rec.maritalStatus).toBe('MARRIED');
      expect(rec.spouse.nin).toBe(spouse.nin);
      const birth = rec.civilActs.find((a: any) => a.kind === 'BIRTH');
      expect(birth.marginalNotes).toEqual([
        {
          kind: 'MARRIAGE',
          sourceActNumber: act.number,
          text: expect.stringContaining(act.number),
        },
      ]);
      expect(rec.civilActs.map((a: any) => a.number)).toContain(act.number);
    }

    const death = await die({ deceasedNin: husband!.nin, deathDate: '2025-01-10' });
    expect(death.body.errors).toBeUndefined();
    const deathAct = death.body.data.registerDeath.act;
    expect(deathAct.kind).toBe('DEATH');
    expect(deathAct.persons).toEqual([{ nin: husband!.nin, deathDate: '2025-01-10' }]);

    // Visible at once to a purpose that covers DEATH, in another ministry.
    const health = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const seen = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { deathDate } }`,
      { nin: husband!.nin },
      { token: health, purpose: 'HEALTH_CARE' },
    );
    expect(seen.body.data.citizen.deathDate).toBe('2025-01-10');

    const widow = (await read(wife!.nin)).body.data.citizen;
    expect(widow.maritalStatus).toBe('WIDOWED');
    expect(widow.spouse).toBeNull();
    const marriageAct = widow.civilActs.find((a: any) => a.number === act.number);
    expect(marriageAct.marginalNotes).toEqual([
      { kind: 'DEATH', sourceActNumber: deathAct.number, text: expect.stringContaining('dissous') },
    ]);
    const deceased = (await read(husband!.nin)).body.data.citizen;
    expect(deceased.deathDate).toBe('2025-01-10');
    const hisBirth = deceased.civilActs.find((a: any) => a.kind === 'BIRTH');
    expect(hisBirth.marginalNotes.map((n: any) => [n.kind, n.sourceActNumber])).toEqual([
      ['MARRIAGE', act.number],
      ['DEATH', deathAct.number],
    ]);

    // A correction is a new act naming the old one; the old one stays, marked.
    const fixed = await die({
      deceasedNin: husband!.nin,
      deathDate: '2025-01-12',
      corrects: deathAct.number,
    });
    expect(fixed.body.errors).toBeUndefined();
    const fix = fixed.body.data.registerDeath.act;
    expect(fix.corrects).toBe(deathAct.number);
    const after = (await read(husband!.nin)).body.data.citizen;
    expect(after.deathDate).toBe('2025-01-12');
    const old = after.civilActs.find((a: any) => a.number === deathAct.number);
    expect(old.eventDate).toBe('2025-01-10');
    expect(old.correctedBy).toBe(fix.number);
    expect(old.marginalNotes).toEqual([
      {
        kind: 'CORRECTION',
        sourceActNumber: fix.number,
        text: expect.stringContaining(fix.number),
      },
    ]);

    // Correcting the replaced act again is refused: correct the one in force.
    const again = await die({
      deceasedNin: husband!.nin,
      deathDate: '2025-01-11',
      corrects: deathAct.number,
    });
    expect(codeOf(again)).toBe('ACT_ALREADY_CORRECTED');
  });

  it('acts cannot be changed in the database: UPDATE and DELETE are refused', async () => {
    const before = await ledger();
    expect(
      await refusal(
        graph.database.db.execute(sql`update citizens.civil_acts set event_date = '2000-01-01'`),
      ),
    ).toMatch(/civil_acts is append-only \(UPDATE refused\)/);
    expect(
      await refusal(graph.database.db.execute(sql`delete from citizens.marginal_notes`)),
    ).toMatch(/marginal_notes is append-only \(DELETE refused\)/);
    expect(await ledger()).toEqual(before);
  });

  it('a retry with the same key draws up one act; 10 concurrent retries too', async () => {
    const [husband, wife] = await couple(3);
    const input = {
      husbandNin: husband!.nin,
      wifeNin: wife!.nin,
      marriageDate: '2023-09-01',
      idempotencyKey: key(),
    };
    const before = await countRows(graph.database.db, 'citizens.civil_acts');
    const all = await Promise.all(Array.from({ length: 10 }, () => marry(input)));
    for (const r of all) expect(r.body.errors).toBeUndefined();
    const numbers = new Set(all.map((r) => r.body.data.registerMarriage.act.number));
    expect(numbers.size).toBe(1);
    expect(all.filter((r) => !r.body.data.registerMarriage.replayed)).toHaveLength(1);
    expect(await countRows(graph.database.db, 'citizens.civil_acts')).toBe(before + 1);
  });

  describe('bad input: its own code, nothing written', () => {
    let husband: Person;
    let wife: Person;
    beforeAll(async () => {
      [husband, wife] = await couple(6);
    });

    const cases: [string, () => Promise<Record<string, unknown>>, 'marry' | 'die', string][] = [
      [
        'a dead spouse',
        async () => {
          const [dead] = await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where sex = 'FEMALE' and death_date is not null order by nin limit 1`,
          );
          return { husbandNin: husband.nin, wifeNin: dead!.nin, marriageDate: '2025-02-01' };
        },
        'marry',
        'CITIZEN_DECEASED',
      ],
      [
        'an under-age spouse',
        async () => {
          const [young] = await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where sex = 'FEMALE' and death_date is null
                and birth_date > '2008-01-01' order by nin limit 1`,
          );
          return { husbandNin: husband.nin, wifeNin: young!.nin, marriageDate: '2025-02-01' };
        },
        'marry',
        'UNDER_AGE',
      ],
      [
        'an already married spouse',
        async () => {
          const [taken] = await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where sex = 'FEMALE' and death_date is null
                and marital_status = 'MARRIED' order by nin limit 1`,
          );
          return { husbandNin: husband.nin, wifeNin: taken!.nin, marriageDate: '2025-02-01' };
        },
        'marry',
        'ALREADY_MARRIED',
      ],
      [
        'a brother and a sister',
        async () => {
          const [pair] = await rows<{ h: string; w: string }>(
            graph.database.db,
            sql`select b.nin as h, s.nin as w from citizens.citizens b join citizens.citizens s
                on s.father_nin = b.father_nin and s.sex = 'FEMALE'
                where b.sex = 'MALE' and b.marital_status = 'SINGLE' and s.marital_status = 'SINGLE'
                  and b.death_date is null and s.death_date is null
                  and b.birth_date < '2000-01-01' and s.birth_date < '2000-01-01' limit 1`,
          );
          return { husbandNin: pair!.h, wifeNin: pair!.w, marriageDate: '2025-02-01' };
        },
        'marry',
        'MARRIAGE_IMPEDIMENT',
      ],
      [
        'a marriage in the future',
        async () => ({ husbandNin: husband.nin, wifeNin: wife.nin, marriageDate: '2999-01-01' }),
        'marry',
        'INVALID_DATE',
      ],
      [
        'an unknown NIN',
        async () => ({
          husbandNin: makeNin('119991601', 9_999_999),
          wifeNin: wife.nin,
          marriageDate: '2025-02-01',
        }),
        'marry',
        'CITIZEN_NOT_FOUND',
      ],
      [
        'a death before the birth',
        async () => ({ deceasedNin: husband.nin, deathDate: '1950-01-01' }),
        'die',
        'DATE_BEFORE_BIRTH',
      ],
      [
        'a death in the future',
        async () => ({ deceasedNin: husband.nin, deathDate: '2999-01-01' }),
        'die',
        'INVALID_DATE',
      ],
      [
        'a second death',
        async () => {
          const [dead] = await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where death_date is not null order by nin limit 1`,
          );
          return { deceasedNin: dead!.nin, deathDate: '2025-01-01' };
        },
        'die',
        'ALREADY_DECEASED',
      ],
      [
        'a correction of an act that is not a death act',
        async () => {
          const [birth] = await rows<{ number: string }>(
            graph.database.db,
            sql`select number from citizens.civil_acts where kind = 'BIRTH' and subject_nin = ${husband.nin}`,
          );
          return { deceasedNin: husband.nin, deathDate: '2025-01-01', corrects: birth!.number };
        },
        'die',
        'ACT_NOT_FOUND',
      ],
    ];
    for (const [what, input, op, code] of cases) {
      it(`${what} → ${code}`, async () => {
        const given = await input();
        const before = await ledger();
        const res = op === 'marry' ? await marry(given) : await die(given);
        expect(codeOf(res)).toBe(code);
        expect(res.body.errors![0]!.message.length).toBeGreaterThan(10);
        expect(await ledger()).toEqual(before);
      });
    }

    it('a counter agent (not the civil-status office) → FORBIDDEN, nothing written', async () => {
      const counter = await graph.token({ kind: 'agent', commune: OFFICE });
      const before = await ledger();
      const res = await marry(
        { husbandNin: husband.nin, wifeNin: wife.nin, marriageDate: '2025-02-01' },
        counter,
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(await ledger()).toEqual(before);
    });

    it('a ministry → FORBIDDEN, nothing written', async () => {
      const interior = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
      const before = await ledger();
      const res = await graph.query(
        DIE,
        { input: { deceasedNin: husband.nin, deathDate: '2025-01-01', idempotencyKey: key() } },
        { token: interior, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(await ledger()).toEqual(before);
    });
  });
});
