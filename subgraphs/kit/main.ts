import { openDatabase } from '../../db/client.js';
import { INTERNAL_ALGORITHM } from '../../schema/principal.js';
import { readSubgraphEnv } from './config.js';
import { subgraphUrlsFromEnv } from './env.js';
import { loadJwkFile } from './keys.js';
import { createLogger } from './logger.js';
import { startSubgraph } from './server.js';
import type { SubgraphDefinition } from './subgraph.js';
import { metricsListener } from './observability-env.js';
import { startTracing } from './tracing.js';

/**
 * Runs one subgraph as its own process, as production does: config from the
 * environment, its database, and a clean shutdown on SIGTERM or SIGINT.
 */
export async function runSubgraphProcess(def: SubgraphDefinition): Promise<void> {
  const env = readSubgraphEnv();
  const log = createLogger(`subgraph:${def.name}`, env.LOG_LEVEL);
  // Before the database opens, so that its statements are traced from the first.
  const tracing = await startTracing({
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: env.OTEL_SERVICE_NAME ?? `e-commune-${def.name}`,
  });
  const database = await openDatabase({
    url: env.DATABASE_URL,
    pgliteDir: env.DATABASE_URL ? undefined : env.PGLITE_DIR,
    poolSize: env.DB_POOL_SIZE,
    acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
    ...(env.DB_POOL_QUEUE !== undefined ? { poolQueue: env.DB_POOL_QUEUE } : {}),
    applicationName: `e-commune-${def.name}`,
  });
  const running = await startSubgraph(def, {
    database,
    internalKey: await loadJwkFile(env.INTERNAL_PUBLIC_KEY_FILE, INTERNAL_ALGORITHM),
    port: env.PORT ?? def.defaultPort,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    peers: subgraphUrlsFromEnv(process.env),
    drainMs: env.READINESS_DRAIN_MS,
    ...(env.NIN_QUOTA_LIMIT ? { quota: { limit: env.NIN_QUOTA_LIMIT } } : {}),
    log,
    metrics: metricsListener(env, def.defaultPort - 4000),
  });
  log.info({ url: running.url, database: database.kind }, `${def.name} subgraph listening`);
  const stop = async (signal: string) => {
    log.info({ signal }, 'draining');
    await running.stop();
    await database.close();
    await tracing.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
