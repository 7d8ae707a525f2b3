import type { Context } from './context.js';
import { ErrorCode, appError } from './errors.js';
import { raisePeerError } from './peers.js';

const QUERY = `query TerritoryCheck($code: String!) { commune(code: $code) { code } }`;

/**
 * A commune code typed by the caller must name a commune of the territory: asked of the
 * communes subgraph (the subgraph must be allowed to call `communes` in
 * schema/delegations.ts), or COMMUNE_NOT_FOUND naming the field.
 */
export async function assertCommuneExists(
  ctx: Context,
  code: string,
  field: string,
): Promise<void> {
  const res = await ctx.peers.query<{ commune: { code: string } | null }>('communes', QUERY, {
    code,
  });
  // The communes subgraph answers an unknown code with its own COMMUNE_NOT_FOUND.
  const unknown = res.errors?.[0]?.extensions?.code === ErrorCode.COMMUNE_NOT_FOUND;
  if (unknown || (!res.errors && !res.data?.commune))
    throw appError(ErrorCode.COMMUNE_NOT_FOUND, `no commune with code ${code}`, { field });
  raisePeerError('territory', res);
}
