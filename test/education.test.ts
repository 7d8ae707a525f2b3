import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNin } from '../schema/nin.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
const YEAR = '2026-2027';
const PURPOSE = 'SCHOOL_ENROLMENT';
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;
const key = () => `bulk-${Math.random().toString(36).slice(2, 14)}`;

/** Two primary schools of wilaya 16, and one of another wilaya. */
let S1: string;
let S2: string;
let FAR: string;
let integrator: string;
let directorate16: string;
let ministry: string;
/** Living children of primary age in YEAR (6 to 13), not yet enrolled in YEAR. */
let kids: { nin: string; birth_date: string; father_nin: string | null }[];
let used = 0;
const take = (n: number) => {
  const out = kids.slice(used, used + n);
  used += n;
  if (out.length < n) throw new Error(`the seed has too few children (${kids.length})`);
  return out;
};
const gradeFor = (birthDate: string) => {
  const age = Number(YEAR.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return `${Math.min(Math.max(age - 6, 0), 4) + 1}AP`;
};
const row = (k: { nin: string; birth_date: string }, section = 'A') => ({
  nin: k.nin,
  grade: gradeFor(k.birth_date),
  section,
});

const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolPupilsInput!, $key: String!) {
    enrolPupils(input: $input, idempotencyKey: $key) {
      replayed
      enrolled
      refused
      results {
        index
        nin
        outcome
        code
        message
      }
    }
  }
`;
const TRANSFER = /* GraphQL */ `
  mutation Transfer($input: TransferPupilInput!) {
    transferPupil(input: $input) {
      replayed
      previousSchool {
        code
      }
      enrolment {
        id
        status
        grade
        school {
          code
        }
      }
    }
  }
`;
const FEED = /* GraphQL */ `
  query Feed($after: String) {
    enrolmentChanges(first: 100, after: $after) {
      nodes {
        seq
        kind
        school {
          code
        }
        enrolment {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const enrol = (token: string, schoolCode: string, pupils: unknown[], idempotencyKey = key()) =>
  graph.query(
    ENROL,
    { input: { schoolCode, year: YEAR, pupils }, key: idempotencyKey },
    { token, purpose: PURPOSE },
  );

const counts = async () => ({
  enrolments: await countRows(graph.database.db, 'education.enrolments'),
  changes: await countRows(graph.database.db, 'education.enrolment_changes'),
});

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 3000, seed: 11 });
  const db = graph.database.db;
  const primaries = await rows<{ code: string }>(
    db,
    sql`select code from education.schools where level = 'PRIMARY' and code like '16%' order by code limit 2`,
  );
  S1 = primaries[0]!.code;
  S2 = primaries[1]!.code;
  const far = await rows<{ code: string }>(
    db,
    sql`select code from education.schools where level = 'PRIMARY' and code like '31%' order by code limit 1`,
  );
  FAR = far[0]!.code;
  kids = await rows(
    db,
    sql`select nin, birth_date::text, father_nin from citizens.citizens
        where death_date is null and birth_date between '2013-01-01' and '2020-12-31'
        order by nin`,
  );
  integrator = await graph.token({ kind: 'integrator', client: 'acme-school', schools: [S1] });
  directorate16 = await graph.token({ kind: 'integrator', client: 'dir-16', wilaya: '16' });
  ministry = await graph.token({ kind: 'ministry', ministry: 'EDUCATION' });
});
afterAll(() => graph?.stop());

describe('the school directory', () => {
  it('is public: a school and a commune’s schools without a token, but no pupils', async () => {
    const res = await graph.query(
      `query($code: String!, $commune: String!) {
        school(code: $code) { code nameFr nameAr level sector capacity status grades commune { code nameFr } }
        commune(code: $commune) { schools(first: 5) { nodes { code level } } }
      }`,
      { code: S1, commune: S1.slice(0, 4) },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.school).toMatchObject({
      code: S1,
      level: 'PRIMARY',
      status: 'OPEN',
      grades: ['1AP', '2AP', '3AP', '4AP', '5AP'],
      commune: { code: S1.slice(0, 4) },
    });
    expect(res.body.data.commune.schools.nodes.map((s: { code: string }) => s.code)).toContain(S1);
    const pupils = await graph.query(
      `query($code: String!) { school(code: $code) { enrolments(year: "2025-2026") { nodes { id } } } }`,
      { code: S1 },
    );
    expect(codeOf(pupils)).toBe('FORBIDDEN');
    expect(pupils.body.data?.school ?? null).toBeNull();
  });
});

