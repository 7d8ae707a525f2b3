import { createLogger } from '../subgraphs/kit/logger.js';
import { readGatewayEnv, subgraphUrlsFromEnv } from './config.js';
import { startGatewayFromEnv } from './start.js';
import { startTracing } from '../subgraphs/kit/tracing.js';

/** The gateway as its own process, configured by the environment (see the README). */
const env = readGatewayEnv();
const log = createLogger('gateway', env.LOG_LEVEL);
const tracing = await startTracing({
  endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  serviceName: env.OTEL_SERVICE_NAME ?? 'e-commune-gateway',
});
const running = await startGatewayFromEnv(env, subgraphUrlsFromEnv(process.env));
log.info({ url: running.url }, 'gateway listening');
const stop = async () => {
  await running.stop();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
