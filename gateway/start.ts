import { readFileSync } from 'node:fs';
import { INTERNAL_ALGORITHM } from '../schema/principal.js';
import { loadJwkFile } from '../subgraphs/kit/keys.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { createCallerAuth } from './caller-auth.js';
import { oidcIssuer, oidcSettings, webOidcConfig } from './oidc.js';
import { readGatewayEnv, subgraphUrlsFromEnv, type GatewayEnv } from './config.js';
import { createInternalSigner } from './internal-token.js';
import { startGateway, type RunningGateway } from './server.js';
import type { DevIdentity } from './dev-identity.js';
import { loadTrustedManifest } from './trusted-operations.js';
import { join } from 'node:path';
import { metricsListener } from '../subgraphs/kit/observability-env.js';

export async function startGatewayFromEnv(
  env: GatewayEnv,
  urls: Record<string, string>,
  extras: { devIdentity?: DevIdentity } = {},
): Promise<RunningGateway> {
  const callerKey = env.AUTH_JWKS_URL
    ? new URL(env.AUTH_JWKS_URL)
    : await loadJwkFile(env.AUTH_PUBLIC_KEY_FILE);
  const internal = JSON.parse(readFileSync(env.INTERNAL_PRIVATE_KEY_FILE, 'utf8')) as {
    kid?: string;
  };
  const oidc = oidcSettings(env);
  return startGateway({
    supergraphSdl: readFileSync(env.SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: urls,
    authenticate: createCallerAuth({
      key: callerKey,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      algorithms: env.AUTH_ALGORITHMS,
      others: oidc ? [oidcIssuer(oidc, env.AUTH_ALGORITHMS)] : [],
    }),
    sign: createInternalSigner(
      await loadJwkFile(env.INTERNAL_PRIVATE_KEY_FILE, INTERNAL_ALGORITHM),
      internal.kid,
    ),
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    singleFetch: env.SINGLE_FETCH === 'on',
    bodyLimit: env.BODY_LIMIT,
    corsOrigins: env.CORS_ORIGINS,
    drainMs: env.READINESS_DRAIN_MS,
    trustedProxies: env.TRUSTED_PROXIES,
    web: {
      dir: env.WEB_DIR,
      ...(extras.devIdentity ? { devIdentity: extras.devIdentity } : {}),
      ...(oidc ? { oidc: webOidcConfig(oidc) } : {}),
    },
    trustedOperations: loadTrustedManifest(join(env.WEB_DIR, 'trusted-operations.json')),
    metrics: metricsListener(env, 0),
  });
}
