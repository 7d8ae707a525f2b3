import 'reflect-metadata';
import { z } from 'zod';
import { openDatabase } from '../db/client.js';
import { seedIfEmpty } from '../db/seed/index.js';
import { readGatewayEnv } from '../gateway/config.js';
import { startGatewayFromEnv } from '../gateway/start.js';
import { INTERNAL_ALGORITHM } from '../schema/principal.js';
import { readSubgraphEnv } from '../subgraphs/kit/config.js';
import { envInt, parseEnv } from '../subgraphs/kit/env.js';
import { loadJwkFile } from '../subgraphs/kit/keys.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/server.js';
import { outboxSources, subgraphs } from '../subgraphs/registry.js';
import { CALLER_ALG, ensureLocalKeys, readPrivateJwk } from './local-keys.js';
import { devIdentity } from './dev-personas.js';
import { existsSync } from 'node:fs';
import { startRelayFromEnv } from '../subgraphs/kit/relay-config.js';
import { startOpen311 } from '../open311/server.js';
import { startMetricsServer } from '../subgraphs/kit/metrics.js';
import {
  metricsListenerFromBase,
  RELAY_METRICS_OFFSET,
} from '../subgraphs/kit/observability-env.js';
import { RelayMetrics } from '../subgraphs/kit/relay-metrics.js';
import { startTracing } from '../subgraphs/kit/tracing.js';

/**
 * The whole graph in one process, for a laptop: keys, database (embedded PGlite unless
 * DATABASE_URL is set), migrations, seed data when empty, every subgraph, the gateway.
 * Production runs each of these as its own process instead (see the README).
 */
