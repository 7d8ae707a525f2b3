import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle, type Db } from '../db/client.js';
import { consultationPartitions, ensureConsultationPartitions } from '../db/partitions.js';
import { consultations } from '../db/tables/citizens.js';
import type { ConsultationsTable } from '../db/tables/consultations.js';
import {
  chainHash,
  ConsultationWriter,
  GENESIS_HASH,
  verifyChain,
  type ConsultationFields,
} from '../subgraphs/kit/audit.js';
import { subgraphs } from '../subgraphs/registry.js';
import { createTestDatabase, postgresReachable, TEST_ADMIN_URL } from './support/database.js';
import { rows } from './support/sql.js';

const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
};
const yyyymm = (d: Date) => d.toISOString().slice(0, 7);

const fields = (at: Date, n: number): ConsultationFields => ({
  at: at.toISOString(),
  requestId: `req-${n}`,
  principalKind: 'ministry',
  clientId: 'health-portal',
  subject: 'agent-1',
  ministry: 'HEALTH',
  communeCode: null,
  nin: String(100000000000000000 + n).slice(0, 18),
  groups: ['IDENTITY'],
  purpose: 'SOCIAL_SECURITY_ENTITLEMENT',
  outcome: 'ALLOWED',
});

/** Appends chained rows dated `at` as the writer would (the writer itself dates them now). */
async function appendChained(db: Db, table: ConsultationsTable, dates: Date[]): Promise<void> {
  const [last] = await rows<{ hash: string }>(
    db,
    sql`select hash from ${table} order by id desc limit 1`,
  );
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const [i, at] of dates.entries()) {
    const f = fields(at, i);
    const hash = chainHash(prevHash, f);
    await db.insert(table).values({ ...f, prevHash, hash });
    prevHash = hash;
  }
}

/** The database's own message, whichever driver wraps it. */
const refusal = (error: Error | null) =>
  error ? `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}` : 'no error';
const attempt = (db: Db, statement: ReturnType<typeof sql>) =>
  db.execute(statement).then(
    () => null,
    (e: Error) => e,
  );

