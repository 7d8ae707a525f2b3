import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createHttpServer, graphQLOverHttpStatus } from '../subgraphs/kit/http.js';
import { createLogger, type Logger } from '../subgraphs/kit/logger.js';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../subgraphs/kit/errors.js';
import { clientAddressOf } from './client-address.js';
import { rateLimitedStatus, unavailableStatus } from './retry-after-status.js';
import type { GatewayContext } from './context.js';
import { InternalDataSource, type FetchCounter } from './data-source.js';
import { KeptEntities } from './kept-entities.js';
import { KEPT_ENTITIES } from '../schema/kept-entities.js';
import { gatewayErrorFormatter } from './format-error.js';
import { assertTokenLimit, queryLimits, queryShapePlugin } from './limits.js';
import { namedKeysPlugin } from './named-keys.js';
import { publishedDocuments } from './published-documents.js';
import { GatewayMetrics } from './metrics.js';
import { SingleFetchExecutor } from './single-fetch.js';
import { startMetricsServer, type MetricsServer } from '../subgraphs/kit/metrics.js';
import { requestMetricsPlugin } from '../subgraphs/kit/request-metrics.js';
import type { InternalSigner } from './internal-token.js';
import type { Principal } from '../schema/principal.js';
import { devIdentityRoutes, type DevIdentity } from './dev-identity.js';
import { assertTrustedOperation } from './trusted-operations.js';
import { webStaticRoutes } from './web-static.js';
import type { WebOidcConfig } from './oidc.js';

export interface GatewayDeps {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  authenticate: (authorization: string | undefined) => Promise<Principal>;
  sign: InternalSigner;
  port: number;
  host?: string;
  production: boolean;
  subgraphTimeoutMs: number;
  /** Answer single-fetch queries without Apollo Gateway's executor (single-fetch.ts); on by default. */
  singleFetch?: boolean;
  bodyLimit?: string;
  /** Counts subgraph fetches, for tests and benchmarks. */
  fetchCounter?: FetchCounter;
  /** Browser origins allowed to call the graph (CORS_ORIGINS); none when absent. */
  corsOrigins?: readonly string[];
  /** How long `/ready` answers 503 before the listener closes on stop (READINESS_DRAIN_MS). */
  drainMs?: number;
  log?: Logger;
  /** Addresses of our own proxies, whose X-Forwarded-For names the client (client-address.ts). */
  trustedProxies?: readonly string[];
  /**
   * The web app: its built folder, the development sign-in page (never in production),
   * and the OIDC provider it signs citizens in with (served to it as /web-config.json).
   */
  web?: { dir?: string; devIdentity?: DevIdentity; oidc?: WebOidcConfig };
  /** Operation hashes the web app's build registered; enforced in production only. */
  trustedOperations?: ReadonlySet<string>;
  /** The internal metrics listener (METRICS_PORT, METRICS_HOST); none when the port is absent. */
  metrics?: { port: number; host: string };
}

