import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { verifyChain } from '../subgraphs/kit/audit.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { subgraphs } from '../subgraphs/registry.js';

/**
 * npm run audit:verify — recomputes every consultation log's hash chain; exits 1 if one is
 * broken. A log whose oldest months were archived (detached) continues from the last hash of
 * its newest archive, from the archive register: `-- --from citizens=<hash>` (once per log).
 */
const { values } = parseArgs({
  options: { from: { type: 'string', multiple: true, default: [] } },
});
const starts = new Map<string, string>();
for (const arg of values.from) {
  const m = /^([a-z]+)=([0-9a-f]{64})$/.exec(arg);
  if (!m || !subgraphs.some((s) => s.name === m[1] && s.consultations)) {
    process.stderr.write(
      `--from ${arg}: expected <subgraph>=<64 hex digits>, the subgraph one with a consultation log\n`,
    );
    process.exit(2);
  }
  starts.set(m[1]!, m[2]!);
}
const env = readSubgraphEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
});
let broken = false;
for (const def of subgraphs) {
  if (!def.consultations) continue;
  const from = starts.get(def.name);
  const report = await verifyChain(database.db, def.consultations, from ? { from } : {});
  const since = from ? ` from archived hash ${from.slice(0, 12)}…` : '';
  if (report.ok)
    process.stdout.write(`${def.name}: ${report.rows} consultations, chain intact${since}\n`);
  else {
    broken = true;
    process.stdout.write(
      `${def.name}: chain BROKEN at row id ${report.brokenAt} (after ${report.rows - 1} good rows)${since}\n`,
    );
  }
}
await database.close();
process.exit(broken ? 1 : 0);
