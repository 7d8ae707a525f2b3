import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchDatabase, benchKeys, ROOT, startBenchGraph } from './graph.js';
import { loadFixtures, makeTokens } from './workloads.js';

/** A fresh folder for one run's keys, logs and results: bench/results/<label>-<time>. */
export function benchWorkDir(label: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const workDir = join(ROOT, 'bench/results', `${label}-${stamp}`);
  mkdirSync(workDir, { recursive: true });
  return workDir;
}

/**
 * What a single-graph bench tool starts from (bench:profile, bench:hop-floor): the seeded
 * database, keys, the callers' tokens, fixtures, and our graph as production runs it.
 */
export async function startBenchSession(options: {
  label: string;
  workDir: string;
  citizens: number;
  seed: number;
  say: (line: string) => void;
  nodeArgs?: (name: string) => string[];
  plannedGateway?: boolean;
}) {
  const db = await benchDatabase(options.citizens, options.seed, { say: options.say });
  const keys = await benchKeys(join(options.workDir, 'keys'));
  const tokens = await makeTokens(keys, randomUUID().slice(0, 8));
  const fixtures = await loadFixtures(db.url, 1000);
  const graph = await startBenchGraph({
    label: options.label,
    citizens: options.citizens,
    databaseUrl: db.url,
    keys,
    workDir: options.workDir,
    hive: false,
    plannedGateway: options.plannedGateway ?? false,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
  });
  return { db, keys, tokens, fixtures, graph };
}
