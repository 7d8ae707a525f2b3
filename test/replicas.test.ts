import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/client.js';
import { postgresReachable, TEST_ADMIN_URL } from './support/database.js';
import { randomBytes } from 'node:crypto';

/** Runs `scripts/migrate.ts` as its own process, as a replica or a migration Job does. */
function migrateProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('replicas on one PostgreSQL', () => {
  it('three migrators started at the same moment apply each migration once, and all succeed', async (ctx) => {
    if (!(await postgresReachable())) {
      ctx.skip(); // several processes need one shared PostgreSQL, not PGlite
      return;
    }
    const name = `ecg_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(TEST_ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(TEST_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migrateProcess(url.toString())));
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
      for (const r of runs) expect(r.output).toMatch(/migrations applied \(postgres\)/);
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const journal = await db`select hash from drizzle.__drizzle_migrations order by id`;
        const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
        expect(journal.map((r) => r.hash)).toEqual(expected.map((m) => m.hash));
      } finally {
        await db.end({ timeout: 2 });
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    }
  });
});
