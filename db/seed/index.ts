import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { BulkLoader } from '../bulk.js';
import { NinList } from './nin-list.js';
import { insertSink, writeAll, type RowSink } from './sink.js';
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
import { PatrimonyGenerator } from './patrimony.js';
import * as patrimonyTables from '../tables/patrimony.js';
import * as disputesTables from '../tables/disputes.js';
import { SchoolChildren, seedEducation } from './education.js';

export interface SeedOptions {
  /** Number of synthetic citizens. */
  citizens: number;
  /** PRNG seed: the same value gives the same data. */
  seed: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Bulk loading (PostgreSQL: DatabaseHandle.bulkLoader): the big tables go in by COPY.
   * Without it, INSERTs (PGlite). Either way the same rows.
   */
  bulk?: (() => BulkLoader) | undefined;
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

/** The tables the seed fills by INSERT even on PostgreSQL (the territory, academic years). */
const INSERTED_TABLES = [
  'communes.wilayas',
  'communes.dairas',
  'communes.communes',
  'education.academic_years',
].join(', ');

/** Citizens per generated batch: the generators' output depends on it, so it stays. */
const CHUNK = 1000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Runs `work` with the bulk loader when there is one, INSERTs otherwise; then, on
 * PostgreSQL, ends the COPYs, which builds the indexes and commits (the 'indexes' stage).
 */
async function withSink<T>(
  db: Db,
  options: SeedOptions,
  work: (sink: RowSink) => Promise<T>,
): Promise<T> {
  const loader = options.bulk?.();
  try {
    const result = await work(loader ?? insertSink(db));
    if (loader) {
      options.onProgress?.('indexes', 0, 1);
      await loader.flush((_, done, total) => options.onProgress?.('indexes', done, total));
    }
    return result;
  } finally {
    await loader?.close();
  }
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

/**
 * Citizens and what follows them (acts, documents, vehicles, hygiene, associations), the
 * communes' patrimony, the schools and their enrolments, and the counters they used, all
 * into one sink: on PostgreSQL every table's COPY runs at once and nothing is read back.
 */
export async function seedCitizens(
  db: Db,
  options: SeedOptions,
  sink: RowSink,
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
  const registers = new CivilActGenerator();
  const hygiene = new HygieneGenerator(options.seed);
  const registry = new AssociationGenerator(options.seed);
  const counts = {
    done: 0,
    documents: 0,
    applications: 0,
    vehicles: 0,
    establishments: 0,
    requests: 0,
    associations: 0,
  };
  const tenants = new NinList();
  const pupils = new SchoolChildren();
  {
    for (const batch of generator.batches(CHUNK)) {
      for (const c of batch) {
        if (!c.deathDate && c.birthDate < '2004-01-01') tenants.push(c.nin);
        pupils.offer(c);
      }
      const drawn = registers.generate(batch, generator.takeCouples());
      const issued = papers.generate(batch);
      const fleet = cars.generate(batch);
      const office = hygiene.generate(batch);
      const clubs = registry.generate(batch);
      await writeAll(sink, [
        [citizens, batch as unknown as Record<string, unknown>[]],
        [civilActs, drawn.acts],
        [marginalNotes, drawn.notes],
        [documents, issued.documents as unknown as Record<string, unknown>[]],
        [applications, issued.applications as unknown as Record<string, unknown>[]],
        [applicationEvents, issued.events as unknown as Record<string, unknown>[]],
        [vehicleTables.vehicles, fleet.vehicles as unknown as Record<string, unknown>[]],
        [vehicleTables.ownerships, fleet.ownerships as unknown as Record<string, unknown>[]],
        [vehicleTables.registrationCards, fleet.cards as unknown as Record<string, unknown>[]],
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
      counts.vehicles += fleet.vehicles.length;
      counts.establishments += office.establishments.length;
      counts.requests += office.requests.length;
      counts.associations += clubs.associations.length;
      counts.documents += issued.documents.length;
      counts.applications += issued.applications.length;
      counts.done += batch.length;
      options.onProgress?.('citizens', counts.done, options.citizens);
    }
  }
  const patrimony = await seedPatrimony(sink, options, codes, tenants);
  // Schools follow the children just generated.
  options.onProgress?.('schools', 0, 1);
  const education = await seedEducation(db, options.seed, pupils.inNinOrder(), sink);
  options.onProgress?.('schools', 1, 1);
  options.onProgress?.('counters', 0, 1);
  await sink.raise(ninSerials, 'prefix', generator.serialsUsed);
  await sink.raise(serials, 'key', papers.serialsUsed);
  await sink.raise(citizenSerials, 'key', registers.serialsUsed);
  await sink.raise(vehicleTables.serials, 'key', cars.serialsUsed);
  await sink.raise(hygieneTables.serials, 'key', hygiene.serialsUsed);
  await sink.raise(associationTables.serials, 'key', registry.serialsUsed);
  options.onProgress?.('counters', 1, 1);
  return {
    ...education,
    citizens: counts.done,
    documents: counts.documents,
    applications: counts.applications,
    vehicles: counts.vehicles,
    ...patrimony,
    establishments: counts.establishments,
    hygieneRequests: counts.requests,
    associations: counts.associations,
  };
}

/** Every commune's patrimony and a few cases (db/seed/patrimony.ts). */
async function seedPatrimony(
  sink: RowSink,
  options: SeedOptions,
  codes: string[],
  tenants: NinList,
) {
  options.onProgress?.('patrimony', 0, 1);
  const gen = new PatrimonyGenerator(options.seed, options.citizens);
  const p = gen.generate(codes, tenants);
  const t = patrimonyTables;
  await writeAll(sink, [
    [t.assets, p.assets],
    [t.leases, p.leases],
    [t.payments, p.payments],
    [t.expenses, p.expenses],
    [t.formalNotices, p.notices],
    [disputesTables.cases, p.cases],
    [disputesTables.hearings, p.hearings],
    [disputesTables.caseEvents, p.events],
  ]);
  await sink.raise(t.serials, 'key', gen.patrimonyCounters.used);
  await sink.raise(disputesTables.serials, 'key', gen.disputesCounters.used);
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
    options.onProgress?.('territory', 0, 1);
    Object.assign(report, await seedTerritory(db));
    seeded = true;
  }
  if ((await count(db, citizens)) === 0 && options.citizens > 0) {
    options.onProgress?.('citizens', 0, options.citizens);
    Object.assign(report, await withSink(db, options, (sink) => seedCitizens(db, options, sink)));
    seeded = true;
  }
  // Fresh statistics, or the planner guesses: after a bulk load it would otherwise plan
  // on an empty table's figures until autovacuum gets round to it. The bulk loader has
  // analysed every table it loaded, in the load's transaction; what is left is small.
  if (seeded) {
    options.onProgress?.('analyze', 0, 1);
    await db.execute(options.bulk ? sql`analyze ${sql.raw(INSERTED_TABLES)}` : sql`analyze`);
    options.onProgress?.('analyze', 1, 1);
  }
  return seeded ? report : null;
}
