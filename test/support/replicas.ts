import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, importJWK } from 'jose';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { INTERNAL_ALGORITHM } from '../../schema/principal.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../scripts/local-keys.js';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server.js';
import type { SubgraphDefinition } from '../../subgraphs/kit/subgraph.js';
import { waitFor } from './load.js';
import { freePort } from './pg-cluster.js';
import type { TestGraph } from './graph.js';

export interface Replica {
  running: RunningSubgraph;
  /** The replica's own pool on the graph's database: a second process would have its own. */
  database: DatabaseHandle;
  stop(): Promise<void>;
}

/**
 * A second replica of one subgraph beside a test graph's own: its own server, its own
 * connection pool, its own audit writer and quota counting, on the same PostgreSQL
 * database, trusting the same gateway key. What two pods of one Deployment share is the
 * database alone; this shares nothing else either.
 */
export async function startReplica(
  graph: TestGraph,
  def: SubgraphDefinition,
  options: {
    peers?: Record<string, string>;
    quota?: { limit?: number; windowSeconds?: number };
  } = {},
): Promise<Replica> {
  if (!graph.database.url) throw new Error('a replica needs a PostgreSQL database, not PGlite');
  const database = await openDatabase({ url: graph.database.url, poolSize: 5 });
  const running = await startSubgraph(def, {
    database,
    internalKey: await importJWK(graph.keys.internalPublicJwk, INTERNAL_ALGORITHM),
    port: 0,
    production: false,
    peers: options.peers ?? {},
    ...(options.quota ? { quota: options.quota } : {}),
  });
  return {
    running,
    database,
    async stop() {
      await running.stop();
      await database.close();
    },
  };
}

/** The gateway's internal public key as a file, for subgraph processes (INTERNAL_PUBLIC_KEY_FILE). */
export function writeInternalPublicKey(graph: TestGraph, dir: string): string {
  const path = join(dir, 'internal.public.jwk.json');
  writeFileSync(path, JSON.stringify({ ...graph.keys.internalPublicJwk, alg: INTERNAL_ALGORITHM }));
  return path;
}

/**
 * What a gateway process needs to serve a test graph: each subgraph's URL, the key it signs
 * internal tokens with and the one it checks callers' tokens with (as files), and the
 * local issuer; `overrides` replace any of them.
 */
export async function gatewayProcessEnv(
  graph: TestGraph,
  dir: string,
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  const internal = join(dir, 'internal.private.jwk.json');
  const caller = join(dir, 'caller.public.jwk.json');
  writeFileSync(
    internal,
    JSON.stringify({ ...(await exportJWK(graph.keys.internal)), alg: 'EdDSA' }),
  );
  writeFileSync(
    caller,
    JSON.stringify({ ...(await exportJWK(graph.keys.callerPublic)), alg: 'ES256' }),
  );
  return {
    ...Object.fromEntries(
      Object.values(graph.subgraphs).map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, s.url]),
    ),
    INTERNAL_PRIVATE_KEY_FILE: internal,
    AUTH_PUBLIC_KEY_FILE: caller,
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    ...overrides,
  };
}

export interface ChildService {
  child: ChildProcess;
  /** http://127.0.0.1:<port>: its public port (a subgraph) or its probes' (the relay). */
  base: string;
  metricsUrl: string;
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs` if it is still there. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * Runs a script of the repository as its own process (`node --import tsx <script>`), on a
 * free public port and a free metrics port, and waits until its `/health` answers.
 */
export async function spawnService(
  script: string,
  env: Record<string, string>,
): Promise<ChildService> {
  const port = await freePort();
  const metricsPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      METRICS_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    `${script} to answer /health`,
    async () => {
      if (gone) throw new Error(`${script} exited before it was up:\n${output}`);
      return fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    60_000,
    100,
  );
  return {
    child,
    base,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    output: () => output,
    exited,
    async stop(graceMs = 15_000) {
      if (gone) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** One sample of a Prometheus text exposition, by metric name and exact label set. */
export async function scrape(metricsUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}