describe('consultation logs partitioned by month', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('every subgraph’s log is range-partitioned on `at`, this month and the next two ready, with a default', async () => {
    const logs = await consultationPartitions(database.db);
    const expected = subgraphs
      .filter((s) => s.consultations)
      .map((s) => `${s.name}.consultations`)
      .sort();
    expect(logs.map((l) => l.table).sort()).toEqual(expected);
    const [key] = await rows<{ key: string }>(
      database.db,
      sql`select pg_get_partkeydef('citizens.consultations'::regclass) as key`,
    );
    expect(key!.key).toBe('RANGE (at)');
    for (const log of logs) {
      expect(log.months).toEqual(expect.arrayContaining([0, 1, 2].map((o) => yyyymm(month(o)))));
      expect(log.defaultRows).toBe(0);
    }
  });

  it('every subgraph’s log has its own appender, which the audit writer calls (migration 0020)', async () => {
    const appenders = await rows<{ schema: string }>(
      database.db,
      sql`select n.nspname as schema from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where p.proname = 'append_consultations' and n.nspname <> 'platform'`,
    );
    const expected = subgraphs.filter((s) => s.consultations).map((s) => s.name);
    expect(appenders.map((a) => a.schema).sort()).toEqual([...expected].sort());
  });

  it('creates months ahead when asked, once: a second run creates nothing', async () => {
    const created = await ensureConsultationPartitions(database.db, 5);
    const perLog = subgraphs.filter((s) => s.consultations).length;
    expect(created).toBe(3 * perLog); // months +3, +4, +5 (0 … +2 came with the migration)
    expect(await ensureConsultationPartitions(database.db, 5)).toBe(0);
    const [citizens] = (await consultationPartitions(database.db)).filter(
      (l) => l.table === 'citizens.consultations',
    );
    expect(citizens!.months).toContain(yyyymm(month(5)));
  });

  it('rows of two months land in their two partitions, the chain verifies across them, and the writer continues it', async () => {
    const db = database.db;
    await appendChained(db, consultations, [
      new Date(month(0).getTime() + 3_600_000),
      new Date(month(1).getTime() + 3_600_000),
      new Date(month(1).getTime() + 7_200_000),
    ]);
    const writer = new ConsultationWriter(db, consultations);
    await writer.write(
      {
        principal: { kind: 'ministry', sub: 'a', clientId: 'health-portal', ministry: 'HEALTH' },
        requestId: 'req-writer',
      },
      [{ nin: '199999999999999999', groups: ['IDENTITY'], purpose: 'SOCIAL_SECURITY_ENTITLEMENT' }],
    );
    const where = await rows<{ part: string; n: number }>(
      db,
      sql`select tableoid::regclass::text as part, count(*)::int as n
            from citizens.consultations group by 1 order by 1`,
    );
    expect(where).toEqual([
      { part: `citizens.consultations_y${yyyymm(month(0)).replace('-', 'm')}`, n: 2 },
      { part: `citizens.consultations_y${yyyymm(month(1)).replace('-', 'm')}`, n: 2 },
    ]);
    expect(await verifyChain(db, consultations)).toEqual({ rows: 4, ok: true, brokenAt: null });
  });

  it('stays append-only on every partition: UPDATE, DELETE and TRUNCATE refused, through the parent or not', async () => {
    const db = database.db;
    const part = `citizens.consultations_y${yyyymm(month(1)).replace('-', 'm')}`;
    for (const statement of [
      sql`update citizens.consultations set purpose = 'X'`,
      sql`delete from citizens.consultations`,
      sql`truncate citizens.consultations`,
      sql.raw(`update ${part} set purpose = 'X'`),
      sql.raw(`delete from ${part}`),
      sql.raw(`truncate ${part}`),
      sql`truncate citizens.consultations_default`,
    ]) {
      expect(refusal(await attempt(db, statement))).toMatch(/append-only/);
    }
    expect(await verifyChain(db, consultations)).toMatchObject({ ok: true, rows: 4 });
  });

  it('a row changed in an older month’s partition breaks the chain at that row', async () => {
    const db = database.db;
    const [victim] = await rows<{ id: number }>(
      db,
      sql`select id from citizens.consultations where at < ${month(1).toISOString()} order by id limit 1`,
    );
    const part = `citizens.consultations_y${yyyymm(month(0)).replace('-', 'm')}`;
    await db.execute(sql.raw(`alter table ${part} disable trigger consultations_append_only`));
    await db.execute(
      sql.raw(`update ${part} set ministry = 'INTERIOR' where id = ${Number(victim!.id)}`),
    );
    await db.execute(sql.raw(`alter table ${part} enable trigger consultations_append_only`));
    expect(await verifyChain(db, consultations)).toEqual({
      rows: 1,
      ok: false,
      brokenAt: Number(victim!.id),
    });
  });

  it('a row beyond every partition goes to the default, and that month is then left there, reported', async () => {
    const db = database.db;
    const far = month(14);
    await appendChained(db, consultations, [new Date(far.getTime() + 60_000)]);
    const before = await consultationPartitions(db);
    expect(before.find((l) => l.table === 'citizens.consultations')!.defaultRows).toBe(1);
    // Creating that month would violate the default's rows: the function skips it, warns,
    // and creates the others; nothing fails.
    await ensureConsultationPartitions(db, 15);
    const after = (await consultationPartitions(db)).find(
      (l) => l.table === 'citizens.consultations',
    )!;
    expect(after.months).not.toContain(yyyymm(far));
    expect(after.months).toContain(yyyymm(month(15)));
    expect(after.defaultRows).toBe(1);
  });
});

