import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { RELAY_DEFAULT_PORT, startRelayFromEnv } from '../subgraphs/kit/relay-config.js';
import { outboxSources } from '../subgraphs/registry.js';
import { startMetricsServer } from '../subgraphs/kit/metrics.js';
import { metricsListener, RELAY_METRICS_OFFSET } from '../subgraphs/kit/observability-env.js';
import { RelayMetrics } from '../subgraphs/kit/relay-metrics.js';
import { startProbeServer } from '../subgraphs/kit/probe-server.js';
import { startTracing } from '../subgraphs/kit/tracing.js';

/** The notification relay as its own process, over every subgraph's outbox: `npm run relay`. */
const dbEnv = readSubgraphEnv();
const log = createLogger('relay', dbEnv.LOG_LEVEL);
const tracing = await startTracing({
  endpoint: dbEnv.OTEL_EXPORTER_OTLP_ENDPOINT,
  serviceName: dbEnv.OTEL_SERVICE_NAME ?? 'e-commune-relay',
});
const database = await openDatabase({
  url: dbEnv.DATABASE_URL,
  pgliteDir: dbEnv.DATABASE_URL ? undefined : dbEnv.PGLITE_DIR,
  poolSize: 2,
  applicationName: 'e-commune-relay',
});
const metrics = new RelayMetrics(database.db, outboxSources());
const metricsServer = await startMetricsServer(metrics.registry, {
  ...metricsListener(dbEnv, RELAY_METRICS_OFFSET),
  log,
});
// The probes on PORT and HOST, where the kubelet reaches them (the metrics listener is
// internal). Ready: the outboxes' database answers, so a batch can be claimed.
const probes = await startProbeServer({
  port: dbEnv.PORT ?? RELAY_DEFAULT_PORT,
  host: dbEnv.HOST,
  log,
  readiness: async () => {
    try {
      await database.db.execute(sql`select 1`);
      return null;
    } catch (err) {
      log.warn({ err }, 'not ready: the database does not answer');
      return 'database unavailable';
    }
  },
});
const { relay } = startRelayFromEnv(database.db, outboxSources(), log, process.env, metrics);
const stop = async () => {
  probes.stopping();
  // The batch in flight commits (or, past the grace period, is taken again by another relay).
  await relay.stop();
  await probes.stop();
  await metricsServer.stop();
  await database.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
