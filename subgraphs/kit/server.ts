import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DatabaseHandle } from '../../db/client.js';
import { buildFederatedSchema } from './build-schema.js';
import { ConsultationRecorder } from './audit.js';
import { PeerClient } from './peers.js';
import type { Context } from './context.js';
import { auditPlugin } from './audit-plugin.js';
import { formatSubgraphError } from './format-error.js';
import { closeServer, createHttpServer, listen } from './http.js';
import { verifyInternalToken, type VerifyKey } from './internal-token.js';
import { createLogger } from './logger.js';
import type { SubgraphDefinition } from './subgraph.js';

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
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSubgraph(
  def: SubgraphDefinition,
  deps: SubgraphDeps,
): Promise<RunningSubgraph> {
  const log = createLogger(`subgraph:${def.name}`);
  const { schema } = await buildFederatedSchema(def.schemaParts());
  let ready = false;

  const server = new ApolloServer<Context>({
    schema,
    // Only the gateway calls a subgraph; it never needs introspection or a landing page.
    introspection: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !deps.production,
    formatError: (formatted, error) => formatSubgraphError(formatted, error, log),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...(def.consultations
        ? [auditPlugin(deps.database.db, def.consultations, log, deps.quota)]
        : []),
    ],
  });
  await server.start();

  const httpServer = createHttpServer<Context>({
    server,
    bodyLimit: deps.bodyLimit ?? '1mb',
    isReady: () => ready,
    context: async (req) => {
      const claims = await verifyInternalToken(
        req.headers.authorization,
        deps.internalKey,
        def.name,
      );
      const requestId = claims.rid || randomUUID();
      return {
        principal: claims.principal,
        purpose: claims.purpose,
        requestId,
        clientAddress: claims.addr ?? null,
        db: deps.database.db,
        loaders: def.createLoaders(deps.database.db),
        log: log.child({ rid: requestId }),
        consultations: new ConsultationRecorder(),
        peers: new PeerClient(deps.peers ?? {}, req.headers, requestId),
      };
    },
  });
  const host = deps.host ?? '127.0.0.1';
  const port = await listen(httpServer, deps.port, host);
  ready = true;
  log.info({ port }, 'subgraph ready');

  return {
    name: def.name,
    port,
    url: `http://${host}:${port}/graphql`,
    async stop() {
      ready = false;
      await closeServer(httpServer);
      await server.stop();
    },
  };
}