/** `npm run audit:verify` as an operator runs it, against one database. */
function auditVerify(url: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('archiving the oldest month', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('after the oldest partition is detached and dropped, the rest verifies from its recorded last hash, and only from it', async () => {
    const db = database.db;
    const oldest = `citizens.consultations_y${yyyymm(month(0)).replace('-', 'm')}`;
    await appendChained(db, consultations, [
      new Date(month(0).getTime() + 3_600_000),
      new Date(month(0).getTime() + 7_200_000),
      new Date(month(1).getTime() + 3_600_000),
      new Date(month(2).getTime() + 3_600_000),
    ]);
    // Step 1 of the runbook: the archive's chain head, recorded before the detach.
    const [head] = await rows<{ n: number; last: string }>(
      db,
      sql.raw(
        `select count(*)::int as n, (select hash from ${oldest} order by id desc limit 1) as last from ${oldest}`,
      ),
    );
    expect(Number(head!.n)).toBe(2);
    // Steps 2 and 4: detached (plainly: CONCURRENTLY is refused beside a default partition), then dropped.
    await db.execute(sql.raw(`alter table citizens.consultations detach partition ${oldest}`));
    await db.execute(sql.raw(`drop table ${oldest}`));

    const [first] = await rows<{ id: number }>(
      db,
      sql`select min(id)::int as id from citizens.consultations`,
    );
    // From the genesis, the first row online no longer links: that is what archiving does.
    expect(await verifyChain(db, consultations)).toEqual({
      rows: 1,
      ok: false,
      brokenAt: Number(first!.id),
    });
    expect(await verifyChain(db, consultations, { from: head!.last })).toEqual({
      rows: 2,
      ok: true,
      brokenAt: null,
    });
    // Another hash (a wrong or forged register entry) does not verify.
    expect(await verifyChain(db, consultations, { from: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      brokenAt: Number(first!.id),
    });
    await expect(verifyChain(db, consultations, { from: 'not a hash' })).rejects.toThrow(/SHA-256/);
    // The writer continues the chain online; it still verifies from the archive's hash.
    await new ConsultationWriter(db, consultations).write(
      { principal: { kind: 'anonymous' }, requestId: 'after-archive' },
      [{ nin: '177777777777777777', groups: ['IDENTITY'], purpose: 'X' }],
    );
    expect(await verifyChain(db, consultations, { from: head!.last })).toMatchObject({
      rows: 3,
      ok: true,
    });

    if (!database.url) return; // the command below needs a PostgreSQL URL, not PGlite
    const plain = await auditVerify(database.url, []);
    expect(plain.code).toBe(1);
    expect(plain.out).toMatch(/citizens: chain BROKEN at row id/);
    const resumed = await auditVerify(database.url, ['--from', `citizens=${head!.last}`]);
    expect(resumed.out).toMatch(/citizens: 3 consultations, chain intact from archived hash/);
    expect(resumed.code).toBe(0);
    const bad = await auditVerify(database.url, ['--from', 'citizens=xyz']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/expected <subgraph>=<64 hex digits>/);
  });
});

/**
 * A database migrated up to 0013 (before partitioning), in its own PostgreSQL database or
 * PGlite, so that rows written the old way can then go through migration 0014.
 */
async function databaseBeforePartitioning(): Promise<{
  handle: DatabaseHandle;
  migrateTo: (folder: string) => Promise<void>;
  drop: () => Promise<void>;
}> {
  if (!(await postgresReachable())) {
    const handle = await openDatabase();
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    return {
      handle,
      migrateTo: (folder) => migrate(handle.db as never, { migrationsFolder: folder }),
      drop: () => handle.close(),
    };
  }
  const name = `ecg_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  return {
    handle,
    migrateTo: (folder) => migrate(handle.db as never, { migrationsFolder: folder }),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    },
  };
}

describe('migration 0014 on a log that already has rows', () => {
  let before: Awaited<ReturnType<typeof databaseBeforePartitioning>>;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ecg-migrations-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { tag: string }[];
    };
    journal.entries = journal.entries.filter((e) => e.tag < '0014');
    writeFileSync(journalPath, JSON.stringify(journal));
    before = await databaseBeforePartitioning();
  });
  afterAll(async () => {
    await before?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('moves every row into its month, keeps ids, hashes and the sequence, and the chain verifies', async () => {
    const db = before.handle.db;
    await before.migrateTo(folder);
    const [kind] = await rows<{ relkind: string }>(
      db,
      sql`select relkind from pg_class where oid = 'citizens.consultations'::regclass`,
    );
    expect(kind!.relkind).toBe('r'); // not partitioned yet
    // Two months back and last month: months the migration must create for the old rows.
    const dates = [month(-2), month(-2), month(-1)].map((d, i) => new Date(d.getTime() + i * 1000));
    await appendChained(db, consultations, dates);
    const old = await rows<{ id: number; hash: string }>(
      db,
      sql`select id, hash from citizens.consultations order by id`,
    );

    await before.migrateTo(MIGRATIONS_FOLDER);
    const [now] = await rows<{ relkind: string }>(
      db,
      sql`select relkind from pg_class where oid = 'citizens.consultations'::regclass`,
    );
    expect(now!.relkind).toBe('p');
    const moved = await rows<{ id: number; hash: string; part: string }>(
      db,
      sql`select id, hash, tableoid::regclass::text as part from citizens.consultations order by id`,
    );
    expect(moved.map(({ id, hash }) => ({ id, hash }))).toEqual(old);
    expect(moved.map((r) => r.part)).toEqual(
      [-2, -2, -1].map((o) => `citizens.consultations_y${yyyymm(month(o)).replace('-', 'm')}`),
    );
    expect(await verifyChain(db, consultations)).toEqual({ rows: 3, ok: true, brokenAt: null });
    // The sequence went along: the next row gets the next id, and the writer chains it on.
    const writer = new ConsultationWriter(db, consultations);
    await writer.write({ principal: { kind: 'anonymous' }, requestId: 'after-migration' }, [
      { nin: '188888888888888888', groups: ['IDENTITY'], purpose: 'X' },
    ]);
    const [last] = await rows<{ id: number }>(
      db,
      sql`select id from citizens.consultations order by id desc limit 1`,
    );
    expect(Number(last!.id)).toBe(Number(old.at(-1)!.id) + 1);
    expect(await verifyChain(db, consultations)).toEqual({ rows: 4, ok: true, brokenAt: null });
    expect(refusal(await attempt(db, sql`delete from citizens.consultations`))).toMatch(
      /append-only/,
    );
  });
});
