import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import {
  HistoryItem,
  compareHistory,
  historyKey,
  positionOf,
  readHistoryPage,
} from '../kit/history.js';
import { ConnectionType, PageArgs, toConnection } from '../kit/pagination.js';
import { Citizen, type CitizenRecord } from './citizen.type.js';
import { contributorSlices } from './history.peers.js';
import { registryHistoryOf } from './history.queries.js';
import type { CitizensLoaders } from './loaders.js';

type Ctx = Context<CitizensLoaders>;

export const HistoryItemConnection = ConnectionType(HistoryItem, 'HistoryItem', 'history item');

/**
 * The citizen's administrative history across the services: the registry's own items and
 * each contributor's slice after the same cursor, merged in the one order they all use.
 * Each source gives at most a page and one more item, so the merged page is exact and
 * whether another page follows is known without a second round.
 */
@Resolver(() => Citizen)
export class CitizenHistoryResolver {
  // Nullable: when a service cannot answer, the page is null (SERVICE_UNAVAILABLE) and the
  // rest of the citizen's record still arrives.
  @FieldResolver(() => HistoryItemConnection, {
    nullable: true,
    description:
      "The citizen's administrative history, newest first, a page at a time (group HISTORY: the citizen alone): civil acts, extracts and certificate requests, documents and applications, vehicles, and requests to the commune (hygiene requests, leases, cases, associations), each saying which service it comes from. Null, with SERVICE_UNAVAILABLE, when one of them cannot answer.",
  })
  async history(
    @Root() citizen: CitizenRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readHistoryPage(args, citizen.nin);
    const position = positionOf(page);
    const [own, others] = await Promise.all([
      registryHistoryOf(ctx.db, citizen.nin, position, page.limit),
      contributorSlices(ctx, citizen.nin, page.limit, args.after ?? null),
    ]);
    const merged = [...own, ...others].sort(compareHistory).slice(0, page.limit);
    return toConnection(merged, page, historyKey);
  }
}
