import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { openBulkLoader, type BulkLoaderFactory } from './bulk.js';
import { instrumentPglite, instrumentPostgres, type PoolGauge } from './instrument.js';
import { withMigrationLock } from './migrate-lock.js';
import { gatedClient, PoolGate, type PoolStats } from './pool-gate.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** The drizzle handle every query function takes first, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** A transaction handle, as `db.transaction` passes it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Statements sent through drizzle since start; tests and benchmarks read it. */
  stats: { statements: number };
  /** Work holding a connection now, for the metrics endpoint (db/instrument.ts). */
  pool: PoolGauge;
  /** The connection gate's use and queue (PostgreSQL only; PGlite has no pool). */
  poolStats?: () => PoolStats;
  /** A COPY loader on its own connections, for seeding (PostgreSQL only: db/bulk.ts). */
  bulkLoader?: BulkLoaderFactory;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, an embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; in memory when absent. */
  pgliteDir?: string | undefined;
  /** postgres.js pool size. */
  poolSize?: number;
  applicationName?: string;
  statementTimeoutMs?: number;
  /** Callers that may wait for a free connection; beyond, refused at once (DB_POOL_QUEUE). */
  poolQueue?: number;
  /** Longest wait for a free connection before the caller is refused (DB_ACQUIRE_TIMEOUT_MS). */
  acquireTimeoutMs?: number;
}

function countingLogger(stats: { statements: number }): DrizzleLogger {
  return {
    logQuery() {
      stats.statements += 1;
    },
  };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const stats = { statements: 0 };
  const logger = countingLogger(stats);

  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const size = options.poolSize ?? 10;
    const raw = postgres(options.url, {
      max: size,
      connect_timeout: 5,
      // postgres.js waits before reconnecting, up to 20 s after repeated failures, and the
      // statements queued meanwhile wait with it: a database back after an outage would
      // stay unused for that long, and callers would hang. A short, capped delay makes
      // statements fail fast while it is away and reconnect within ¼ s of its return.
      backoff: (retries: number) => Math.min(0.05 * retries, 0.25),
      idle_timeout: 30,
      onnotice: () => {},
      connection: {
        application_name: options.applicationName ?? 'e-commune',
        statement_timeout: options.statementTimeoutMs ?? 10_000,
        lock_timeout: 5_000,
        idle_in_transaction_session_timeout: 30_000,
      },
    });
    const gate = new PoolGate({
      size,
      maxWaiting: options.poolQueue ?? size * 10,
      acquireTimeoutMs: options.acquireTimeoutMs ?? 5000,
    });
    // The gate goes outside the instrumented client, so that every statement it lets
    // through is observed as postgres.js runs it; the metrics read the gate itself, which
    // knows who waits for a connection.
    const client = gatedClient(instrumentPostgres(raw, { inFlight: 0, max: size }), gate);
    const pool: PoolGauge = {
      get inFlight() {
        const now = gate.stats();
        return now.inUse + now.waiting;
      },
      max: size,
    };
    const db = drizzle({ client, logger }) as unknown as Db;
    const url = options.url;
    return {
      db,
      kind: 'postgres',
      stats,
      pool,
      poolStats: () => gate.stats(),
      bulkLoader: Object.assign(() => openBulkLoader(url, postgres), { url }),
      migrate: () =>
        withMigrationLock(url, postgres as never, () =>
          migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
        ),
      close: () => raw.end({ timeout: 5 }),
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const client = options.pgliteDir ? new PGlite(options.pgliteDir) : new PGlite();
  await client.waitReady;
  const pool: PoolGauge = { inFlight: 0, max: 1 };
  const db = drizzle({ client: instrumentPglite(client, pool), logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    stats,
    pool,
    migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