export interface RunningGateway {
  url: string;
  port: number;
  /** GET here for Prometheus metrics; absent without `deps.metrics`. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

const PURPOSE = /^[A-Z][A-Z0-9_]{1,59}$/;

export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const log = deps.log ?? createLogger('gateway');
  const metrics = new GatewayMetrics();

  const singleFetch =
    deps.singleFetch === false ? null : new SingleFetchExecutor(metrics.onExecute);
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    ...(singleFetch ? { experimental_didResolveQueryPlan: singleFetch.didResolveQueryPlan } : {}),
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL configured for subgraph ${name}`);
      const kept = KEPT_ENTITIES[name];
      return new InternalDataSource(
        name,
        target,
        deps.sign,
        deps.subgraphTimeoutMs,
        deps.fetchCounter,
        metrics.onFetch,
        kept &&
          new KeptEntities(kept.types, kept.ttlMs, (outcome) => metrics.onKept(name, outcome)),
      );
    },
  });

  const limits = queryLimits(deps.production);
  const server = new ApolloServer<GatewayContext>({
    gateway: singleFetch ? singleFetch.wrap(gateway) : gateway,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    // gateway/main.ts drains on SIGTERM itself; Apollo Server's handlers would end the
    // process mid-drain (see subgraphs/kit/server.ts).
    stopOnTerminationSignals: false,
    introspection: !deps.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: gatewayErrorFormatter(deps.production, log, metrics.onErrorCode),
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      namedKeysPlugin(),
      requestMetricsPlugin<GatewayContext>(),
      graphQLOverHttpStatus<GatewayContext>(),
      queryShapePlugin<GatewayContext>(deps.supergraphSdl),
      ApolloServerPluginUsageReportingDisabled(),
      rateLimitedStatus(),
      unavailableStatus(),
      deps.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: { endpointIsEditable: false },
            includeCookies: false,
          }),
    ],
  });
  await server.start();

  const front = createHttpServer<GatewayContext>({
    server,
    log,
    bodyLimit: deps.bodyLimit ?? '100kb',
    corsOrigins: deps.corsOrigins ?? [],
    documents: publishedDocuments(server),
    observe: metrics.onAnswered,
    tracing: { service: 'gateway', trustParent: false },
    context: async (req, ids) => {
      const getQuery = new URL(req.url ?? '/', 'http://gateway').searchParams.get('query');
      assertTokenLimit((req as { body?: unknown }).body ?? { query: getQuery });
      const principal = await deps.authenticate(req.headers.authorization);
      if (deps.production) {
        const body = (req as { body?: { query?: unknown } }).body;
        assertTrustedOperation(
          deps.trustedOperations ?? new Set(),
          req,
          body?.query ?? getQuery,
          principal,
          // A citizen signed in at the OIDC provider holds a token of the app's client there.
          deps.web?.oidc ? [deps.web.oidc.clientId] : [],
        );
      }
      const rawPurpose = req.headers['x-purpose'];
      const purpose =
        typeof rawPurpose === 'string' && rawPurpose.length > 0 ? rawPurpose.trim() : null;
      if (purpose !== null && !PURPOSE.test(purpose)) {
        throw new GraphQLError(
          'X-Purpose must be a purpose code such as CIVIL_STATUS_CHECK (capital letters, digits, _)',
          {
            extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          },
        );
      }
      return {
        principal,
        purpose,
        requestId: ids.requestId,
        correlationId: ids.correlationId,
        clientAddress: clientAddressOf(req, deps.trustedProxies),
      };
    },
    routes: webRoutes(deps),
  });
  const host = deps.host ?? '127.0.0.1';
  const port = await front.listen(deps.port, host);
  log.info({ port }, 'gateway ready');
  const metricsServer: MetricsServer | undefined = deps.metrics
    ? await startMetricsServer(metrics.registry, { ...deps.metrics, log })
    : undefined;

  return {
    port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
    ...(metricsServer ? { metricsUrl: metricsServer.url } : {}),
    async stop() {
      await front.drain(deps.drainMs ?? 0);
      await server.stop();
      await metricsServer?.stop();
    },
  };
}

function webRoutes(deps: GatewayDeps) {
  const identity =
    deps.web?.devIdentity && !deps.production ? devIdentityRoutes(deps.web.devIdentity) : null;
  const oidc = deps.web?.oidc;
  const files = deps.web?.dir
    ? webStaticRoutes(deps.web.dir, oidc ? [new URL(oidc.issuer).origin] : [])
    : null;
  // How the app signs in here: the OIDC provider when configured, else the development
  // page when it exists. Read by the app at sign-in, so one build serves every deployment.
  const config = JSON.stringify({
    oidc: oidc ?? null,
    devSignIn: Boolean(identity),
  });
  const webConfig = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    if (url.pathname !== '/web-config.json' || req.method !== 'GET') return false;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(config);
    return true;
  };
  return (...args: Parameters<ReturnType<typeof webStaticRoutes>>) =>
    webConfig(...args) || (identity?.(...args) ?? false) || (files?.(...args) ?? false);
}
