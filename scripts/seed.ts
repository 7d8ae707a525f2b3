import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { seedCitizens, seedTerritory } from '../db/seed/index.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';

/** npm run db:seed -- --citizens 100000 [--seed 42]: territory, then synthetic citizens, with progress. */
const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '20260101' },
  },
});
const count = Number(values.citizens);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 0) throw new Error('--citizens must be a whole number');
const env = readSubgraphEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
});
await database.migrate();
const started = Date.now();
const territory = await seedTerritory(database.db);
process.stdout.write(
  `territory: ${territory.wilayas} wilayas, ${territory.dairas} daïras, ${territory.communes} communes\n`,
);
const width = 30;
const seeded = await seedCitizens(database.db, {
  citizens: count,
  seed,
  onProgress: (_stage, done, total) => {
    const filled = Math.round((done / total) * width);
    const rate = Math.round(done / ((Date.now() - started) / 1000));
    process.stdout.write(
      `\rcitizens [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${rate}/s)`,
    );
  },
});
// Fresh statistics, or the planner plans on an empty table's figures after a bulk load
// until autovacuum gets round to it (seedIfEmpty does the same for npm start and the bench).
process.stdout.write('\nanalyze…');
await database.db.execute(sql`analyze`);
process.stdout.write(
  `\n${seeded.citizens} citizens, ${seeded.documents} documents, ${seeded.applications} open applications, ${seeded.vehicles} vehicles, ${seeded.assets} communal assets, ${seeded.leases} leases, ${seeded.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
await database.close();
