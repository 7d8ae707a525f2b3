import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let service: string; // the associations service of 1601
const PURPOSE = 'ASSOCIATIONS_REGISTRY';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `a-${Math.random().toString(36).slice(2, 14)}`;
const today = () => new Date().toISOString().slice(0, 10);
let adults: string[] = [];

const DECLARE = /* GraphQL */ `
  mutation ($i: DeclareAssociationInput!) {
    declareAssociation(input: $i) {
      replayed
      association {
        id
        status
        version
        decisionDue
        founders {
          person {
            nin
          }
        }
      }
    }
  }
`;
const DECIDE = /* GraphQL */ `
  mutation ($i: DecideAssociationInput!) {
    decideAssociation(input: $i) {
      id
      status
      version
      registrationNumber
      registeredOn
      refusalReason
      history {
        toStatus
        reason
      }
    }
  }
`;
const RENEW = /* GraphQL */ `
  mutation ($i: RenewBoardInput!) {
    renewAssociationBoard(input: $i) {
      id
      board {
        board
        role
        fromDate
        person {
          nin
        }
      }
    }
  }
`;

function declare(input: Record<string, unknown>, token = service) {
  return graph.query(
    DECLARE,
    {
      i: {
        name: 'Association culturelle El Djazaïr',
        nameAr: 'جمعية الجزائر الثقافية',
        domain: 'CULTURE',
        seat: 'Maison de jeunes, rue Larbi Ben M’hidi',
        statutes: 'Promouvoir la culture et le patrimoine local.',
        founders: adults.slice(0, 10),
        idempotencyKey: key(),
        ...input,
      },
    },
    { token, purpose: PURPOSE },
  );
}

const decide = (i: Record<string, unknown>, token = service) =>
  graph.query(DECIDE, { i }, { token, purpose: PURPOSE });

