import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';

/** Tests use this server when it answers, embedded PGlite otherwise. */
export const TEST_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;

export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    if (process.env.TEST_DATABASE === 'pglite') return false;
    const sql = postgres(TEST_ADMIN_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return true;
    } catch {
      return false;
    } finally {
      await sql.end({ timeout: 1 });
    }
  })();
  return reachable;
}

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL of this test's own database, or null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: its own PostgreSQL database (files run
 * in parallel and must not share tables), or an in-memory PGlite.
 */
export async function createTestDatabase(
  options: { poolSize?: number; poolQueue?: number; acquireTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  if (!(await postgresReachable())) {
    const handle = await openDatabase();
    await handle.migrate();
    return { ...handle, url: null, drop: () => handle.close() };
  }
  const name = `ecg_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    ...options,
    url: url.toString(),
    poolSize: options.poolSize ?? 10,
  });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    },
  };
}
