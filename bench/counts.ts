import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/client.js';
import { createCallerAuth } from '../gateway/caller-auth.js';
import type { FetchCounter } from '../gateway/data-source.js';
import { createInternalSigner } from '../gateway/internal-token.js';
import { startGateway } from '../gateway/server.js';
import { INTERNAL_ALGORITHM } from '../schema/principal.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalKeyFiles } from '../scripts/local-keys.js';
import { loadJwkFile } from '../subgraphs/kit/keys.js';
import { createLogger } from '../subgraphs/kit/logger.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/server.js';
import { subgraphs } from '../subgraphs/registry.js';
import { SUPERGRAPH_SDL_FILE } from './paths.js';
import { readFileSync } from 'node:fs';
import {
  KEPT_COMMUNE,
  PURPOSE,
  W1,
  W2,
  W3,
  W4,
  UNAUDITED,
  type Fixtures,
  type Tokens,
} from './workloads.js';

export interface Count {
  workload: string;
  statements: number;
  fetches: number;
  /** Rows the response carried at the list's deepest level (W3), for N. */
  records?: number;
  errors: number;
  /** The first error's code, when there was one. */
  error?: string;
}

/**
 * SQL statements and subgraph fetches per request: counts, which noise cannot move. They
 * are taken in this process (the graph started in-process on the same database) because
 * only there can the drivers' statement counter and the gateway's fetch counter be read.
 */
export async function measureCounts(
  databaseUrl: string,
  keys: LocalKeyFiles,
  tokens: Tokens,
  fixtures: Fixtures,
): Promise<Count[]> {
  const database = await openDatabase({ url: databaseUrl, poolSize: 10 });
  const quiet = createLogger('bench', 'silent');
  const internalPublic = await loadJwkFile(keys.internalPublic, INTERNAL_ALGORITHM);
  const running: Record<string, RunningSubgraph> = {};
  const peerUrls: Record<string, string> = {};
  for (const def of subgraphs) {
    running[def.name] = await startSubgraph(def, {
      database,
      internalKey: internalPublic,
      port: 0,
      production: true,
      // One map for all, filled as each starts: the registry calls subgraphs started after it.
      peers: peerUrls,
      log: quiet,
    });
    peerUrls[def.name] = running[def.name]!.url;
  }
  const fetches: FetchCounter = { fetches: 0 };
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_SDL_FILE, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])),
    authenticate: createCallerAuth({
      key: await loadJwkFile(keys.callerPublic),
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    }),
    sign: createInternalSigner(await loadJwkFile(keys.internalPrivate, INTERNAL_ALGORITHM)),
    port: 0,
    production: true,
    subgraphTimeoutMs: 30_000,
    fetchCounter: fetches,
    log: quiet,
  });
  const one = async (
    workload: string,
    query: string,
    variables: Record<string, unknown>,
    token: string,
    purpose: string,
  ): Promise<Count> => {
    // Once to warm the plan cache (and the territory the gateway and communes keep), then
    // the counted run.
    const send = () =>
      fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': purpose,
        },
        body: JSON.stringify({ query, variables }),
      }).then(
        (r) => r.json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>,
      );
    if (!query.startsWith('mutation')) await send();
    const s0 = database.stats.statements;
    const f0 = fetches.fetches;
    const body = await send();
    const records = body.data?.wilaya?.communes?.nodes?.reduce(
      (n: number, c: { citizensBorn: { nodes: unknown[] } }) => n + c.citizensBorn.nodes.length,
      0,
    );
    return {
      workload,
      statements: database.stats.statements - s0,
      fetches: fetches.fetches - f0,
      ...(records !== undefined ? { records } : {}),
      errors: body.errors?.length ?? 0,
      ...(body.errors?.length ? { error: String(body.errors[0]?.extensions?.code) } : {}),
    };
  };
  try {
    const nin = fixtures.nins[0]!;
    const applicant = fixtures.applicants.at(-1)!;
    return [
      await one('W1', W1, { nin }, tokens.ministry, PURPOSE),
      await one('unaudited', UNAUDITED, { code: fixtures.schools[0] }, tokens.ministry, PURPOSE),
      await one(
        'commune (kept)',
        KEPT_COMMUNE,
        { code: fixtures.communes[0] },
        tokens.ministry,
        PURPOSE,
      ),
      await one('W2', W2, { nin }, tokens.ministry, PURPOSE),
      await one(
        'W3 N=10',
        W3,
        { code: fixtures.wilaya, communes: 1, per: 10 },
        tokens.ministry,
        PURPOSE,
      ),
      await one(
        'W3 N=100',
        W3,
        { code: fixtures.wilaya, communes: 10, per: 10 },
        tokens.ministry,
        PURPOSE,
      ),
      await one(
        'W3 N=1000',
        W3,
        { code: fixtures.wilaya, communes: 50, per: 20 },
        tokens.ministry,
        PURPOSE,
      ),
      await one(
        'W4',
        W4,
        {
          input: {
            nin: applicant.nin,
            type: applicant.type,
            reason: 'FIRST',
            contactPhone: '0661234567',
            idempotencyKey: randomUUID(),
          },
        },
        tokens.agents.at(-1)!,
        'COUNTER_SERVICE',
      ),
    ];
  } finally {
    await gateway.stop();
    for (const s of Object.values(running)) await s.stop();
    await database.close();
  }
}
