import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { CitizenGenerator } from '../db/seed/citizens.js';
import { loadTerritory } from '../db/seed/communes.js';
import { ageOn } from '../db/seed/dates.js';
import { seedIfEmpty } from '../db/seed/index.js';
import { isNin } from '../schema/nin.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { rows } from './support/sql.js';

const communeCodes = loadTerritory().communes.map((c) => c.code);
const generate = (seed: number, count: number) =>
  new CitizenGenerator({ seed, count, communeCodes }).all();
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('territory from @dzcode-io/leblad', () => {
  it('has 48 wilayas and their communes, with Arabic, French and Tamazight names', () => {
    const t = loadTerritory();
    expect(t.wilayas).toHaveLength(48);
    expect(t.communes.length).toBeGreaterThan(1500);
    const alger = t.wilayas.find((w) => w.code === '16')!;
    expect(alger).toMatchObject({ nameFr: 'Alger', nameAr: 'الجزائر', nameBer: 'ⴷⵣⴰⵢⴻⵔ' });
    expect(alger.phoneCodes).toContain(21);
    expect(t.communes.find((c) => c.code === '1601')).toMatchObject({
      nameFr: 'Alger Centre',
      wilayaCode: '16',
    });
  });
});

describe('synthetic citizens', () => {
  it('the same seed and size give the same citizens; another seed, others', () => {
    const a = generate(42, 2000);
    const b = generate(42, 2000);
    expect(a).toHaveLength(2000);
    expect(digest(a)).toBe(digest(b));
    expect(digest(generate(43, 2000))).not.toBe(digest(a));
    // A larger run starts with the smaller one: scaling up keeps what was there.
    expect(digest(generate(42, 3000).slice(0, 2000))).toBe(digest(a));
  });

  it('every NIN is valid and unique, parents come first, and families are plausible', () => {
    const people = generate(7, 5000);
    const byNin = new Map(people.map((p) => [p.nin, p]));
    expect(byNin.size).toBe(people.length);
    const seen = new Set<string>();
    let withBothParents = 0;
    for (const p of people) {
      expect(isNin(p.nin)).toBe(true);
      expect(p.nin.slice(1, 5)).toBe(p.birthDate.slice(0, 4));
      expect(p.nin.slice(5, 9)).toBe(p.birthCommuneCode);
      for (const parentNin of [p.fatherNin, p.motherNin]) {
        if (!parentNin) continue;
        expect(seen.has(parentNin)).toBe(true);
        const parent = byNin.get(parentNin)!;
        expect(parent.birthDate < p.birthDate).toBe(true);
      }
      if (p.fatherNin) expect(byNin.get(p.fatherNin)!.sex).toBe('MALE');
      if (p.motherNin) expect(byNin.get(p.motherNin)!.sex).toBe('FEMALE');
      if (p.fatherNin && p.motherNin) withBothParents += 1;
      if (p.deathDate) expect(p.deathDate > p.birthDate).toBe(true);
      expect(p.givenNameAr).toMatch(/\p{Script=Arabic}/u);
      expect(p.givenNameLat).toMatch(/^\p{Script=Latin}/u);
      seen.add(p.nin);
    }
    expect(withBothParents / people.length).toBeGreaterThan(0.4);
  });
});

