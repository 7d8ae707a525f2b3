import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../db/tables/citizens.js';
import { verifyChain } from '../subgraphs/kit/audit.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

let graph: TestGraph;
let nins: string[];
const PURPOSE = 'SOCIAL_SECURITY_ENTITLEMENT';

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  nins = (
    await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens order by nin limit 60`,
    )
  ).map((r) => r.nin);
});
afterAll(() => graph?.stop());

const READ = `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat maritalStatus } }`;
const READ_IDENTITY = `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat } }`;

interface AuditRow {
  request_id: string;
  principal_kind: string;
  client_id: string;
  ministry: string | null;
  nin: string;
  groups: string[];
  purpose: string;
  outcome: string;
}
const auditRows = () =>
  rows<AuditRow>(graph.database.db, sql`select * from citizens.consultations order by id`);

describe('every consultation is recorded', () => {
  it('with client, ministry, NIN, groups, purpose and the request id the caller got back', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const res = await graph.query(READ, { nin: nins[0] }, { token, purpose: PURPOSE });
    expect(res.body.errors).toBeUndefined();
    const requestId = res.headers.get('x-request-id');
    const row = (await auditRows()).find((r) => r.request_id === requestId);
    expect(row).toMatchObject({
      principal_kind: 'ministry',
      client_id: 'health-portal',
      ministry: 'HEALTH',
      nin: nins[0],
      groups: ['CIVIL_STATUS', 'IDENTITY'],
      purpose: PURPOSE,
      outcome: 'ALLOWED',
    });
  });

  it('the citizen sees who looked: me { consultations }', async () => {
    const ministry = await graph.token({ kind: 'ministry', ministry: 'JUSTICE' });
    await graph.query(READ, { nin: nins[1] }, { token: ministry, purpose: 'JUDICIAL_PROCEEDINGS' });
    const token = await graph.token({ kind: 'citizen', nin: nins[1]! });
    const res = await graph.query(
      `{ me { nin consultations(first: 5) { nodes { at ministry principalKind groups purpose } } } }`,
      {},
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    const seen = res.body.data.me.consultations.nodes;
    expect(seen[0]).toMatchObject({
      ministry: 'JUSTICE',
      principalKind: 'MINISTRY',
      purpose: 'JUDICIAL_PROCEEDINGS',
      groups: ['CIVIL_STATUS', 'IDENTITY'],
    });
    expect(Date.parse(seen[0].at)).toBeGreaterThan(Date.now() - 60_000);
    // Nobody else may read that list, not even INTERIOR.
    const interior = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const other = await graph.query(
      `query($n: String!) { citizen(nin: $n) { consultations { nodes { at } } } }`,
      { n: nins[1] },
      { token: interior, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      group: 'CONSULTATIONS',
    });
  });

  it('statistics per ministry and period: the supervising ministry sees all, others their own line', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const q = `query($f: LocalDate!, $t: LocalDate!) { consultationStatistics(from: $f, to: $t) { principalKind ministry consultations distinctCitizens refused } }`;
    const interior = await graph.query(
      q,
      { f: today, t: tomorrow },
      { token: await graph.token({ kind: 'ministry', ministry: 'INTERIOR' }) },
    );
    expect(interior.body.errors).toBeUndefined();
    const byMinistry = Object.fromEntries(
      interior.body.data.consultationStatistics.map((r: { ministry: string }) => [r.ministry, r]),
    );
    const counted = await rows<{ ministry: string; n: number; citizens: number }>(
      graph.database.db,
      sql`select ministry, count(*)::int as n, count(distinct nin)::int as citizens
          from citizens.consultations where outcome = 'ALLOWED' and ministry is not null group by ministry`,
    );
    expect(counted.map((c) => c.ministry)).toContain('HEALTH');
    for (const c of counted) {
      expect(byMinistry[c.ministry].consultations).toBe(c.n);
      expect(byMinistry[c.ministry].distinctCitizens).toBe(c.citizens);
    }
    const health = await graph.query(
      q,
      { f: today, t: tomorrow },
      { token: await graph.token({ kind: 'ministry', ministry: 'HEALTH' }) },
    );
    expect(
      health.body.data.consultationStatistics.map((r: { ministry: string }) => r.ministry),
    ).toEqual(['HEALTH']);
  });
});

describe('the audit cannot be skipped or rewritten', () => {
  it('fails closed: when the record cannot be written, no data leaves', async () => {
    const db = graph.database.db;
    await db.execute(
      sql`create function citizens.test_block_audit() returns trigger language plpgsql as $$ begin raise exception 'audit blocked by test'; end $$`,
    );
    await db.execute(
      sql`create trigger test_block_audit before insert on citizens.consultations for each row execute function citizens.test_block_audit()`,
    );
    try {
      const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
      const res = await graph.query(READ, { nin: nins[2] }, { token, purpose: PURPOSE });
      expect(res.body.data?.citizen ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toContain(nins[2]);
    } finally {
      await db.execute(sql`drop trigger test_block_audit on citizens.consultations`);
      await db.execute(sql`drop function citizens.test_block_audit()`);
    }
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = graph.database.db;
    // The database's own message, whichever driver wraps it.
    const refusal = (error: Error) =>
      `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`;
    expect(await countRows(db, 'citizens.consultations')).toBeGreaterThan(0);
    for (const statement of [
      sql`update citizens.consultations set purpose = 'X'`,
      sql`delete from citizens.consultations`,
      sql`truncate citizens.consultations`,
    ]) {
      const error = await db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
      expect(error && refusal(error)).toMatch(/append-only/);
    }
  });

  it('under concurrent load, audit rows equal NIN reads and the chain verifies', async () => {
    const before = await countRows(graph.database.db, 'citizens.consultations');
    const tokens = await Promise.all(
      ['HEALTH', 'JUSTICE', 'FINANCE'].map((m) => graph.token({ kind: 'ministry', ministry: m })),
    );
    const purposes = ['SOCIAL_SECURITY_ENTITLEMENT', 'JUDICIAL_PROCEEDINGS', 'TAX_ASSESSMENT'];
    let reads = 0;
    const answers = await Promise.all(
      nins.slice(0, 40).map((nin, i) => {
        // Half the requests read two NINs through aliases: two reads, two rows.
        const two = i % 2 === 0;
        reads += two ? 2 : 1;
        const query = two
          ? `query($a: String!, $b: String!) { a: citizen(nin: $a) { nin } b: citizen(nin: $b) { nin } }`
          : `query($a: String!) { a: citizen(nin: $a) { nin } }`;
        return graph.query(
          query,
          { a: nin, b: nins[(i + 41) % nins.length] },
          { token: tokens[i % 3], purpose: purposes[i % 3] },
        );
      }),
    );
    expect(answers.every((a) => !a.body.errors)).toBe(true);
    expect((await countRows(graph.database.db, 'citizens.consultations')) - before).toBe(reads);
    const report = await verifyChain(graph.database.db, consultations);
    expect(report).toEqual({ rows: before + reads, ok: true, brokenAt: null });
  });

  it('concurrent requests share the chain’s transactions (group commit), and each row is still one read', async () => {
    const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
    const opts = { token, purpose: PURPOSE };
    // What one audited read costs alone: its data, its quota and its own audit transaction.
    const lone = await graph.cost(READ_IDENTITY, { nin: nins[50] }, opts);
    expect(lone.body.errors).toBeUndefined();
    const before = await countRows(graph.database.db, 'citizens.consultations');
    const statements = graph.database.stats.statements;
    const answers = await Promise.all(
      nins.slice(0, 48).map((nin) => graph.query(READ_IDENTITY, { nin }, opts)),
    );
    expect(answers.map((a) => a.body.data?.citizen?.nin)).toEqual(nins.slice(0, 48));
    const spent = graph.database.stats.statements - statements;
    // One transaction per request would cost exactly 48 lone reads; batches cost less.
    // Embedded PGlite runs one statement at a time for the whole process, so requests
    // seldom overlap there and batches need not form: there it must not cost more.
    if (graph.database.kind === 'postgres') expect(spent).toBeLessThan(48 * lone.statements);
    else expect(spent).toBeLessThanOrEqual(48 * lone.statements);
    expect((await countRows(graph.database.db, 'citizens.consultations')) - before).toBe(48);
    const ids = await rows<{ request_id: string }>(
      graph.database.db,
      sql`select request_id from citizens.consultations order by id desc limit 48`,
    );
    expect(new Set(ids.map((r) => r.request_id))).toEqual(
      new Set(answers.map((a) => a.headers.get('x-request-id'))),
    );
    expect(await verifyChain(graph.database.db, consultations)).toMatchObject({ ok: true });
  });

  it('a record that cannot be written refuses its own request only, not the others of its batch', async () => {
    const db = graph.database.db;
    const victim = nins[55]!;
    await db.execute(
      sql.raw(`create function citizens.test_block_one() returns trigger language plpgsql as $$
        begin if new.nin = '${victim}' then raise exception 'audit blocked by test'; end if; return new; end $$`),
    );
    await db.execute(
      sql`create trigger test_block_one before insert on citizens.consultations for each row execute function citizens.test_block_one()`,
    );
    try {
      const token = await graph.token({ kind: 'ministry', ministry: 'HEALTH' });
      const others = nins.slice(20, 36);
      const before = await countRows(db, 'citizens.consultations');
      const answers = await Promise.all(
        [victim, ...others].map((nin) =>
          graph.query(READ_IDENTITY, { nin }, { token, purpose: PURPOSE }),
        ),
      );
      const [refused, ...served] = answers;
      expect(refused!.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(refused!.body)).not.toContain(victim);
      expect(served.map((a) => a.body.data?.citizen?.nin)).toEqual(others);
      expect((await countRows(db, 'citizens.consultations')) - before).toBe(others.length);
    } finally {
      await db.execute(sql`drop trigger test_block_one on citizens.consultations`);
      await db.execute(sql`drop function citizens.test_block_one()`);
    }
    expect(await verifyChain(db, consultations)).toMatchObject({ ok: true });
  });

  it('the chain shows a row changed behind the trigger’s back', async () => {
    const db = graph.database.db;
    const [victim] = await rows<{ id: number }>(
      db,
      sql`select id from citizens.consultations order by id limit 1 offset 2`,
    );
    await db.execute(
      sql`alter table citizens.consultations disable trigger consultations_append_only`,
    );
    await db.execute(
      sql`update citizens.consultations set ministry = 'INTERIOR' where id = ${victim!.id}`,
    );
    await db.execute(
      sql`alter table citizens.consultations enable trigger consultations_append_only`,
    );
    const report = await verifyChain(db, consultations);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toBe(Number(victim!.id));
  });
});

describe('quotas against enumeration', () => {
  let limited: TestGraph;
  beforeAll(async () => {
    limited = await startTestGraph({ citizens: 100, quota: { limit: 5, windowSeconds: 3600 } });
  });
  afterAll(() => limited?.stop());

  it('a client walking sequential NINs is stopped, and the stop is recorded', async () => {
    const list = (
      await rows<{ nin: string }>(
        limited.database.db,
        sql`select nin from citizens.citizens order by nin limit 8`,
      )
    ).map((r) => r.nin);
    const token = await limited.token({ kind: 'ministry', ministry: 'FINANCE' });
    const codes: (string | null)[] = [];
    for (const nin of list) {
      const res = await limited.query(READ, { nin }, { token, purpose: 'TAX_ASSESSMENT' });
      codes.push(res.body.errors?.[0]?.extensions?.code ?? null);
      if (res.body.errors) {
        expect(res.body.errors[0]!.message).toMatch(/quota/);
        expect(res.body.data?.citizen ?? null).toBeNull();
      }
    }
    expect(codes).toEqual([
      null,
      null,
      null,
      null,
      null,
      'QUOTA_EXCEEDED',
      'QUOTA_EXCEEDED',
      'QUOTA_EXCEEDED',
    ]);
    // Reading again a NIN already resolved in the window stays within the quota.
    const again = await limited.query(READ, { nin: list[0] }, { token, purpose: 'TAX_ASSESSMENT' });
    expect(again.body.errors).toBeUndefined();
    const refused = await rows<{ nin: string }>(
      limited.database.db,
      sql`select nin from citizens.consultations where outcome = 'REFUSED_QUOTA' order by id`,
    );
    expect(refused.map((r) => r.nin)).toEqual(list.slice(5));
    // Another client has its own quota.
    const other = await limited.query(
      READ,
      { nin: list[7] },
      { token: await limited.token({ kind: 'ministry', ministry: 'HEALTH' }), purpose: PURPOSE },
    );
    expect(other.body.errors).toBeUndefined();
  });

  it('is one quota per client across the graph, not one per subgraph', async () => {
    const owners = (
      await rows<{ owner_nin: string; vin: string }>(
        limited.database.db,
        sql`select distinct on (owner_nin) owner_nin, vin from vehicles.vehicles
            where status = 'ACTIVE' order by owner_nin, vin limit 6`,
      )
    ).slice(0, 6);
    expect(owners.length).toBe(6);
    const token = await limited.token({
      kind: 'ministry',
      ministry: 'TRANSPORT',
      clientId: 'transport-quota',
    });
    const used = async () =>
      Number(
        (
          await rows<{ used: number }>(
            limited.database.db,
            sql`select coalesce(sum(used), 0)::int as used from platform.quota_windows
                where client_id = 'transport-quota'`,
          )
        )[0]!.used,
      );
    // One person read through three subgraphs (registry, vehicles, documents) counts once.
    const first = owners[0]!.owner_nin;
    const profile = await limited.query(
      `query($n: String!) { citizen(nin: $n) { nin familyNameLat vehicles { nodes { vin } } } }`,
      { n: first },
      { token, purpose: 'VEHICLE_REGISTRATION' },
    );
    expect(profile.body.errors).toBeUndefined();
    expect(profile.body.data.citizen.vehicles.nodes.length).toBeGreaterThan(0);
    expect(await used()).toBe(1);
    // Three more people through the registry alone, then two through the vehicles subgraph
    // alone: the sixth distinct NIN is over the limit of 5 wherever it is read.
    for (const o of owners.slice(1, 4)) {
      const res = await limited.query(
        READ_IDENTITY,
        { nin: o.owner_nin },
        { token, purpose: 'VEHICLE_REGISTRATION' },
      );
      expect(res.body.errors).toBeUndefined();
    }
    expect(await used()).toBe(4);
    const VEHICLE = `query($v: String!) { vehicle(vin: $v) { vin currentOwner { nin } } }`;
    const fifth = await limited.query(
      VEHICLE,
      { v: owners[4]!.vin },
      { token, purpose: 'VEHICLE_REGISTRATION' },
    );
    expect(fifth.body.errors).toBeUndefined();
    const sixth = await limited.query(
      VEHICLE,
      { v: owners[5]!.vin },
      { token, purpose: 'VEHICLE_REGISTRATION' },
    );
    expect(sixth.body.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
    expect(sixth.body.data?.vehicle ?? null).toBeNull();
    expect(await used()).toBe(5);
    const refused = await rows<{ nin: string }>(
      limited.database.db,
      sql`select nin from vehicles.consultations where outcome = 'REFUSED_QUOTA' and client_id = 'transport-quota'`,
    );
    expect(refused.map((r) => r.nin)).toEqual([owners[5]!.owner_nin]);
  });
});
