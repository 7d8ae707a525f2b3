import { openDatabase } from '../db/client.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { startRelayFromEnv } from '../subgraphs/kit/relay-config.js';
import { outboxSources } from '../subgraphs/registry.js';

/** The notification relay as its own process, over every subgraph's outbox: `npm run relay`. */
const dbEnv = readSubgraphEnv();
const log = createLogger('relay', dbEnv.LOG_LEVEL);
const database = await openDatabase({
  url: dbEnv.DATABASE_URL,
  pgliteDir: dbEnv.DATABASE_URL ? undefined : dbEnv.PGLITE_DIR,
  poolSize: 2,
  applicationName: 'e-commune-relay',
});
const { relay } = startRelayFromEnv(database.db, outboxSources(), log);
const stop = async () => {
  await relay.stop();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
