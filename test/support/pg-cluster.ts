import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { openDatabase, type DatabaseOptions } from '../../db/client.js';
import type { TestDatabase } from './database.js';

const run = promisify(execFile);

/** Where Debian puts the server's programs; PG_BIN overrides. */
const BIN_DIRS = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'];

export function postgresBinaries(): string | null {
  for (const dir of BIN_DIRS) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  return null;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface ThrowawayCluster {
  port: number;
  /** postgres://… of the cluster's `postgres` database. */
  adminUrl: string;
  /** Stops the server at once (`pg_ctl stop -m fast`: sessions are terminated). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data folder. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own, which it may stop and restart: initdb into a
 * temporary folder, pg_ctl on a free port, the socket in that folder. initdb refuses to
 * run as root, so as root the programs run as the `postgres` system user. Null when the
 * server's programs are not installed (the test then skips, saying so).
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster | null> {
  const bin = postgresBinaries();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ecg-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  const exec = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args])
      : run(join(bin, program), args);

  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = async () => {
    await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  };
  const stop = async () => {
    await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  let running = true;
  return {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database on the cluster, shaped as the test harness's own. */
export async function clusterDatabase(
  cluster: ThrowawayCluster,
  options: Omit<DatabaseOptions, 'url'> = {},
): Promise<TestDatabase> {
  const admin = postgres(cluster.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database ecg_faults');
  await admin.end({ timeout: 2 });
  const url = cluster.adminUrl.replace(/\/postgres$/, '/ecg_faults');
  const handle = await openDatabase({ ...options, url });
  await handle.migrate();
  return { ...handle, url, drop: () => handle.close() };
}
