import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { BulkLoaderFactory, TableLoad } from '../bulk.js';
import { startFollowerPool, type FollowerPool } from './follower-pool.js';
import { FOLLOWER_GROUPS, addCounts, follower } from './followers.js';
import { NinList } from './nin-list.js';
import { insertSink, writeAll, type RowSink } from './sink.js';
import { citizens, ninSerials } from '../tables/citizens.js';
import { communes, dairas, wilayas } from '../tables/communes.js';
import { CitizenGenerator } from './citizens.js';
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
  /** Each loaded table's rows and index time, once the bulk load has committed (PostgreSQL). */
  onLoaded?: (tables: TableLoad[]) => void;
  /**
   * Bulk loading (PostgreSQL: DatabaseHandle.bulkLoader): the big tables go in by COPY.
   * Without it, INSERTs (PGlite). Either way the same rows.
   */
  bulk?: BulkLoaderFactory | undefined;
  /**
   * With a bulk loader that has a URL, the acts, documents and the rest are drawn in two
   * worker threads (db/seed/follower-pool.ts); false keeps them on the main thread. The
   * rows are the same either way. By default only from WORKER_THRESHOLD citizens: below,
   * starting the threads costs more than they save (at 100 k they gain nothing), and the
   * tests start many small graphs at once.
   */
  workers?: boolean;
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

/** The follower generators, on the main thread (INSERTs, or COPY without workers). */
function followersInThread(sink: RowSink, seed: number): FollowerPool {
  const groups = FOLLOWER_GROUPS.map((group) => follower(group, seed));
  return {
    async push(batch, couples) {
      for (const g of groups) await writeAll(sink, g.generate(batch, couples));
    },
    async finish() {
      const counts = { ...groups[0]!.counts };
      for (const g of groups.slice(1)) addCounts(counts, g.counts);
      for (const g of groups)
        for (const [table, key, used] of g.counters()) await sink.raise(table, key, used);
      return { counts, loads: [] };
    },
    async close() {},
  };
}

/**
 * Citizens and what follows them (acts, documents, vehicles, hygiene, associations), the
 * communes' patrimony, the schools and their enrolments, and the counters they used. On
 * PostgreSQL every table's COPY runs at once, the followers in worker threads with COPYs
 * of their own, then every table builds its indexes and commits (the 'indexes' stage);
 * nothing is read back.
 */
const WORKER_THRESHOLD = 200_000;

async function seedPopulation(
  db: Db,
  options: SeedOptions,
): Promise<Omit<SeedReport, 'wilayas' | 'dairas' | 'communes'>> {
  const codes = (
    await db.select({ code: communes.code }).from(communes).orderBy(communes.code)
  ).map((r) => r.code);
  const loader = options.bulk?.();
  const sink = loader ?? insertSink(db);
  const url = options.bulk?.url;
  const followers =
    loader && url && (options.workers ?? options.citizens >= WORKER_THRESHOLD)
      ? startFollowerPool(url, options.seed, {
          citizens: options.citizens,
          communeCodes: codes,
          batchSize: CHUNK,
        })
      : followersInThread(sink, options.seed);
  try {
    const generator = new CitizenGenerator({
      seed: options.seed,
      count: options.citizens,
      communeCodes: codes,
    });
    const tenants = new NinList();
    const pupils = new SchoolChildren();
    let done = 0;
    for (const batch of generator.batches(CHUNK)) {
      for (const c of batch) {
        if (!c.deathDate && c.birthDate < '2004-01-01') tenants.push(c.nin);
        pupils.offer(c);
      }
      const couples = generator.takeCouples();
      await sink.write(citizens, batch as unknown as Record<string, unknown>[]);
      await followers.push(batch, couples);
      done += batch.length;
      options.onProgress?.('citizens', done, options.citizens);
    }
    // The citizens' indexes (the longest to build) start while the rest is drawn.
    await sink.seal(citizens);
    const patrimony = await seedPatrimony(sink, options, codes, tenants);
    // Schools follow the children just generated.
    options.onProgress?.('schools', 0, 1);
    const education = await seedEducation(db, options.seed, pupils.inNinOrder(), sink);
    options.onProgress?.('schools', 1, 1);
    await sink.raise(ninSerials, 'prefix', generator.serialsUsed);
    options.onProgress?.('indexes', 0, 1);
    const indexed = { main: [0, 0], workers: [0, 0] };
    const progress = (which: keyof typeof indexed) => (done: number, total: number) => {
      indexed[which] = [done, total];
      options.onProgress?.(
        'indexes',
        indexed.main[0]! + indexed.workers[0]!,
        indexed.main[1]! + indexed.workers[1]!,
      );
    };
    const [followed, loads] = await Promise.all([
      followers.finish(progress('workers')),
      loader ? loader.flush((_, done, total) => progress('main')(done, total)) : [],
    ]);
    if (loader) options.onLoaded?.([...loads, ...followed.loads]);
    return { citizens: done, ...followed.counts, ...patrimony, ...education };
  } finally {
    await followers.close();
    await loader?.close();
  }
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
    Object.assign(report, await seedPopulation(db, options));
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
