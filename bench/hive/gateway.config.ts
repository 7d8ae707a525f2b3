import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from '@graphql-hive/gateway';
import { getOperationAST, parse } from 'graphql';
import { createCallerAuth } from '../../gateway/caller-auth.js';
import { createInternalSigner } from '../../gateway/internal-token.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../scripts/local-keys.js';
import { delegationHeader, delegationsFor } from '../../schema/delegations.js';
import { INTERNAL_ALGORITHM, type Principal } from '../../schema/principal.js';
import { loadJwkFile } from '../../subgraphs/kit/keys.js';

/**
 * Hive Gateway as a benchmark peer (npm run bench): it does the same work per request as
 * ours does before a subgraph sees anything (verify the caller's token, sign one internal
 * token per subgraph fetch, plus the delegation tokens), so that the subgraphs accept it
 * and the comparison is of the gateways, not of who skipped the security.
 */
const env = process.env;
const authenticate = createCallerAuth({
  key: await loadJwkFile(env.BENCH_CALLER_PUBLIC_KEY_FILE!),
  issuer: LOCAL_ISSUER,
  audience: LOCAL_AUDIENCE,
});
const privateJwk = JSON.parse(readFileSync(env.BENCH_INTERNAL_PRIVATE_KEY_FILE!, 'utf8')) as {
  kid?: string;
};
const sign = createInternalSigner(
  await loadJwkFile(env.BENCH_INTERNAL_PRIVATE_KEY_FILE!, INTERNAL_ALGORITHM),
  privateJwk.kid,
);

interface PerRequest {
  principal: Promise<Principal>;
  rid: string;
}
const perRequest = new WeakMap<object, PerRequest>();

/**
 * The type of the caller's operation, which decides the delegations as ours does
 * (schema/delegations.ts); parsed once per query text and name, as a bench sends few.
 */
const operationTypes = new Map<string, 'query' | 'mutation' | 'subscription'>();
function operationType(params: { query?: string; operationName?: string | null } | undefined) {
  const key = `${params?.operationName ?? ''}\u0000${params?.query ?? ''}`;
  let type = operationTypes.get(key);
  if (!type) {
    try {
      type = getOperationAST(parse(params?.query ?? ''), params?.operationName)?.operation;
    } catch {
      type = undefined;
    }
    type ??= 'query';
    if (operationTypes.size < 1000) operationTypes.set(key, type);
  }
  return type;
}

export const gatewayConfig = defineConfig({
  logging: 'warn',
  maskedErrors: true,
  graphiql: false,
  landingPage: false,
  inboundInflightRequestDeduplication: false,
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: env.BENCH_HIVE_DEDUP === '1' } },
  },
  propagateHeaders: {
    async fromClientToSubgraphs({ request, subgraphName, context }) {
      let state = perRequest.get(request);
      if (!state) {
        state = {
          principal: authenticate(request.headers.get('authorization') ?? undefined),
          rid: randomUUID(),
        };
        perRequest.set(request, state);
      }
      const principal = await state.principal;
      const purpose = request.headers.get('x-purpose');
      const claims = { principal, purpose, rid: state.rid, named: [] };
      const headers: Record<string, string> = {
        authorization: `Bearer ${await sign(subgraphName, claims)}`,
        'x-request-id': state.rid,
      };
      const operation = operationType(
        (context as { params?: { query?: string; operationName?: string | null } }).params,
      );
      for (const callee of delegationsFor(subgraphName, principal.kind, operation))
        headers[delegationHeader(callee)] =
          `Bearer ${await sign(callee, { ...claims, act: subgraphName })}`;
      return headers;
    },
  },
});
