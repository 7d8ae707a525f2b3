import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { instrumentPglite, instrumentPostgres, type PoolGauge } from './instrument.js';

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
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      connect_timeout: 5,
      idle_timeout: 30,
      onnotice: () => {},
      connection: {
        application_name: options.applicationName ?? 'e-commune',
        statement_timeout: options.statementTimeoutMs ?? 10_000,
        lock_timeout: 5_000,
        idle_in_transaction_session_timeout: 30_000,
      },
    });
    const pool: PoolGauge = { inFlight: 0, max: options.poolSize ?? 10 };
    const db = drizzle({ client: instrumentPostgres(client, pool), logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      stats,
      pool,
      migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => client.end({ timeout: 5 }),
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