describe('bulk enrolment', () => {
  it('200 pupils with 5 bad rows: 195 enrolled, 5 refused with their codes, and the retry changes nothing', async () => {
    const good = take(195).map((k) => row(k));
    const [dead] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is not null order by nin limit 1`,
    );
    const adult = kids.length
      ? (
          await rows<{ nin: string }>(
            graph.database.db,
            sql`select nin from citizens.citizens where death_date is null and birth_date < '1990-01-01' order by nin limit 1`,
          )
        )[0]!
      : null;
    const spare = take(1)[0]!;
    const bad = [
      {
        at: 10,
        row: { nin: '123456789012345678', grade: '1AP', section: 'A' },
        code: 'INVALID_NIN',
      },
      {
        at: 50,
        row: { nin: makeNin('119991601', 9_999_999), grade: '1AP', section: 'A' },
        code: 'CITIZEN_NOT_FOUND',
      },
      { at: 90, row: { nin: dead!.nin, grade: '1AP', section: 'A' }, code: 'CITIZEN_DECEASED' },
      { at: 130, row: { nin: adult!.nin, grade: '1AP', section: 'A' }, code: 'AGE_OUT_OF_RANGE' },
      { at: 170, row: { nin: spare.nin, grade: '1AS', section: 'A' }, code: 'GRADE_NOT_TAUGHT' },
    ];
    const pupils: unknown[] = [...good];
    for (const b of bad) pupils.splice(b.at, 0, b.row);
    expect(pupils).toHaveLength(200);
    const before = await counts();
    const k = key();
    const res = await enrol(integrator, S1, pupils, k);
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data.enrolPupils;
    expect(payload).toMatchObject({ replayed: false, enrolled: 195, refused: 5 });
    expect(payload.results).toHaveLength(200);
    for (const b of bad) {
      expect(payload.results[b.at], b.code).toMatchObject({
        index: b.at,
        outcome: 'REFUSED',
        code: b.code,
      });
      expect(payload.results[b.at].message.length).toBeGreaterThan(10);
    }
    const after = await counts();
    expect(after.enrolments - before.enrolments).toBe(195);
    expect(after.changes - before.changes).toBe(195);
    // Nothing was written for a refused row.
    const [written] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from education.enrolments where year = ${YEAR} and nin in (${sql.join(
        bad.map((b) => sql`${b.row.nin}`),
        sql`, `,
      )})`,
    );
    expect(Number(written!.n)).toBe(0);

    const retry = await enrol(integrator, S1, pupils, k);
    expect(retry.body.data.enrolPupils.replayed).toBe(true);
    expect(retry.body.data.enrolPupils.results).toEqual(payload.results);
    expect(await counts()).toEqual(after);

    const reused = await enrol(integrator, S1, pupils.slice(1), k);
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(after);

    // A pupil has one open enrolment per year: a second one is refused, the other row passes.
    const again = await enrol(integrator, S1, [good[0], row(take(1)[0]!)]);
    expect(again.body.data.enrolPupils.results.map((r: { code: string | null }) => r.code)).toEqual(
      ['ALREADY_ENROLLED', null],
    );
  });

  it('500 rows, the most a bulk takes, are checked in one registry call at a cost that does not grow with the rows', async () => {
    // Living people of every age: the registry is asked about each of them, and those too
    // old for primary school are refused with their code without failing the others.
    const people = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where death_date is null and birth_date < '2013-01-01' order by nin desc limit 550`,
    );
    expect(people).toHaveLength(550);
    // Each bulk has children to enrol among the adults to refuse, so both write.
    const children = take(45).map((k) => row(k, 'R'));
    const bulk = (from: number, n: number, kids: typeof children) => [
      ...kids,
      ...people.slice(from, from + n - kids.length).map((p) => ({
        nin: p.nin,
        grade: '1AP',
        section: 'R',
      })),
    ];
    const small = await graph.cost(
      ENROL,
      {
        input: { schoolCode: S2, year: YEAR, pupils: bulk(0, 50, children.slice(0, 5)) },
        key: key(),
      },
      { token: directorate16, purpose: PURPOSE },
    );
    const started = Date.now();
    const large = await graph.cost(
      ENROL,
      {
        input: { schoolCode: S2, year: YEAR, pupils: bulk(50, 500, children.slice(5)) },
        key: key(),
      },
      { token: directorate16, purpose: PURPOSE },
    );
    const took = Date.now() - started;
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors, `500 rows in ${took} ms`).toBeUndefined();
    const results = large.body.data.enrolPupils.results as {
      outcome: string;
      code: string | null;
    }[];
    expect(results).toHaveLength(500);
    expect(large.body.data.enrolPupils.enrolled + large.body.data.enrolPupils.refused).toBe(500);
    // Every row was judged on registry facts: none refused for want of an answer.
    expect(results.filter((r) => r.code === 'CITIZEN_NOT_FOUND')).toHaveLength(0);
    expect(results.filter((r) => r.code === 'AGE_OUT_OF_RANGE')).toHaveLength(460);
    expect(large.body.data.enrolPupils.enrolled).toBe(40);
    expect(large.fetches).toBe(small.fetches);
    expect(large.statements).toBe(small.statements);
  });

  it('10 concurrent retries of one bulk key: one effect', async () => {
    const pupils = take(20).map((k) => row(k, 'B'));
    const before = await counts();
    const k = key();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => enrol(integrator, S1, pupils, k)),
    );
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    expect(answers.filter((a) => !a.body.data.enrolPupils.replayed)).toHaveLength(1);
    for (const a of answers) expect(a.body.data.enrolPupils.enrolled).toBe(20);
    const after = await counts();
    expect(after.enrolments - before.enrolments).toBe(20);
    expect(after.changes - before.changes).toBe(20);
  });

  it('a whole request that is wrong writes nothing, each with its own code', async () => {
    const before = await counts();
    const pupils = take(2).map((k) => row(k));
    const cases: [string, () => ReturnType<typeof enrol>][] = [
      [
        'TOO_MANY_ROWS',
        () =>
          enrol(
            integrator,
            S1,
            Array.from({ length: 501 }, () => pupils[0]),
          ),
      ],
      ['SCHOOL_OUTSIDE_SCOPE', () => enrol(integrator, S2, pupils)],
      ['SCHOOL_NOT_FOUND', () => enrol(ministry, '169999', pupils)],
      ['INVALID_SCHOOL_CODE', () => enrol(ministry, '16-01', pupils)],
      [
        'ACADEMIC_YEAR_NOT_FOUND',
        () =>
          graph.query(
            ENROL,
            { input: { schoolCode: S1, year: '2031-2032', pupils }, key: key() },
            { token: integrator, purpose: PURPOSE },
          ),
      ],
    ];
    for (const [code, send] of cases) {
      const res = await send();
      expect(codeOf(res), code).toBe(code);
      expect(res.body.errors![0]!.message.length).toBeGreaterThan(10);
    }
    const forbidden = await graph.query(
      ENROL,
      { input: { schoolCode: S1, year: YEAR, pupils }, key: key() },
      { token: integrator, purpose: 'HEALTH_CARE' },
    );
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('transfers', () => {
  it('close one enrolment and open the next in one step; outside the scope nothing changes', async () => {
    const [pupil] = take(1);
    const first = await enrol(directorate16, S1, [row(pupil!)]);
    expect(first.body.data.enrolPupils.enrolled).toBe(1);
    const before = await counts();
    const outside = await graph.query(
      TRANSFER,
      {
        input: {
          nin: pupil!.nin,
          year: YEAR,
          toSchoolCode: FAR,
          section: 'A',
          date: '2026-11-02',
          idempotencyKey: key(),
        },
      },
      { token: directorate16, purpose: PURPOSE },
    );
    expect(codeOf(outside)).toBe('SCHOOL_OUTSIDE_SCOPE');
    expect(await counts()).toEqual(before);

    const input = {
      nin: pupil!.nin,
      year: YEAR,
      toSchoolCode: S2,
      section: 'C',
      date: '2026-11-02',
      idempotencyKey: key(),
    };
    const res = await graph.query(TRANSFER, { input }, { token: directorate16, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.transferPupil).toMatchObject({
      replayed: false,
      previousSchool: { code: S1 },
      enrolment: { status: 'ENROLLED', school: { code: S2 }, grade: gradeFor(pupil!.birth_date) },
    });
    const states = await rows<{ school_code: string; status: string; end_date: string | null }>(
      graph.database.db,
      sql`select school_code, status, end_date::text from education.enrolments where nin = ${pupil!.nin} and year = ${YEAR} order by id`,
    );
    expect(states).toEqual([
      { school_code: S1, status: 'TRANSFERRED', end_date: '2026-11-02' },
      { school_code: S2, status: 'ENROLLED', end_date: null },
    ]);
    const retry = await graph.query(
      TRANSFER,
      { input },
      { token: directorate16, purpose: PURPOSE },
    );
    expect(retry.body.data.transferPupil.replayed).toBe(true);
    const after = await counts();
    expect(after.enrolments - before.enrolments).toBe(1);
    expect(after.changes - before.changes).toBe(2);
  });
});

describe('the change feed', () => {
  async function readAll(token: string, after: string | null) {
    const seen: { seq: string; enrolment: { id: string } }[] = [];
    let cursor = after;
    for (;;) {
      const res = await graph.query(FEED, { after: cursor }, { token, purpose: PURPOSE });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data.enrolmentChanges;
      seen.push(...page.nodes);
      if (page.pageInfo.endCursor) cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) return { seen, cursor };
    }
  }

  it('read while 3 writers enrol concurrently: every change exactly once, in commit order', async () => {
    const start = await readAll(integrator, null);
    const batches = [0, 1, 2].map(() =>
      Array.from({ length: 4 }, () => take(3).map((k) => row(k))),
    );
    let writing = true;
    const writers = Promise.all(
      batches.map(async (writer) => {
        for (const pupils of writer) {
          const res = await enrol(integrator, S1, pupils);
          expect(res.body.data.enrolPupils.enrolled).toBe(3);
        }
      }),
    ).finally(() => {
      writing = false;
    });
    const seen = [...start.seen];
    let cursor = start.cursor;
    while (writing) {
      const part = await readAll(integrator, cursor);
      seen.push(...part.seen);
      cursor = part.cursor;
    }
    await writers;
    const rest = await readAll(integrator, cursor);
    seen.push(...rest.seen);

    const seqs = seen.map((c) => Number(c.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const inDb = await rows<{ seq: string }>(
      graph.database.db,
      sql`select seq::text from education.enrolment_changes where school_code = ${S1}`,
    );
    expect(seqs).toEqual(inDb.map((r) => Number(r.seq)).sort((a, b) => a - b));
  });

  it('shows an integrator its schools only, and refuses a cursor from another feed', async () => {
    const mine = await readAll(integrator, null);
    expect(mine.seen.length).toBeGreaterThan(0);
    const res = await graph.query(FEED, {}, { token: integrator, purpose: PURPOSE });
    for (const c of res.body.data.enrolmentChanges.nodes) expect(c.school.code).toBe(S1);
    const other = await graph.query(
      FEED,
      { after: mine.cursor },
      { token: ministry, purpose: PURPOSE },
    );
    expect(codeOf(other)).toBe('INVALID_CURSOR');
    const schools = await graph.query(`{ schools(first: 1) { pageInfo { endCursor } } }`);
    const foreign = await graph.query(
      FEED,
      { after: schools.body.data.schools.pageInfo.endCursor },
      { token: integrator, purpose: PURPOSE },
    );
    expect(codeOf(foreign)).toBe('INVALID_CURSOR');
  });
});

describe('integrators see their scope only', () => {
  it('refused outside its schools; its own roster comes with the pupils’ names', async () => {
    const roster = `query($code: String!) { school(code: $code) { enrolments(year: "${YEAR}", first: 5) { nodes { grade pupil { nin givenNameLat } } } } }`;
    const outside = await graph.query(
      roster,
      { code: S2 },
      { token: integrator, purpose: PURPOSE },
    );
    expect(codeOf(outside)).toBe('SCHOOL_OUTSIDE_SCOPE');
    const own = await graph.query(roster, { code: S1 }, { token: integrator, purpose: PURPOSE });
    expect(own.body.errors).toBeUndefined();
    const nodes = own.body.data.school.enrolments.nodes;
    expect(nodes.length).toBe(5);
    for (const n of nodes) expect(n.pupil.givenNameLat).toMatch(/\w/);

    // A NIN typed by the integrator reaches nothing outside its schools, in any subgraph.
    const [stranger] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where nin not in (select nin from education.enrolments where school_code = ${S1}) order by nin limit 1`,
    );
    const registry = await graph.query(
      `query($n: String!) { citizen(nin: $n) { nin givenNameLat } schoolingOf(nin: $n) { nodes { id } } }`,
      { n: stranger!.nin },
      { token: integrator, purpose: PURPOSE },
    );
    expect(registry.body.data.citizen).toBeNull();
    expect(registry.body.data.schoolingOf.nodes).toEqual([]);
  });

  it('exports its school’s roster as OneRoster 1.2 CSV', async () => {
    const res = await graph.query(
      `query($code: String!) { schoolRoster(schoolCode: $code, year: "${YEAR}") { files { name content } } }`,
      { code: S1 },
      { token: integrator, purpose: PURPOSE },
    );
    expect(res.body.errors).toBeUndefined();
    const files = Object.fromEntries(
      res.body.data.schoolRoster.files.map((f: { name: string; content: string }) => [
        f.name,
        f.content,
      ]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'academicSessions.csv',
      'classes.csv',
      'courses.csv',
      'enrollments.csv',
      'manifest.csv',
      'orgs.csv',
      'roles.csv',
      'users.csv',
    ]);
    expect(files['manifest.csv']).toContain('oneroster.version,1.2');
    const [open] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from education.enrolments where school_code = ${S1} and year = ${YEAR} and status = 'ENROLLED'`,
    );
    const lines = (name: string) => files[name].trim().split('\r\n');
    expect(lines('users.csv')[0]).toBe(
      'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns',
    );
    expect(lines('users.csv')).toHaveLength(Number(open!.n) + 1);
    expect(lines('enrollments.csv')).toHaveLength(Number(open!.n) + 1);
    // Every pupil has a name from the registry.
    for (const line of lines('users.csv').slice(1)) expect(line.split(',')[6]).toMatch(/\w/);
    // The files hold together as an importer reads them: each header is the binding's, and
    // every reference names a row of the file it points to.
    const table = (name: string): Record<string, string>[] => {
      const [head, ...body] = (lines(name) as string[]).map((l) => l.split(','));
      return body.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
    };
    expect(lines('enrollments.csv')[0]).toBe(
      'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
    );
    expect(lines('classes.csv')[0]).toBe(
      'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods',
    );
    const ids = (name: string) => new Set(table(name).map((r) => r.sourcedId));
    const [orgs, sessions, courses, classes, users] = [
      'orgs.csv',
      'academicSessions.csv',
      'courses.csv',
      'classes.csv',
      'users.csv',
    ].map(ids);
    expect([...orgs!]).toEqual([`org-${S1}`]);
    expect(table('orgs.csv')[0]).toMatchObject({ type: 'school', identifier: S1 });
    expect(table('academicSessions.csv')[0]).toMatchObject({
      type: 'schoolYear',
      schoolYear: '2027',
    });
    for (const c of table('courses.csv')) {
      expect(sessions!.has(c.schoolYearSourcedId!)).toBe(true);
      expect(orgs!.has(c.orgSourcedId!)).toBe(true);
    }
    for (const c of table('classes.csv')) {
      expect(courses!.has(c.courseSourcedId!)).toBe(true);
      expect(sessions!.has(c.termSourcedIds!)).toBe(true);
      expect(c.classType).toBe('homeroom');
    }
    for (const e of table('enrollments.csv')) {
      expect(classes!.has(e.classSourcedId!)).toBe(true);
      expect(users!.has(e.userSourcedId!)).toBe(true);
      expect(e).toMatchObject({ schoolSourcedId: `org-${S1}`, role: 'student', primary: 'false' });
    }
    for (const r of table('roles.csv')) {
      expect(users!.has(r.userSourcedId!)).toBe(true);
      expect(r).toMatchObject({ roleType: 'primary', role: 'student', orgSourcedId: `org-${S1}` });
    }
    // One user per pupil, under their NIN in OneRoster's {type:identifier} form.
    expect(users!.size).toBe(Number(open!.n));
    for (const u of table('users.csv')) expect(u.userIds).toBe(`{NIN:${u.identifier}}`);
    const outside = await graph.query(
      `query($code: String!) { schoolRoster(schoolCode: $code, year: "${YEAR}") { files { name } } }`,
      { code: S2 },
      { token: integrator, purpose: PURPOSE },
    );
    expect(codeOf(outside)).toBe('SCHOOL_OUTSIDE_SCOPE');
  });
});

describe('parents and pupils', () => {
  it('a parent sees their child’s schooling and not another child’s; the read is logged', async () => {
    const [child, another] = await rows<{ nin: string; father_nin: string }>(
      graph.database.db,
      sql`select e.nin, e.father_nin from education.enrolments e where e.year = '2025-2026' and e.father_nin is not null
          order by e.nin limit 2`,
    );
    const parent = await graph.token({ kind: 'citizen', nin: child!.father_nin });
    const q = `query($n: String!) { schoolingOf(nin: $n) { nodes { year grade status school { nameFr } } } }`;
    const own = await graph.query(q, { n: child!.nin }, { token: parent });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.schoolingOf.nodes.map((n: { year: string }) => n.year)).toContain(
      '2025-2026',
    );
    const theirs = await graph.query(q, { n: another!.nin }, { token: parent });
    expect(theirs.body.data.schoolingOf.nodes).toEqual([]);
    const [logged] = await rows<{ n: number }>(
      graph.database.db,
      sql`select count(*)::int as n from education.consultations where nin = ${child!.nin} and subject = ${`citizen:${child!.father_nin}`} and 'SCHOOLING' = any(groups)`,
    );
    expect(Number(logged!.n)).toBeGreaterThan(0);
  });
});

describe('statistics', () => {
  it('the unenrolled-children figure equals the count computed from the seed', async () => {
    // The commune with the most children left out by the seed (5% of them, at random).
    const [commune] = await rows<{ code: string }>(
      graph.database.db,
      sql`select c.birth_commune_code as code from citizens.citizens c
          where c.death_date is null and c.birth_date between '2009-01-01' and '2019-12-31'
            and not exists (select 1 from education.enrolments e where e.nin = c.nin and e.year = '2025-2026')
          group by 1 order by count(*) desc, 1 limit 1`,
    );
    const [expected] = await rows<{ children: number; unenrolled: number }>(
      graph.database.db,
      sql`select count(*)::int as children,
                 count(*) filter (where not exists (select 1 from education.enrolments e where e.nin = c.nin and e.year = '2025-2026'))::int as unenrolled
          from citizens.citizens c
          where c.birth_commune_code = ${commune!.code} and c.death_date is null and c.birth_date between '2009-01-01' and '2019-12-31'`,
    );
    const res = await graph.query(
      `query($c: String!) { unenrolledChildren(year: "2025-2026", communeCode: $c) { children unenrolled } }`,
      { c: commune!.code },
      { token: ministry, purpose: PURPOSE },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.unenrolledChildren).toEqual({
      children: Number(expected!.children),
      unenrolled: Number(expected!.unenrolled),
    });
    expect(Number(expected!.unenrolled)).toBeGreaterThan(0);
  });

  it('pupils by grade, commune and school, rates and schools over capacity, for the ministry', async () => {
    const res = await graph.query(
      `{ schoolingStatistics(year: "2024-2025", wilayaCode: "16") { byGrade { grade pupils } byCommune { communeCode pupils } schoolsOverCapacity { schoolCode pupils capacity } promotionRate repeatRate } }`,
      {},
      { token: ministry, purpose: PURPOSE },
    );
    expect(res.body.errors).toBeUndefined();
    const stats = res.body.data.schoolingStatistics;
    const [expected] = await rows<{ n: number; repeats: number }>(
      graph.database.db,
      sql`select count(*)::int as n, count(*) filter (where decision = 'REPEATS')::int as repeats from education.enrolments where year = '2024-2025' and school_code like '16%'`,
    );
    const total = stats.byGrade.reduce((n: number, g: { pupils: number }) => n + g.pupils, 0);
    expect(total).toBe(Number(expected!.n));
    expect(stats.repeatRate).toBeCloseTo(Number(expected!.repeats) / Number(expected!.n), 6);
    const [decisions] = await rows<{ decided: number; promoted: number }>(
      graph.database.db,
      sql`select count(decision)::int as decided, count(*) filter (where decision = 'PROMOTED')::int as promoted
          from education.enrolments where year = '2024-2025' and school_code like '16%' and status in ('ENROLLED', 'COMPLETED')`,
    );
    expect(stats.promotionRate).toBeCloseTo(
      Number(decisions!.promoted) / Number(decisions!.decided),
      6,
    );
    const communes = await rows<{ communeCode: string; pupils: number }>(
      graph.database.db,
      sql`select s.commune_code as "communeCode", count(*)::int as pupils
          from education.enrolments e join education.schools s on s.code = e.school_code
          where e.year = '2024-2025' and e.school_code like '16%' and e.status in ('ENROLLED', 'COMPLETED')
          group by 1 order by 1`,
    );
    expect(stats.byCommune).toEqual(communes.map((c) => ({ ...c, pupils: Number(c.pupils) })));
    const over = await rows<{ schoolCode: string; pupils: number; capacity: number }>(
      graph.database.db,
      sql`select e.school_code as "schoolCode", count(*)::int as pupils, s.capacity
          from education.enrolments e join education.schools s on s.code = e.school_code
          where e.year = '2024-2025' and e.school_code like '16%' and e.status in ('ENROLLED', 'COMPLETED')
          group by 1, 3 having count(*) > s.capacity order by 1`,
    );
    expect(stats.schoolsOverCapacity).toEqual(
      over.map((o) => ({ ...o, pupils: Number(o.pupils), capacity: Number(o.capacity) })),
    );
    const integratorAsks = await graph.query(
      `{ schoolingStatistics(year: "2024-2025", wilayaCode: "16") { promotionRate } }`,
      {},
      { token: integrator, purpose: PURPOSE },
    );
    expect(codeOf(integratorAsks)).toBe('FORBIDDEN');
  });
});

describe('costs', () => {
  it('a list of schools with their rosters costs the same statements and fetches at 5 and 25 schools', async () => {
    const q = `query($n: Int!) { schools(first: $n, filter: { wilayaCode: "16" }) { nodes { code commune { nameFr }
      enrolments(year: "${YEAR}", first: 20) { nodes { grade school { code } pupil { nin givenNameLat } } } } } }`;
    // Each size read by a client that has read nobody yet: a client's NINs already counted
    // this hour cost no quota statement (subgraphs/kit/quota.ts), which is not what is compared.
    const fresh = (clientId: string) =>
      graph.token({ kind: 'ministry', ministry: 'EDUCATION', clientId });
    const small = await graph.cost(q, { n: 5 }, { token: await fresh('cost-5'), purpose: PURPOSE });
    const large = await graph.cost(
      q,
      { n: 25 },
      { token: await fresh('cost-25'), purpose: PURPOSE },
    );
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data.schools.nodes).toHaveLength(25);
    const pupils = large.body.data.schools.nodes.flatMap((s: any) => s.enrolments.nodes);
    expect(pupils.length).toBeGreaterThanOrEqual(20);
    expect(large.statements).toBe(small.statements);
    expect(large.fetches).toBe(small.fetches);
  });
});
