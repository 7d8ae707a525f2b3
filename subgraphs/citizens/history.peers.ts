import type { Context } from '../kit/context.js';
import { HISTORY_ITEM_SELECTION, type HistoryItem } from '../kit/history.js';
import { appError, ErrorCode } from '../kit/errors.js';
import { raisePeerError } from '../kit/peers.js';

/**
 * The services that hold part of a citizen's history, and the field of Citizen each one
 * answers it with (subgraphs/kit/history.ts). Each must be a delegation of `citizens` in
 * schema/delegations.ts.
 */
export const HISTORY_CONTRIBUTORS = [
  { peer: 'documents', field: 'documentsHistory' },
  { peer: 'vehicles', field: 'vehiclesHistory' },
  { peer: 'hygiene', field: 'hygieneHistory' },
  { peer: 'patrimony', field: 'leasesHistory' },
  { peer: 'disputes', field: 'casesHistory' },
  { peer: 'associations', field: 'associationsHistory' },
] as const;

const sliceQuery = (field: string) =>
  `query HistorySlice($r: [_Any!]!, $limit: Int!, $after: String) {
    _entities(representations: $r) { ... on Citizen { ${field}(limit: $limit, after: $after) { ${HISTORY_ITEM_SELECTION} } } }
  }`;

/**
 * Every contributor's slice after the cursor, asked at once (one fetch per contributor,
 * whatever the page size), on the caller's behalf: each service applies the policy and
 * records the consultation itself. A service that cannot answer fails the whole page: a
 * page without its items would skip them for good, since the next cursor passes them.
 */
export async function contributorSlices(
  ctx: Context,
  nin: string,
  limit: number,
  after: string | null,
): Promise<HistoryItem[]> {
  const slices = await Promise.all(
    HISTORY_CONTRIBUTORS.map(async ({ peer, field }) => {
      const res = await ctx.peers.query<{ _entities: (Record<string, HistoryItem[]> | null)[] }>(
        peer,
        sliceQuery(field),
        { r: [{ __typename: 'Citizen', nin }], limit, after },
      );
      raisePeerError(`${peer} service`, res);
      const items = res.data?._entities?.[0]?.[field];
      if (!Array.isArray(items)) {
        throw appError(
          ErrorCode.SERVICE_UNAVAILABLE,
          `the ${peer} service gave no history; nothing was recorded, try again`,
        );
      }
      return items;
    }),
  );
  return slices.flat();
}
