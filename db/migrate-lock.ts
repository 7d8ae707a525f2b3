import type { Sql } from 'postgres';

/** One key for the whole platform: every process migrates the same database. */
const MIGRATION_LOCK = 'e-commune:migrations';

/**
 * Runs the migrator while holding a session-level advisory lock on a connection of its
 * own. Processes that start at the same moment (replicas, a migration Job and a pod) take
 * turns: the first applies the migrations, the next find them recorded and apply nothing.
 * Without it, two migrators read the same empty journal and both run the same DDL, and
 * one fails halfway. The lock goes with its session, so a migrator that dies frees it.
 */
export async function withMigrationLock<T>(
  url: string,
  makeClient: (url: string, options: object) => Sql,
  work: () => Promise<T>,
): Promise<T> {
  const lock = makeClient(url, {
    max: 1,
    onnotice: () => {},
    // Waiting here is waiting for another migrator; bounded so a hung one is noticed.
    connection: { application_name: 'e-commune-migrator', lock_timeout: 300_000 },
  });
  try {
    await lock`select pg_advisory_lock(hashtextextended(${MIGRATION_LOCK}, 0))`;
    try {
      return await work();
    } finally {
      await lock`select pg_advisory_unlock(hashtextextended(${MIGRATION_LOCK}, 0))`;
    }
  } finally {
    await lock.end({ timeout: 5 });
  }
}
