import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { readFileSync } from 'node:fs';
import { seedIfEmpty } from '../../db/seed/index.js';
import { createCallerAuth, DEFAULT_CALLER_ALGORITHMS } from '../../gateway/caller-auth.js';
import type { FetchCounter } from '../../gateway/data-source.js';
import { createInternalSigner } from '../../gateway/internal-token.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../scripts/local-keys.js';
import { mintCallerToken, type CallerSpec } from '../../scripts/local-tokens.js';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server.js';
import { subgraphs } from '../../subgraphs/registry.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { devIdentity } from '../../scripts/dev-personas.js';
import { oidcIssuer, webOidcConfig, type OidcSettings } from '../../gateway/oidc.js';

export const SUPERGRAPH_SDL = readFileSync(
  new URL('../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);

export interface GraphOptions {
  citizens?: number;
  seed?: number;
  production?: boolean;
  subgraphTimeoutMs?: number;
  quota?: { limit?: number; windowSeconds?: number };
  /** Browser origins the gateway allows (CORS); none by default. */
  corsOrigins?: string[];
  /** Peers whose X-Forwarded-For the gateway believes (tests that vary the client address). */
  trustedProxies?: string[];
  /** Serve a built web app from this folder, with the development sign-in page. */
  webDir?: string;
  /** Operation hashes the web client may send (enforced when production). */
  trustedOperations?: ReadonlySet<string>;
  /** A production OIDC provider the gateway trusts beside the local issuer, and the web app signs in with. */
  oidc?: OidcSettings;
  /** A database made elsewhere (a throwaway cluster the test stops and restarts). */
  database?: TestDatabase;
}

export interface GraphResponse<T = any> {
  status: number;
  headers: Headers;
  body: {
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
}

export interface TestGraph {
  database: TestDatabase;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  fetches: FetchCounter;
  keys: {
    caller: CryptoKey;
    callerPublic: CryptoKey;
    internal: CryptoKey;
    internalPublicJwk: object;
  };
  token(spec: CallerSpec): Promise<string>;
  /** Signs an internal token as the gateway would, for tests that call a subgraph directly. */
  internalToken(
    audience: string,
    overrides?: {
      expiresIn?: string;
      key?: CryptoKey;
      purpose?: string | null;
      principal?: object;
      rid?: string;
      cid?: string;
    },
  ): Promise<string>;
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; purpose?: string; headers?: Record<string, string> },
  ): Promise<GraphResponse<T>>;
  /** Runs one query and counts the SQL statements and subgraph fetches it cost. */
  cost<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; purpose?: string },
  ): Promise<GraphResponse<T> & { statements: number; fetches: number }>;
  stop(): Promise<void>;
}

/** Every service's internal metrics listener, on an ephemeral port of its own. */
const METRICS_LISTENER = { port: 0, host: '127.0.0.1' };

/** Starts the real graph on ephemeral ports: a fresh database, every subgraph, the gateway. */
export async function startTestGraph(options: GraphOptions = {}): Promise<TestGraph> {
  const database = options.database ?? (await createTestDatabase());
  await seedIfEmpty(database.db, {
    citizens: options.citizens ?? 400,
    seed: options.seed ?? 7,
    bulk: database.bulkLoader,
  });

  const caller = await generateKeyPair('ES256', { extractable: true });
  const internal = await generateKeyPair('EdDSA', { extractable: true });
  const production = options.production ?? false;

  const running: Record<string, RunningSubgraph> = {};
  const peerUrls: Record<string, string> = {};
  for (const def of subgraphs) {
    running[def.name] = await startSubgraph(def, {
      database,
      internalKey: internal.publicKey,
      port: 0,
      production,
      // One map for all, filled as each starts: the registry calls subgraphs started after it.
      peers: peerUrls,
      ...(options.quota ? { quota: options.quota } : {}),
      metrics: METRICS_LISTENER,
    });
    peerUrls[def.name] = running[def.name]!.url;
  }
  const fetches: FetchCounter = { fetches: 0 };
  const gateway = await startGateway({
    supergraphSdl: SUPERGRAPH_SDL,
    subgraphUrls: Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])),
    authenticate: createCallerAuth({
      key: caller.publicKey,
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      // The production allowlist, so the JWT tests attack what production accepts.
      algorithms: DEFAULT_CALLER_ALGORITHMS,
      others: options.oidc ? [oidcIssuer(options.oidc, DEFAULT_CALLER_ALGORITHMS)] : [],
    }),
    sign: createInternalSigner(internal.privateKey),
    port: 0,
    production,
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5000,
    fetchCounter: fetches,
    metrics: METRICS_LISTENER,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
    ...(options.webDir
      ? {
          web: {
            dir: options.webDir,
            devIdentity: await devIdentity(database.db, caller.privateKey),
            ...(options.oidc ? { oidc: webOidcConfig(options.oidc) } : {}),
          },
        }
      : {}),
    ...(options.trustedOperations ? { trustedOperations: options.trustedOperations } : {}),
  });

  const graph: TestGraph = {
    database,
    gateway,
    subgraphs: running,
    fetches,
    keys: {
      caller: caller.privateKey,
      callerPublic: caller.publicKey,
      internal: internal.privateKey,
      internalPublicJwk: await exportJWK(internal.publicKey),
    },
    token: (spec) => mintCallerToken(caller.privateKey, spec),
    internalToken: (audience, overrides = {}) =>
      new SignJWT({
        principal: overrides.principal ?? {
          kind: 'ministry',
          sub: 'client:test',
          clientId: 'test',
          ministry: 'INTERIOR',
        },
        purpose:
          overrides.purpose === undefined ? 'CIVIL_STATUS_ADMINISTRATION' : overrides.purpose,
        rid: overrides.rid ?? 'test-request-0001',
        ...(overrides.cid ? { cid: overrides.cid } : {}),
      })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer('e-commune-gateway')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(overrides.expiresIn ?? '60s')
        .sign(overrides.key ?? internal.privateKey),
    async query(query, variables, opts = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        // What a GraphQL-over-HTTP client sends: request errors then keep their 4xx status.
        accept: 'application/graphql-response+json, application/json;q=0.9',
        ...(opts.headers ?? {}),
      };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.purpose) headers['x-purpose'] = opts.purpose;
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as GraphResponse['body'],
      };
    },
    async cost(query, variables, opts) {
      const statements = database.stats.statements;
      const fetched = fetches.fetches;
      const res = await graph.query(query, variables, opts);
      return {
        ...res,
        statements: database.stats.statements - statements,
        fetches: fetches.fetches - fetched,
      };
    },
    async stop() {
      await gateway.stop();
      for (const s of Object.values(running)) await s.stop();
      await database.drop();
    },
  };
  return graph;
}