describe('seeding a database', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('writes the same rows into two databases, by COPY and by INSERT, and a second run adds nothing', async () => {
    const contents: string[] = [];
    for (let i = 0; i < 2; i++) {
      const database = await createTestDatabase();
      dbs.push(database);
      // PostgreSQL: the first database is loaded by COPY (what npm start, db:seed and the
      // bench use), the second by INSERTs (what PGlite uses): the same rows either way.
      const bulk = i === 0 ? database.bulkLoader : undefined;
      // The COPY path with its worker threads (the default only for big seeds).
      const report = await seedIfEmpty(database.db, {
        citizens: 500,
        seed: 11,
        bulk,
        workers: true,
      });
      expect(report).toMatchObject({ wilayas: 48, citizens: 500 });
      expect(report!.documents).toBeGreaterThan(300);
      expect(
        await seedIfEmpty(database.db, { citizens: 500, seed: 11, bulk, workers: true }),
      ).toBeNull();
      const all = await rows(
        database.db,
        sql`select nin, given_name_lat, family_name_ar, birth_date::text, father_nin, mother_nin, death_date::text from citizens.citizens order by nin`,
      );
      expect(all).toHaveLength(500);
      const papers = await rows(
        database.db,
        sql`select number, type, holder_nin, issue_date::text, expiry_date::text, status from documents.documents order by number`,
      );
      expect(papers.length).toBeGreaterThan(300);
      contents.push(digest([all, papers, await everySeededRow(database)]));
    }
    expect(contents[0]).toBe(contents[1]);
  });

  it('leaves the secondary indexes in place after a COPY load', async () => {
    const database = dbs[0]!;
    if (!database.url) return; // PGlite loads by INSERT: there is nothing to rebuild
    const indexes = await rows<{ name: string }>(
      database.db,
      sql`select indexname as name from pg_indexes where schemaname = 'citizens' and tablename = 'citizens' order by 1`,
    );
    expect(indexes.map((i) => i.name)).toEqual([
      'citizens_birth_commune_idx',
      'citizens_birth_date_idx',
      'citizens_family_ar_idx',
      'citizens_family_lat_idx',
      'citizens_father_idx',
      'citizens_given_ar_idx',
      'citizens_given_lat_idx',
      'citizens_mother_idx',
      'citizens_pkey',
      'citizens_spouse_idx',
    ]);
  });
});

/** Every row of every table the seed writes, as JSON, but for the clock (created_at). */
async function everySeededRow(database: TestDatabase): Promise<unknown[]> {
  const tables = await rows<{ name: string }>(
    database.db,
    sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_schema in ('citizens', 'documents', 'vehicles', 'patrimony', 'disputes',
          'education', 'hygiene', 'associations') and table_type = 'BASE TABLE'
          and table_name not like 'consultations%'
        order by 1`,
  );
  const out: unknown[] = [];
  for (const { name } of tables) {
    const [row] = await rows<{ n: number; digest: string | null }>(
      database.db,
      sql.raw(
        `select count(*)::int as n, md5(string_agg(r, '|' order by r)) as digest from (select (to_jsonb(t) - 'created_at')::text as r from ${name} t) s`,
      ),
    );
    out.push([name, row]);
  }
  return out;
}

describe('synthetic documents', () => {
  it('follow the registry: none for the dead, identity cards from 12, licences from 18, valid numbers', async () => {
    const { DocumentGenerator, DOCUMENTS_REFERENCE_DATE } = await import('../db/seed/documents.js');
    const people = generate(5, 3000);
    const byNin = new Map(people.map((p) => [p.nin, p]));
    const out = new DocumentGenerator(5).generate(people);
    expect(out.documents.length).toBeGreaterThan(1500);
    for (const d of out.documents) {
      const holder = byNin.get(d.holderNin)!;
      expect(holder.deathDate).toBeNull();
      expect(d.number).toMatch(/^[PCL]\d{9}$/);
      expect(d.issueDate <= DOCUMENTS_REFERENCE_DATE).toBe(true);
      if (d.type === 'NATIONAL_ID_CARD')
        expect(ageOn(holder.birthDate, d.issueDate)).toBeGreaterThanOrEqual(12);
      if (d.type === 'DRIVING_LICENCE')
        expect(ageOn(holder.birthDate, d.issueDate)).toBeGreaterThanOrEqual(18);
      if (d.status === 'ACTIVE') expect(d.expiryDate >= DOCUMENTS_REFERENCE_DATE).toBe(true);
      if (d.status === 'EXPIRED') expect(d.expiryDate < DOCUMENTS_REFERENCE_DATE).toBe(true);
    }
    const open = new Set(out.applications.map((a) => `${a.nin}|${a.type}`));
    expect(open.size).toBe(out.applications.length);
  });
});
