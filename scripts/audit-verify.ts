import { openDatabase } from '../db/client.js';
import { verifyChain } from '../subgraphs/kit/audit.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { subgraphs } from '../subgraphs/registry.js';

/** npm run audit:verify — recomputes every consultation log's hash chain; exits 1 if one is broken. */
const env = readSubgraphEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
});
let broken = false;
for (const def of subgraphs) {
  if (!def.consultations) continue;
  const report = await verifyChain(database.db, def.consultations);
  if (report.ok) process.stdout.write(`${def.name}: ${report.rows} consultations, chain intact\n`);
  else {
    broken = true;
    process.stdout.write(
      `${def.name}: chain BROKEN at row id ${report.brokenAt} (after ${report.rows - 1} good rows)\n`,
    );
  }
}
await database.close();
process.exit(broken ? 1 : 0);