async function written() {
  return Promise.all(
    ['associations', 'founders', 'board_members', 'association_events', 'general_assemblies'].map(
      (t) => countRows(graph.database.db, `associations.${t}`),
    ),
  );
}

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 400 });
  service = await graph.token({ kind: 'agent', commune: '1601', service: 'ASSOCIATIONS' });
  adults = (
    await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is null and birth_date < '2000-01-01' order by nin limit 40`,
    )
  ).map((r) => r.nin);
});
afterAll(() => graph?.stop());

describe('an association from declaration to a renewed board', () => {
  it('is declared, refused with a reason, declared again, registered, and renews its board', async () => {
    const first = await declare({ name: 'Les Amis de la Casbah', nameAr: 'أصدقاء القصبة' });
    expect(first.body.errors).toBeUndefined();
    const declared = first.body.data.declareAssociation.association;
    expect(declared).toMatchObject({ status: 'DECLARED', version: 1 });
    expect(declared.id).toMatch(/^ASC-1601-\d{6}$/);
    expect(declared.founders).toHaveLength(10);
    // The legal delay is 30 days from today.
    expect(Date.parse(declared.decisionDue) - Date.parse(today())).toBe(30 * 86_400_000);

    const noReason = await decide({ id: declared.id, status: 'REFUSED', expectedVersion: 1 });
    expect(codeOf(noReason)).toBe('JUSTIFICATION_REQUIRED');
    const refused = await decide({
      id: declared.id,
      status: 'REFUSED',
      expectedVersion: 1,
      reason: 'Le siège déclaré n’existe pas à cette adresse.',
    });
    expect(refused.body.data.decideAssociation).toMatchObject({
      status: 'REFUSED',
      refusalReason: 'Le siège déclaré n’existe pas à cette adresse.',
      registrationNumber: null,
    });

    // The refusal frees the name: the founders declare again with a real seat.
    const again = await declare({
      name: 'Les Amis de la Casbah',
      nameAr: 'أصدقاء القصبة',
      seat: '12 rue des Frères Bachara',
    });
    expect(again.body.errors).toBeUndefined();
    const second = again.body.data.declareAssociation.association;
    expect(second.id).not.toBe(declared.id);
    const registered = await decide({ id: second.id, status: 'REGISTERED', expectedVersion: 1 });
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data.decideAssociation).toMatchObject({
      status: 'REGISTERED',
      registeredOn: today(),
      history: [
        { toStatus: 'DECLARED', reason: null },
        { toStatus: 'REGISTERED', reason: null },
      ],
    });
    expect(registered.body.data.decideAssociation.registrationNumber).toMatch(
      new RegExp(`^REC-1601-${today().slice(0, 4)}-\\d{4}$`),
    );

    const board = (members: string[]) =>
      members.map((nin, i) => ({
        nin,
        role: ['PRESIDENT', 'SECRETARY_GENERAL', 'TREASURER'][i] ?? 'MEMBER',
      }));
    const founding = await graph.query(
      RENEW,
      {
        i: {
          associationId: second.id,
          electedOn: today(),
          members: board(adults.slice(0, 4)),
          idempotencyKey: key(),
        },
      },
      { token: service, purpose: PURPOSE },
    );
    expect(founding.body.errors).toBeUndefined();
    const renewed = await graph.query(
      RENEW,
      {
        i: {
          associationId: second.id,
          electedOn: today(),
          members: board(adults.slice(4, 9)),
          idempotencyKey: key(),
        },
      },
      { token: service, purpose: PURPOSE },
    );
    expect(renewed.body.errors).toBeUndefined();
    const seats = renewed.body.data.renewAssociationBoard.board;
    expect(seats).toHaveLength(5);
    expect(new Set(seats.map((s: { board: number }) => s.board))).toEqual(new Set([2]));
    expect(seats.map((s: { person: { nin: string } }) => s.person.nin).sort()).toEqual(
      adults.slice(4, 9).sort(),
    );

    // The first president sees their past seat; the new one their sitting one.
    const president = await graph.token({ kind: 'citizen', nin: adults[0]! });
    const mine = await graph.query(
      `query($n: String!) { citizen(nin: $n) { associations { nodes { role board fromDate toDate association { name status } } } } }`,
      { n: adults[0] },
      { token: president },
    );
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.citizen.associations.nodes).toEqual([
      {
        role: 'PRESIDENT',
        board: 1,
        fromDate: today(),
        toDate: today(),
        association: { name: 'Les Amis de la Casbah', status: 'REGISTERED' },
      },
    ]);

    // The public registry: anonymous, searchable in French and Arabic, no NIN in the answer.
    const registry = `query($s: String) { associationRegistry(communeCode: "1601", search: $s) { nodes { id name nameAr domain seat status registrationNumber registeredOn } } }`;
    for (const search of ['amis de la CASBAH', 'اصدقاء', 'أصدقاءُ القصبة']) {
      const res = await graph.query(registry, { s: search });
      expect(res.body.errors, search).toBeUndefined();
      expect(
        res.body.data.associationRegistry.nodes.map((n: { id: string }) => n.id),
        search,
      ).toEqual([second.id]);
      expect(JSON.stringify(res.body)).not.toMatch(/\d{18}/);
    }
    const all = await graph.query(registry, {});
    expect(all.body.data.associationRegistry.nodes.map((n: { id: string }) => n.id)).not.toContain(
      declared.id,
    );
  });
});

describe('bad declarations and boards', () => {
  it('refuses a dead founder, an under-age one, too few founders and a taken name, writing nothing', async () => {
    const [dead] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is not null order by nin limit 1`,
    );
    const [minor] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is null and birth_date > (current_date - interval '17 years') order by nin limit 1`,
    );
    const taken = await declare({
      name: 'Club sportif Bab El Oued',
      nameAr: 'النادي الرياضي باب الواد',
      founders: adults.slice(10, 20),
    });
    expect(taken.body.errors).toBeUndefined();
    const before = await written();
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ founders: [dead!.nin, ...adults.slice(21, 30)] }, 'CITIZEN_DECEASED', 'founders[0]'],
      [{ founders: [...adults.slice(21, 30), minor!.nin] }, 'UNDER_AGE', 'founders[9]'],
      [{ founders: adults.slice(21, 30) }, 'TOO_FEW_FOUNDERS'],
      [{ founders: [...adults.slice(21, 30), adults[21]] }, 'DUPLICATE_FOUNDER'],
      [
        { name: 'club  SPORTIF bab el oued', founders: adults.slice(21, 31) },
        'ASSOCIATION_NAME_TAKEN',
      ],
      [{ founders: ['123', ...adults.slice(21, 30)] }, 'INVALID_NIN'],
    ];
    for (const [input, code, field] of cases) {
      const res = await declare(input);
      expect(codeOf(res), code).toBe(code);
      if (field) expect(res.body.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await written()).toEqual(before);
  });

  it('refuses a board member twice in one board, and a board without a treasurer, writing nothing', async () => {
    const { id } = (
      await declare({
        name: 'Association Nour',
        nameAr: 'جمعية النور',
        founders: adults.slice(20, 30),
      })
    ).body.data.declareAssociation.association;
    await decide({ id, status: 'REGISTERED', expectedVersion: 1 });
    const before = await written();
    const renew = (members: { nin: string; role: string }[]) =>
      graph.query(
        RENEW,
        { i: { associationId: id, electedOn: today(), members, idempotencyKey: key() } },
        { token: service, purpose: PURPOSE },
      );
    const twice = await renew([
      { nin: adults[20]!, role: 'PRESIDENT' },
      { nin: adults[21]!, role: 'SECRETARY_GENERAL' },
      { nin: adults[22]!, role: 'TREASURER' },
      { nin: adults[20]!, role: 'MEMBER' },
    ]);
    expect(codeOf(twice)).toBe('DUPLICATE_BOARD_MEMBER');
    const noTreasurer = await renew([
      { nin: adults[20]!, role: 'PRESIDENT' },
      { nin: adults[21]!, role: 'SECRETARY_GENERAL' },
    ]);
    expect(codeOf(noTreasurer)).toBe('INVALID_BOARD');
    expect(await written()).toEqual(before);
  });
});

describe('scope', () => {
  it("lists a person's seats only from the agent's own commune's files, even for a NIN the agent types", async () => {
    // A sitting board member born outside the commune of their association.
    const [seat] = await rows<{ nin: string; commune: string; born: string; id: string }>(
      graph.database.db,
      sql`select m.nin, a.commune_code as commune, c.birth_commune_code as born, a.id
          from associations.board_members m
          join associations.associations a on a.id = m.association_id
          join citizens.citizens c on c.nin = m.nin
          where m.to_date is null and c.birth_commune_code <> a.commune_code
          order by m.nin, a.id limit 1`,
    );
    expect(seat, 'the seed has a board member born in another commune').toBeDefined();
    const SEATS = `query($n: String!) { citizen(nin: $n) { nin associations(first: 50) { nodes { role association { id } } } } }`;
    const seatsSeenBy = async (commune: string) => {
      const agent = await graph.token({ kind: 'agent', commune, service: 'ASSOCIATIONS' });
      const res = await graph.query(SEATS, { n: seat!.nin }, { token: agent, purpose: PURPOSE });
      expect(res.body.errors, commune).toBeUndefined();
      expect(res.body.data.citizen.nin).toBe(seat!.nin);
      return res.body.data.citizen.associations.nodes.map(
        (n: { association: { id: string } }) => n.association.id,
      );
    };
    // The service of the association's commune lists the seat; the service of the commune of
    // birth, and a third commune's service typing the NIN, reach the person but not the file.
    expect(await seatsSeenBy(seat!.commune)).toContain(seat!.id);
    expect(await seatsSeenBy(seat!.born)).not.toContain(seat!.id);
    const third = ['3101', '1601', '2501'].find((c) => c !== seat!.commune && c !== seat!.born)!;
    expect(await seatsSeenBy(third)).toEqual([]);
  });

  it("keeps each commune's service to its own files, and other services out", async () => {
    const { id } = (
      await declare({
        name: 'Association Horizon',
        nameAr: 'جمعية الأفق',
        founders: adults.slice(30, 40),
      })
    ).body.data.declareAssociation.association;
    const oran = await graph.token({ kind: 'agent', commune: '3101', service: 'ASSOCIATIONS' });
    const file = `query($id: String!) { association(id: $id) { id founders { person { nin } } } }`;
    expect(
      (await graph.query(file, { id }, { token: oran, purpose: PURPOSE })).body.data.association,
    ).toBeNull();
    expect(codeOf(await decide({ id, status: 'REGISTERED', expectedVersion: 1 }, oran))).toBe(
      'ASSOCIATION_NOT_FOUND',
    );
    const hygiene = await graph.token({ kind: 'agent', commune: '1601', service: 'HYGIENE' });
    expect(codeOf(await decide({ id, status: 'REGISTERED', expectedVersion: 1 }, hygiene))).toBe(
      'FORBIDDEN',
    );
    // The service's own read of the founders is in its consultation log.
    const consulted = await countRows(graph.database.db, 'associations.consultations');
    const own = await graph.query(file, { id }, { token: service, purpose: PURPOSE });
    expect(own.body.data.association.founders).toHaveLength(10);
    expect(await countRows(graph.database.db, 'associations.consultations')).toBe(consulted + 10);
  });

  it('costs the same statements for the registry and the files at 5 and at 25', async () => {
    for (let i = 0; i < 26; i += 1) {
      const founders = adults.slice(i % 20, (i % 20) + 10);
      const res = await declare({
        name: `Association numéro ${i}`,
        nameAr: `جمعية رقم ${i}`,
        founders,
      });
      expect(res.body.errors, `declaring association ${i}`).toBeUndefined();
      await decide({
        id: res.body.data.declareAssociation.association.id,
        status: 'REGISTERED',
        expectedVersion: 1,
      });
    }
    const files = `query($n: Int!) { associations(first: $n) { nodes { id decisionOverdue founders { person { nin } } board { role } history { toStatus } } } }`;
    const small = await graph.cost(files, { n: 5 }, { token: service, purpose: PURPOSE });
    const large = await graph.cost(files, { n: 25 }, { token: service, purpose: PURPOSE });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data.associations.nodes).toHaveLength(25);
    expect(large.statements).toBe(small.statements);
    const registry = `query($n: Int!) { associationRegistry(communeCode: "1601", first: $n) { nodes { id name } } }`;
    const rs = await graph.cost(registry, { n: 5 });
    const rl = await graph.cost(registry, { n: 25 });
    expect(rl.body.data.associationRegistry.nodes).toHaveLength(25);
    expect(rl.statements).toBe(rs.statements);
  });
});

describe('a registered association over the years', () => {
  it('gets subsidies and files reports, is suspended with a reason, reinstated, then dissolved; Interior sees the figures', async () => {
    const { id } = (
      await declare({
        name: 'Association Tafat',
        nameAr: 'جمعية تافات',
        founders: adults.slice(5, 15),
      })
    ).body.data.declareAssociation.association;
    await decide({ id, status: 'REGISTERED', expectedVersion: 1 });
    const year = Number(today().slice(0, 4));
    const grant = `mutation($i: GrantSubsidyInput!) { grantAssociationSubsidy(input: $i) { year amount } }`;
    const granted = await graph.query(
      grant,
      { i: { associationId: id, year, amount: 250_000, idempotencyKey: key() } },
      { token: service, purpose: PURPOSE },
    );
    expect(granted.body.data.grantAssociationSubsidy).toEqual({ year, amount: 250_000 });
    const badAmount = await graph.query(
      grant,
      { i: { associationId: id, year, amount: 0, idempotencyKey: key() } },
      { token: service, purpose: PURPOSE },
    );
    expect(codeOf(badAmount)).toBe('BAD_USER_INPUT');
    const report = `mutation($i: AnnualReportInput!) { recordAnnualReport(input: $i) { year } }`;
    const filed = await graph.query(
      report,
      { i: { associationId: id, year, summary: 'Trois ateliers, un festival.' } },
      { token: service, purpose: PURPOSE },
    );
    expect(filed.body.data.recordAnnualReport).toEqual({ year });
    const twice = await graph.query(
      report,
      { i: { associationId: id, year, summary: 'Encore.' } },
      { token: service, purpose: PURPOSE },
    );
    expect(codeOf(twice)).toBe('CONFLICT');

    expect(codeOf(await decide({ id, status: 'SUSPENDED', expectedVersion: 2 }))).toBe(
      'JUSTIFICATION_REQUIRED',
    );
    const steps: [string, string | null][] = [
      ['SUSPENDED', 'Comptes de l’exercice non déposés.'],
      ['REGISTERED', null],
      ['DISSOLVED', 'Dissolution votée par l’assemblée générale.'],
    ];
    let version = 2;
    for (const [status, reason] of steps) {
      const res = await decide({ id, status, expectedVersion: version, reason });
      expect(res.body.errors, status).toBeUndefined();
      expect(res.body.data.decideAssociation.status).toBe(status);
      version += 1;
    }
    const file = await graph.query(
      `query($id: String!) { association(id: $id) { status subsidies { nodes { year amount } } annualReports { nodes { year } } history { toStatus } } }`,
      { id },
      { token: service, purpose: PURPOSE },
    );
    expect(file.body.data.association).toMatchObject({
      status: 'DISSOLVED',
      subsidies: { nodes: [{ year, amount: 250_000 }] },
      annualReports: { nodes: [{ year }] },
    });
    expect(file.body.data.association.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(
      ['DECLARED', 'REGISTERED', 'SUSPENDED', 'REGISTERED', 'DISSOLVED'],
    );

    const interior = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const stats = await graph.query(
      `{ associationStatistics(communeCode: "1601") { decisionsOverdue subsidiesByYear { year total associations } } }`,
      {},
      { token: interior, purpose: 'LOCAL_GOVERNMENT_OVERSIGHT' },
    );
    expect(stats.body.errors).toBeUndefined();
    const thisYear = stats.body.data.associationStatistics.subsidiesByYear.find(
      (y: { year: number }) => y.year === year,
    );
    expect(thisYear).toMatchObject({ total: 250_000, associations: 1 });
    const asCivilStatus = await graph.query(
      `{ associationStatistics(communeCode: "1601") { decisionsOverdue } }`,
      {},
      { token: interior, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(asCivilStatus)).toBe('FORBIDDEN');
  });
});
