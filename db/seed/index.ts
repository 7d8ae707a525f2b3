import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { raiseSerials } from '../serials.js';
import {
  citizens,
  civilActs,
  marginalNotes,
  ninSerials,
  serials as citizenSerials,
} from '../tables/citizens.js';
import { CivilActGenerator } from './civil-acts.js';
import { communes, dairas, wilayas } from '../tables/communes.js';
import { applicationEvents, applications, documents, serials } from '../tables/documents.js';
import { CitizenGenerator } from './citizens.js';
import { DocumentGenerator } from './documents.js';
import { VehicleGenerator } from './vehicles.js';
import * as vehicleTables from '../tables/vehicles.js';
import * as hygieneTables from '../tables/hygiene.js';
import { HygieneGenerator } from './hygiene.js';
import * as associationTables from '../tables/associations.js';
import { AssociationGenerator } from './associations.js';
import { loadTerritory } from './communes.js';
import { PatrimonyGenerator, type TenantCandidate } from './patrimony.js';
import * as patrimonyTables from '../tables/patrimony.js';
import * as disputesTables from '../tables/disputes.js';
import { seedEducation } from './education.js';

export interface SeedOptions {
  /** Number of synthetic citizens. */
  citizens: number;
  /** PRNG seed: the same value gives the same data. */
  seed: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface SeedReport {
  wilayas: number;
  dairas: number;
  communes: number;
  citizens: number;
  documents: number;
  applications: number;
  vehicles: number;
  assets: number;
  leases: number;
  cases: number;
  schools: number;
  enrolments: number;
  establishments: number;
  hygieneRequests: number;
  associations: number;
}

const CHUNK = 1000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Rows of several tables, in order (generators give plain rows, typed by their tables). */
async function insertAll(db: Db, work: [PgTable, Record<string, unknown>[]][]) {
  for (const [table, rows] of work)
    await insertChunks(rows, (c) => db.insert(table).values(c as never));
}

export async function seedTerritory(
  db: Db,
): Promise<Pick<SeedReport, 'wilayas' | 'dairas' | 'communes'>> {
  const t = loadTerritory();
  await db.transaction(async (tx) => {
    await insertChunks(t.wilayas, (c) => tx.insert(wilayas).values(c).onConflictDoNothing());
    await insertChunks(t.dairas, (c) => tx.insert(dairas).values(c).onConflictDoNothing());
    await insertChunks(t.communes, (c) => tx.insert(communes).values(c).onConflictDoNothing());
  });
  return { wilayas: t.wilayas.length, dairas: t.dairas.length, communes: t.communes.length };
}

export async function seedCitizens(
  db: Db,
  options: SeedOptions,
): Promise<Omit<SeedReport, 'wilayas' | 'dairas' | 'communes' | 'schools' | 'enrolments'>> {
  const codes = (
    await db.select({ code: communes.code }).from(communes).orderBy(communes.code)
  ).map((r) => r.code);
  const generator = new CitizenGenerator({
    seed: options.seed,
    count: options.citizens,
    communeCodes: codes,
  });
  const papers = new DocumentGenerator(options.seed);
  const cars = new VehicleGenerator(options.seed);
  const registers = new CivilActGenerator();
  const hygiene = new HygieneGenerator(options.seed);
  const registry = new AssociationGenerator(options.seed);
  let associationCount = 0;
  let establishmentCount = 0;
  let requestCount = 0;
  let vehicleCount = 0;
  let done = 0;
  let docCount = 0;
  let appCount = 0;
  const tenants: TenantCandidate[] = [];
  for (const batch of generator.batches(CHUNK)) {
    for (const c of batch)
      if (!c.deathDate && c.birthDate < '2004-01-01') tenants.push({ nin: c.nin });
    const drawn = registers.generate(batch, generator.takeCouples());
    const issued = papers.generate(batch);
    const fleet = cars.generate(batch);
    // One transaction per batch: one commit (one WAL flush) instead of one per INSERT.
    await db.transaction(async (tx) => {
      await tx.insert(citizens).values(batch);
      await insertChunks(drawn.acts, (c) => tx.insert(civilActs).values(c));
      await insertChunks(drawn.notes, (c) => tx.insert(marginalNotes).values(c));
      await insertChunks(issued.documents, (c) => tx.insert(documents).values(c));
      await insertChunks(issued.applications, (c) => tx.insert(applications).values(c));
      await insertChunks(issued.events, (c) => tx.insert(applicationEvents).values(c));
      await insertChunks(fleet.vehicles, (c) => tx.insert(vehicleTables.vehicles).values(c));
      await insertChunks(fleet.ownerships, (c) => tx.insert(vehicleTables.ownerships).values(c));
      await insertChunks(fleet.cards, (c) => tx.insert(vehicleTables.registrationCards).values(c));
    });
    vehicleCount += fleet.vehicles.length;
    const office = hygiene.generate(batch);
    const clubs = registry.generate(batch);
    await insertAll(db, [
      [hygieneTables.establishments, office.establishments],
      [hygieneTables.inspections, office.inspections],
      [hygieneTables.inspectionItems, office.items],
      [hygieneTables.samplingPoints, office.points],
      [hygieneTables.waterSamples, office.samples],
      [hygieneTables.campaigns, office.campaigns],
      [hygieneTables.requests, office.requests],
      [hygieneTables.requestEvents, office.events],
      [associationTables.associations, clubs.associations],
      [associationTables.founders, clubs.founders],
      [associationTables.boardMembers, clubs.board],
      [associationTables.associationEvents, clubs.events],
      [associationTables.generalAssemblies, clubs.assemblies],
    ]);
    establishmentCount += office.establishments.length;
    requestCount += office.requests.length;
    associationCount += clubs.associations.length;
    docCount += issued.documents.length;
    appCount += issued.applications.length;
    done += batch.length;
    options.onProgress?.('citizens', done, options.citizens);
  }
  const ninCounters = [...generator.serialsUsed].map(([prefix, last]) => ({ prefix, last }));
  await insertChunks(ninCounters, (c) =>
    db
      .insert(ninSerials)
      .values(c)
      .onConflictDoUpdate({
        target: ninSerials.prefix,
        set: { last: sql`greatest(${ninSerials.last}, excluded.last)` },
      }),
  );
  await raiseSerials(db, serials, papers.serialsUsed);
  await raiseSerials(db, citizenSerials, registers.serialsUsed);
  await raiseSerials(db, vehicleTables.serials, cars.serialsUsed);
  const patrimony = await seedPatrimony(db, options, codes, tenants);
  await raiseSerials(db, hygieneTables.serials, hygiene.serialsUsed);
  await raiseSerials(db, associationTables.serials, registry.serialsUsed);
  return {
    citizens: done,
    documents: docCount,
    applications: appCount,
    vehicles: vehicleCount,
    ...patrimony,
    establishments: establishmentCount,
    hygieneRequests: requestCount,
    associations: associationCount,
  };
}

/** Every commune's patrimony and a few cases (db/seed/patrimony.ts). */
async function seedPatrimony(
  db: Db,
  options: SeedOptions,
  codes: string[],
  tenants: TenantCandidate[],
) {
  const gen = new PatrimonyGenerator(options.seed, options.citizens);
  const p = gen.generate(codes, tenants);
  const t = patrimonyTables;
  await insertChunks(p.assets, (c) => db.insert(t.assets).values(c));
  await insertChunks(p.leases, (c) => db.insert(t.leases).values(c));
  await insertChunks(p.payments, (c) => db.insert(t.payments).values(c));
  await insertChunks(p.expenses, (c) => db.insert(t.expenses).values(c));
  await insertChunks(p.notices, (c) => db.insert(t.formalNotices).values(c));
  await insertChunks(p.cases, (c) => db.insert(disputesTables.cases).values(c));
  await insertChunks(p.hearings, (c) => db.insert(disputesTables.hearings).values(c));
  await insertChunks(p.events, (c) => db.insert(disputesTables.caseEvents).values(c));
  await raiseSerials(db, t.serials, gen.patrimonyCounters.used);
  await raiseSerials(db, disputesTables.serials, gen.disputesCounters.used);
  options.onProgress?.('patrimony', p.assets.length, p.assets.length);
  return { assets: p.assets.length, leases: p.leases.length, cases: p.cases.length };
}

async function count(db: Db, table: typeof wilayas | typeof citizens): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

/** Seeds what is missing: the territory when there is none, citizens when there are none. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedReport | null> {
  const report: SeedReport = {
    wilayas: 0,
    dairas: 0,
    communes: 0,
    citizens: 0,
    documents: 0,
    applications: 0,
    vehicles: 0,
    assets: 0,
    leases: 0,
    cases: 0,
    schools: 0,
    enrolments: 0,
    establishments: 0,
    hygieneRequests: 0,
    associations: 0,
  };
  let seeded = false;
  if ((await count(db, wilayas)) === 0) {
    Object.assign(report, await seedTerritory(db));
    seeded = true;
  }
  if ((await count(db, citizens)) === 0 && options.citizens > 0) {
    Object.assign(report, await seedCitizens(db, options));
    // Schools follow the children just seeded.
    Object.assign(report, await seedEducation(db, options.seed));
    seeded = true;
  }
  // Fresh statistics, or the planner guesses: after a bulk load it would otherwise plan
  // on an empty table's figures until autovacuum gets round to it.
  if (seeded) await db.execute(sql`analyze`);
  return seeded ? report : null;
}
