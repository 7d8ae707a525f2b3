import { z } from 'zod';
import { openDatabase } from '../db/client.js';
import { consultationPartitions, ensureConsultationPartitions } from '../db/partitions.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { envInt, parseEnv } from '../subgraphs/kit/env.js';

/**
 * npm run db:partitions — creates the consultation logs' monthly partitions ahead
 * (PARTITION_MONTHS_AHEAD, default 3) and reports each log's months. With --check, exits 1
 * when a log has rows in its default partition or no partition for next month: an operator
 * must look (docs/operations.md). Run after the migrations at each deploy, and daily with
 * --check (the CronJob), so that a failed run is an alert.
 */
const env = readSubgraphEnv();
const { PARTITION_MONTHS_AHEAD } = parseEnv(
  z.object({ PARTITION_MONTHS_AHEAD: envInt(3) }).loose(),
);
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
  applicationName: 'e-commune-partitions',
});
const created = await ensureConsultationPartitions(database.db, PARTITION_MONTHS_AHEAD);
const now = new Date();
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
  .toISOString()
  .slice(0, 7);
let attention = false;
for (const log of await consultationPartitions(database.db)) {
  const covered = log.months.includes(next);
  if (!covered || log.defaultRows > 0) attention = true;
  process.stdout.write(
    `${log.table}: ${log.months.length} months (${log.months[0] ?? '-'} … ${log.months.at(-1) ?? '-'}), ` +
      `${log.defaultRows} rows in the default partition${covered ? '' : `, NO PARTITION FOR ${next}`}\n`,
  );
}
process.stdout.write(`${created} partitions created\n`);
await database.close();
process.exit(attention && process.argv.includes('--check') ? 1 : 0);
