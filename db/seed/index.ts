import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { raiseSerials } from '../serials.js';
import { citizens, ninSerials } from '../tables/citizens.js';
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
): Promise<Omit<SeedReport, 'wilayas' | 'dairas' | 'communes'>> {
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
  const hygiene = new HygieneGenerator(options.seed);
  const registry = new AssociationGenerator(options.seed);
  let associationCount = 0;
  let establishmentCount = 0;
  let requestCount = 0;
  let vehicleCount = 0;
  let done = 0;
  let docCount = 0;
  let appCount = 0;
  for (const batch of generator.batches(CHUNK)) {
    await db.insert(citizens).values(batch);
    const issued = papers.generate(batch);
    await insertChunks(issued.documents, (c) => db.insert(documents).values(c));
    await insertChunks(issued.applications, (c) => db.insert(applications).values(c));
    await insertChunks(issued.events, (c) => db.insert(applicationEvents).values(c));
    const fleet = cars.generate(batch);
    await insertChunks(fleet.vehicles, (c) => db.insert(vehicleTables.vehicles).values(c));
    await insertChunks(fleet.ownerships, (c) => db.insert(vehicleTables.ownerships).values(c));
    await insertChunks(fleet.cards, (c) => db.insert(vehicleTables.registrationCards).values(c));
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
  await raiseSerials(db, vehicleTables.serials, cars.serialsUsed);
  await raiseSerials(db, hygieneTables.serials, hygiene.serialsUsed);
  await raiseSerials(db, associationTables.serials, registry.serialsUsed);
  return {
    citizens: done,
    documents: docCount,
    applications: appCount,
    vehicles: vehicleCount,
    establishments: establishmentCount,
    hygieneRequests: requestCount,
    associations: associationCount,
  };
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
    seeded = true;
  }
  return seeded ? report : null;
}
