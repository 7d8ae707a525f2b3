import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/client.js';
import { seedIfEmpty } from '../db/seed/index.js';
import { ensureLocalKeys, type LocalKeyFiles } from '../scripts/local-keys.js';
import { heapFlag, memoryMiOf } from '../scripts/process-memory.js';
import { subgraphs } from '../subgraphs/registry.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchProcess {
  name: string;
  pid: number;
  url: string;
  child: ChildProcess;
}

export interface BenchGraph {
  citizens: number;
  databaseUrl: string;
  subgraphs: Record<string, BenchProcess>;
  gateway: BenchProcess;
  /** Hive Gateway on the same supergraph and subgraphs: in-flight dedup off, then on. */
  hive?: BenchProcess;
  hiveDedup?: BenchProcess;
  /** Our gateway again, with SINGLE_FETCH=off (Apollo Gateway's executor for every operation). */
  gatewayPlanned?: BenchProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const migrationCount = () =>
  readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length;

/**
 * A database named for its size and seed, reused while it holds the same migrations and
 * citizens (seeding is the slow part), recreated otherwise or with `fresh`.
 */
export async function benchDatabase(
  citizens: number,
  seed: number,
  options: { fresh?: boolean; say: (line: string) => void },
): Promise<{ url: string; seconds: number | null }> {
  const name = `ecg_bench_${citizens}_${seed}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
    let reuse = exists && !options.fresh;
    if (reuse) {
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const [m] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
        const [c] = await db`select count(*)::int as n from citizens.citizens`;
        reuse = m!.n === migrationCount() && c!.n === citizens;
      } catch {
        reuse = false;
      } finally {
        await db.end({ timeout: 2 });
      }
    }
    if (reuse) {
      options.say(`database ${name}: reused (${citizens} citizens)`);
      return { url: url.toString(), seconds: null };
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  await handle.migrate();
  const started = performance.now();
  let last = 0;
  await seedIfEmpty(handle.db, {
    citizens,
    seed,
    bulk: handle.bulkLoader,
    onProgress: (stage, done, total) => {
      const now = performance.now();
      if (done === total || now - last > 1000) {
        last = now;
        process.stderr.write(`\rseeding ${stage}: ${done}/${total}`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  options.say(`database ${name}: seeded ${citizens} citizens in ${seconds.toFixed(1)} s`);
  await handle.close();
  return { url: url.toString(), seconds };
}

/**
 * Production runs the compiled JavaScript (`npm run build`, dist/; see the Dockerfile), not
 * TypeScript through tsx, whose loader, source maps and transformed sources are a cost and
 * a memory of their own. BENCH_TSX=1 runs the sources instead.
 */
const COMPILED = process.env.BENCH_TSX !== '1';
const SOURCE_DIRS = ['gateway', 'subgraphs', 'db', 'schema', 'scripts'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|sql|json)$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless it is newer than every source file. */
export function ensureBuilt(say: (line: string) => void): void {
  if (!COMPILED) return;
  const stamp = join(ROOT, 'dist/.bench-built');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (SOURCE_DIRS.every((d) => newestSource(d) < built)) return;
  say('building dist/ (npm run build), as the production image does…');
  const started = performance.now();
  execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(stamp, new Date().toISOString());
  say(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  logDir: string,
  nodeArgs: string[] = [],
): BenchProcess {
  // Our own entry points run from dist/ (compiled); anything else (Hive Gateway, whose
  // configuration is TypeScript) through tsx.
  const [entry, ...rest] = args;
  const compiled = COMPILED && entry!.endsWith('.ts');
  // With the heap the deployment gives it (NODE_OPTIONS in the manifests).
  const argv = compiled
    ? [
        heapFlag(memoryMiOf(name)),
        ...nodeArgs,
        join('dist', entry!.replace(/\.ts$/, '.js')),
        ...rest,
      ]
    : [...nodeArgs, '--import', 'tsx', ...args];
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, `${name}.log`));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { name, pid: child.pid!, url, child };
}

/**
 * How long a process may take to answer its readiness probe. Twelve Node processes
 * loading TypeScript at once on a shared 2-core machine took 6 minutes to be ready at a
 * load average of 20 to 40 (26 s for one alone); BENCH_READY_TIMEOUT_S changes it.
 */
const READY_TIMEOUT_MS = Number(process.env.BENCH_READY_TIMEOUT_S ?? 900) * 1000;

async function waitReady(
  p: BenchProcess,
  path: string,
  logDir: string,
  timeoutMs = READY_TIMEOUT_MS,
) {
  const deadline = Date.now() + timeoutMs;
  const probe = new URL(path, p.url).toString();
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) break;
    try {
      const res = await fetch(probe);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = readFileSync(join(logDir, `${p.name}.log`), 'utf8').slice(-2000);
  throw new Error(`${p.name} did not become ready at ${probe}:\n${tail}`);
}

export async function benchKeys(dir: string): Promise<LocalKeyFiles> {
  return ensureLocalKeys(dir);
}

/**
 * The graph as production runs it: each subgraph and the gateway its own Node process,
 * NODE_ENV=production, on PostgreSQL; Hive Gateway beside ours on the same subgraphs.
 */
export async function startBenchGraph(options: {
  label: string;
  citizens: number;
  databaseUrl: string;
  keys: LocalKeyFiles;
  workDir: string;
  hive: boolean;
  /** Extra Node flags for a process by name (e.g. --cpu-prof, for bench/profile.ts). */
  nodeArgs?: (name: string) => string[];
  /** Also start our gateway with SINGLE_FETCH=off (bench:hop-floor). */
  plannedGateway?: boolean;
}): Promise<BenchGraph> {
  ensureBuilt((line) => process.stderr.write(`${line}\n`));
  const nodeArgs = (name: string) => options.nodeArgs?.(name) ?? [];
  const logDir = join(options.workDir, `logs-${options.label}`);
  mkdirSync(logDir, { recursive: true });
  const common: Record<string, string> = {
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    DATABASE_URL: options.databaseUrl,
    INTERNAL_PUBLIC_KEY_FILE: options.keys.internalPublic,
    // Metrics listeners on ephemeral ports: a second graph (--scale) would find the
    // default ports taken by the first.
    METRICS_PORT: '0',
  };
  const urls: Record<string, string> = {};
  for (const def of subgraphs) urls[def.name] = `http://127.0.0.1:${await freePort()}/graphql`;
  const urlEnv = Object.fromEntries(
    Object.entries(urls).map(([n, u]) => [`SUBGRAPH_${n.toUpperCase()}_URL`, u]),
  );
  const running: Record<string, BenchProcess> = {};
  for (const def of subgraphs) {
    running[def.name] = startProcess(
      `${def.name}`,
      [`subgraphs/${def.name}/server.ts`],
      { ...common, ...urlEnv, PORT: new URL(urls[def.name]!).port },
      urls[def.name]!,
      logDir,
      nodeArgs(def.name),
    );
  }
  // The supergraph with this run's subgraph addresses, for Hive Gateway (ours takes them
  // from SUBGRAPH_*_URL).
  let sdl = readFileSync(join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  for (const [n, u] of Object.entries(urls))
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${n}", url: ")[^"]+`), `$1${u}`);
  const supergraphFile = join(options.workDir, `supergraph-${options.label}.graphql`);
  writeFileSync(supergraphFile, sdl);

  const ours = async (name: string, env: Record<string, string> = {}) => {
    const port = await freePort();
    return startProcess(
      name,
      ['gateway/main.ts'],
      {
        ...common,
        ...urlEnv,
        PORT: String(port),
        SUPERGRAPH_FILE: supergraphFile,
        AUTH_PUBLIC_KEY_FILE: options.keys.callerPublic,
        INTERNAL_PRIVATE_KEY_FILE: options.keys.internalPrivate,
        ...env,
      },
      `http://127.0.0.1:${port}/graphql`,
      logDir,
      nodeArgs(name),
    );
  };
  const gateway = await ours('gateway');
  const hive = async (name: string, dedup: boolean) => {
    const port = await freePort();
    return startProcess(
      name,
      [
        'node_modules/@graphql-hive/gateway/dist/bin.js',
        'supergraph',
        supergraphFile,
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--config-path',
        'bench/hive/gateway.config.ts',
      ],
      {
        NODE_ENV: 'production',
        BENCH_CALLER_PUBLIC_KEY_FILE: options.keys.callerPublic,
        BENCH_INTERNAL_PRIVATE_KEY_FILE: options.keys.internalPrivate,
        BENCH_HIVE_DEDUP: dedup ? '1' : '0',
      },
      `http://127.0.0.1:${port}/graphql`,
      logDir,
    );
  };
  const graph: BenchGraph = {
    citizens: options.citizens,
    databaseUrl: options.databaseUrl,
    subgraphs: running,
    gateway,
    ...(options.plannedGateway
      ? { gatewayPlanned: await ours('gateway-planned', { SINGLE_FETCH: 'off' }) }
      : {}),
    ...(options.hive
      ? { hive: await hive('hive', false), hiveDedup: await hive('hive-dedup', true) }
      : {}),
    async stop() {
      const all = [
        gateway,
        graph.gatewayPlanned,
        graph.hive,
        graph.hiveDedup,
        ...Object.values(running),
      ].filter((p): p is BenchProcess => !!p);
      await Promise.all(
        all.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.child.exitCode !== null) return resolve();
              p.child.once('exit', () => resolve());
              p.child.kill('SIGTERM');
              setTimeout(() => {
                p.child.kill('SIGKILL');
                resolve();
              }, 5000).unref();
            }),
        ),
      );
    },
  };
  try {
    for (const p of Object.values(running)) await waitReady(p, '/ready', logDir);
    await waitReady(gateway, '/ready', logDir);
    if (graph.gatewayPlanned) await waitReady(graph.gatewayPlanned, '/ready', logDir);
    if (graph.hive) await waitReady(graph.hive, '/readiness', logDir);
    if (graph.hiveDedup) await waitReady(graph.hiveDedup, '/readiness', logDir);
  } catch (error) {
    await graph.stop();
    throw error;
  }
  return graph;
}
