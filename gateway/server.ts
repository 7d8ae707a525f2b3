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
import { rateLimitedStatus } from './rate-limited-status.js';
import { unavailableStatus } from './unavailable-status.js';
import type { GatewayContext } from './context.js';
import { InternalDataSource, type FetchCounter } from './data-source.js';
import { gatewayErrorFormatter } from './format-error.js';
import { assertTokenLimit, queryLimits, queryShapePlugin } from './limits.js';
import { namedKeysPlugin } from './named-keys.js';
import type { InternalSigner } from './internal-token.js';
import type { Principal } from '../schema/principal.js';

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
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const PURPOSE = /^[A-Z][A-Z0-9_]{1,59}$/;

export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const log = deps.log ?? createLogger('gateway');

  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL configured for subgraph ${name}`);
      return new InternalDataSource(
        name,
        target,
        deps.sign,
        deps.subgraphTimeoutMs,
        deps.fetchCounter,
      );
    },
  });

  const limits = queryLimits(deps.production);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    introspection: !deps.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: gatewayErrorFormatter(deps.production, log),
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      namedKeysPlugin(),
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
    context: async (req, ids) => {
      const getQuery = new URL(req.url ?? '/', 'http://gateway').searchParams.get('query');
      assertTokenLimit((req as { body?: unknown }).body ?? { query: getQuery });
      const principal = await deps.authenticate(req.headers.authorization);
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
  });
  const host = deps.host ?? '127.0.0.1';
  const port = await front.listen(deps.port, host);
  log.info({ port }, 'gateway ready');

  return {
    port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
    async stop() {
      await front.drain(deps.drainMs ?? 0);
      await server.stop();
    },
  };
}
