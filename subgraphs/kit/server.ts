import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { buildFederatedSchema } from './build-schema.js';
import { ConsultationRecorder } from './audit.js';
import { PeerClient } from './peers.js';
import type { Context } from './context.js';
import { auditPlugin } from './audit-plugin.js';
import { formatSubgraphError } from './format-error.js';
import { createHttpServer } from './http.js';
import { verifyInternalToken, type VerifyKey } from './internal-token.js';
import { createLogger, type Logger } from './logger.js';
import { REACH_GRANTS_EXTENSION, Reach } from './reach.js';
import type { SubgraphDefinition } from './subgraph.js';
import {
  AuditMetrics,
  Registry,
  RequestMetrics,
  registerPoolMetrics,
  startMetricsServer,
  type MetricsServer,
} from './metrics.js';
import { observeGraphQLRequest, requestMetricsPlugin } from './request-metrics.js';

export interface SubgraphDeps {
  database: DatabaseHandle;
  /** The gateway's public key for internal tokens. */
  internalKey: VerifyKey;
  port: number;
  host?: string;
  production: boolean;
  bodyLimit?: string;
  /** Overrides the policy's quota of distinct NINs per client and window (tests, load runs). */
  quota?: { limit?: number; windowSeconds?: number };
  /** URLs of the subgraphs this one may call on the caller's behalf. */
  peers?: Record<string, string>;
  /** How long `/ready` answers 503 before the listener closes on stop (READINESS_DRAIN_MS). */
  drainMs?: number;
  log?: Logger;
  /** The internal metrics listener (METRICS_PORT, METRICS_HOST); none when absent. */
  metrics?: { port: number; host: string };
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** GET here for Prometheus metrics; absent without `deps.metrics`. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

export async function startSubgraph(
  def: SubgraphDefinition,
  deps: SubgraphDeps,
): Promise<RunningSubgraph> {
  const log = deps.log ?? createLogger(`subgraph:${def.name}`);
  const { schema } = await buildFederatedSchema(def.schemaParts());
  const registry = new Registry();
  const requestMetrics = new RequestMetrics(registry);
  registerPoolMetrics(registry, deps.database);

  const server = new ApolloServer<Context>({
    schema,
    // Only the gateway calls a subgraph; it never needs introspection or a landing page.
    introspection: false,
    csrfPrevention: true,
    // The process drains on SIGTERM itself (kit/main.ts: not ready, then in-flight requests
    // finish). Apollo Server's own handlers, on by default outside NODE_ENV=test, stop it
    // and send the signal again, which ended the process at once, mid-drain.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !deps.production,
    formatError: (formatted, error) => formatSubgraphError(formatted, error, log),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control by default; its per-field hook makes Apollo wrap every
      // resolver of the schema (one more promise per field). A registry's answers are never
      // cached, and no type carries a cache hint.
      ApolloServerPluginCacheControlDisabled(),
      requestMetricsPlugin<Context>(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              const grants = contextValue?.reach?.granted() ?? [];
              if (grants.length === 0 || response.body.kind !== 'single') return;
              const result = response.body.singleResult;
              result.extensions = { ...result.extensions, [REACH_GRANTS_EXTENSION]: grants };
            },
          };
        },
      },
      ...(def.consultations
        ? [
            auditPlugin(
              deps.database.db,
              def.consultations,
              log,
              deps.quota,
              new AuditMetrics(registry),
            ),
          ]
        : []),
    ],
  });
  await server.start();

  const front = createHttpServer<Context>({
    server,
    log,
    bodyLimit: deps.bodyLimit ?? '1mb',
    observe: observeGraphQLRequest(requestMetrics),
    // Only the gateway reaches a subgraph: its traceparent is continued.
    tracing: { service: def.name, trustParent: true },
    // Ready means this process can answer: its database answers a trivial statement.
    readiness: async () => {
      try {
        await deps.database.db.execute(sql`select 1`);
        return null;
      } catch (err) {
        log.warn({ err }, 'not ready: the database does not answer');
        return 'database unavailable';
      }
    },
    context: async (req, ids) => {
      const claims = await verifyInternalToken(
        req.headers.authorization,
        deps.internalKey,
        def.name,
      );
      // The request is the gateway's: its id (and the caller's correlation id) from
      // here on, in logs, audit rows, peer calls and the response header.
      ids.requestId = claims.rid;
      ids.correlationId = claims.cid ?? null;
      const requestLog = log.child({ rid: ids.requestId, cid: ids.correlationId ?? undefined });
      return {
        principal: claims.principal,
        purpose: claims.purpose,
        requestId: ids.requestId,
        reach: new Reach(claims.named ?? [], claims.act !== undefined),
        correlationId: ids.correlationId,
        clientAddress: claims.addr ?? null,
        db: deps.database.db,
        loaders: def.createLoaders(deps.database.db),
        log: requestLog,
        consultations: new ConsultationRecorder(),
        peers: new PeerClient(deps.peers ?? {}, req.headers, ids, requestLog),
      };
    },
  });
  const host = deps.host ?? '127.0.0.1';
  const port = await front.listen(deps.port, host);
  log.info({ port }, 'subgraph ready');
  const metricsServer: MetricsServer | undefined = deps.metrics
    ? await startMetricsServer(registry, { ...deps.metrics, log })
    : undefined;

  return {
    name: def.name,
    port,
    url: `http://${host}:${port}/graphql`,
    ...(metricsServer ? { metricsUrl: metricsServer.url } : {}),
    async stop() {
      await front.drain(deps.drainMs ?? 0);
      await server.stop();
      await metricsServer?.stop();
    },
  };
}
