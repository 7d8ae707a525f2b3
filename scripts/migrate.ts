import { openDatabase } from '../db/client.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';

/** Applies the migrations to DATABASE_URL, or to the embedded PGlite folder. */
const env = readSubgraphEnv();
const database = await openDatabase({
  url: env.DATABASE_URL,
  pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
});
await database.migrate();
await database.close();
process.stdout.write(`migrations applied (${database.kind})\n`);