const startEnv = parseEnv(
  z.object({ SEED_CITIZENS: envInt(3000), SEED: envInt(20260101) }).loose(),
);
const keys = await ensureLocalKeys();
const subEnv = readSubgraphEnv({
  ...process.env,
  INTERNAL_PUBLIC_KEY_FILE: process.env.INTERNAL_PUBLIC_KEY_FILE ?? keys.internalPublic,
});
const gwEnv = readGatewayEnv({
  ...process.env,
  INTERNAL_PRIVATE_KEY_FILE: process.env.INTERNAL_PRIVATE_KEY_FILE ?? keys.internalPrivate,
  AUTH_PUBLIC_KEY_FILE: process.env.AUTH_PUBLIC_KEY_FILE ?? keys.callerPublic,
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const production = subEnv.NODE_ENV === 'production';
// One process, one service.name; each span says which part made it (ecommune.service).
const tracing = await startTracing({
  endpoint: subEnv.OTEL_EXPORTER_OTLP_ENDPOINT,
  serviceName: subEnv.OTEL_SERVICE_NAME ?? 'e-commune',
});

const database = await openDatabase({
  url: subEnv.DATABASE_URL,
  pgliteDir: subEnv.DATABASE_URL ? undefined : subEnv.PGLITE_DIR,
  poolSize: subEnv.DB_POOL_SIZE,
  applicationName: 'e-commune-all-in-one',
});
say(
  `database: ${database.kind === 'pglite' ? `embedded PGlite in ${subEnv.PGLITE_DIR}` : 'PostgreSQL (DATABASE_URL)'}`,
);
await database.migrate();
say('migrations: applied');
const seeded = await seedIfEmpty(database.db, {
  citizens: startEnv.SEED_CITIZENS,
  seed: startEnv.SEED,
  bulk: database.bulkLoader,
  onProgress: (stage, done, total) => {
    if (done === total || done % 10_000 === 0)
      process.stdout.write(`\rseeding ${stage}: ${done}/${total}`);
  },
});
if (seeded)
  say(
    `\nseeded: ${seeded.wilayas} wilayas, ${seeded.dairas} daïras, ${seeded.communes} communes, ${seeded.citizens} citizens, ${seeded.documents} documents, ${seeded.applications} open applications, ${seeded.vehicles} vehicles, ${seeded.assets} communal assets, ${seeded.leases} leases, ${seeded.cases} cases, ${seeded.schools} schools, ${seeded.enrolments} enrolments, ${seeded.establishments} establishments, ${seeded.hygieneRequests} hygiene requests, ${seeded.associations} associations`,
  );

const internalKey = await loadJwkFile(subEnv.INTERNAL_PUBLIC_KEY_FILE, INTERNAL_ALGORITHM);
const running: RunningSubgraph[] = [];
const urls: Record<string, string> = {};
for (const def of subgraphs) {
  const envPort = process.env[`SUBGRAPH_${def.name.toUpperCase()}_PORT`];
  const sub = await startSubgraph(def, {
    database,
    internalKey,
    port: envPort ? Number(envPort) : def.defaultPort,
    host: '127.0.0.1',
    production,
    // The same map for all, filled as each starts: the registry calls subgraphs started after it.
    peers: urls,
    // Only the gateway faces clients here: it alone waits READINESS_DRAIN_MS on stop,
    // and the subgraphs close after it, once its requests in flight are done.
    drainMs: 0,
    metrics: metricsListenerFromBase(subEnv, def.defaultPort - 4000),
  });
  running.push(sub);
  urls[def.name] = sub.url;
  say(`subgraph ${def.name}: ${sub.url}`);
}
// The local identity provider's sign-in page exists only outside production.
const callerKey = production ? null : await readPrivateJwk(keys.callerPrivate, CALLER_ALG);
const gateway = await startGatewayFromEnv(
  gwEnv,
  urls,
  callerKey ? { devIdentity: await devIdentity(database.db, callerKey.key, callerKey.kid) } : {},
);
const open311 = await startOpen311({
  gatewayUrl: gateway.url,
  port: Number(process.env.OPEN311_PORT ?? 4311),
});
say(`Open311 GeoReport v2 (hygiene requests): ${open311.url}`);
const relayLog = createLogger('relay', subEnv.LOG_LEVEL);
const relayMetrics = new RelayMetrics(database.db, outboxSources());
const relayMetricsServer = await startMetricsServer(relayMetrics.registry, {
  ...metricsListenerFromBase(subEnv, RELAY_METRICS_OFFSET),
  log: relayLog,
});
const {
  relay,
  provider: sms,
  config: relayEnv,
} = startRelayFromEnv(database.db, outboxSources(), relayLog, process.env, relayMetrics);
say(
  `notification relay: SMS via ${sms.name}${relayEnv.SMS_PROVIDER === 'log' ? ` (${relayEnv.SMS_LOG_FILE})` : ''}, ${relayEnv.RELAY_BATCH_SIZE} per batch`,
);

say(
  `metrics (Prometheus, internal listeners): gateway ${gateway.metricsUrl}, subgraphs ${running[0]?.metricsUrl} to ${running.at(-1)?.metricsUrl}, relay ${relayMetricsServer.url}`,
);
if (subEnv.OTEL_EXPORTER_OTLP_ENDPOINT)
  say(`traces: OTLP to ${subEnv.OTEL_EXPORTER_OTLP_ENDPOINT}`);

say('');
say(`The graph is up. Gateway: ${gateway.url}`);
const webUrl = gateway.url.replace(/graphql$/, '');
say(
  existsSync(gwEnv.WEB_DIR)
    ? `Web app (kiosk, citizen account, agent console, ministry dashboard): ${webUrl}`
    : `Web app: not built (run npm run web:build, then open ${webUrl})`,
);
if (!production) say(`Local sign-in page (development): ${webUrl}dev-identity/authorize`);
if (!production) {
  say(`Apollo Sandbox: open ${gateway.url} in a browser.`);
  say('Get a token:   npm run -s token -- --ministry INTERIOR');
  say(
    'In Sandbox, add the headers   Authorization: Bearer <token>   and   X-Purpose: CIVIL_STATUS_ADMINISTRATION',
  );
  say('Who may read what, for which purpose: docs/access-policy.md');
}

const stop = async (signal: string) => {
  say(`\n${signal}: draining…`);
  await open311.stop();
  await gateway.stop();
  await relay.stop();
  await relayMetricsServer.stop();
  for (const sub of running) await sub.stop();
  await database.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
