import { createCallerAuth, DEFAULT_CALLER_ALGORITHMS } from '../../gateway/caller-auth.js';
import { createInternalSigner } from '../../gateway/internal-token.js';
import { startGateway, type GatewayDeps, type RunningGateway } from '../../gateway/server.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../scripts/local-keys.js';
import { SUPERGRAPH_SDL, type TestGraph } from './graph.js';

/**
 * A second, real gateway in front of a test graph's subgraphs, for tests that need a
 * gateway configured otherwise (a JWKS URL, a drain delay, one subgraph moved elsewhere).
 * It trusts the same caller key and signs with the same internal key as the graph's own.
 */
export function startExtraGateway(
  graph: TestGraph,
  overrides: Partial<GatewayDeps> = {},
): Promise<RunningGateway> {
  const urls = Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url]));
  return startGateway({
    supergraphSdl: SUPERGRAPH_SDL,
    authenticate: createCallerAuth({
      key: graph.keys.callerPublic,
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: DEFAULT_CALLER_ALGORITHMS,
    }),
    sign: createInternalSigner(graph.keys.internal),
    port: 0,
    production: true,
    subgraphTimeoutMs: 5000,
    ...overrides,
    subgraphUrls: { ...urls, ...overrides.subgraphUrls },
  });
}
