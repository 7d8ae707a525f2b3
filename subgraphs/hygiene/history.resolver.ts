import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { HistoryItem, HistorySliceArgs, readHistorySlice } from '../kit/history.js';
import { Citizen } from './citizen.type.js';
import { historyOf } from './history.queries.js';
import type { HygieneLoaders } from './loaders.js';

type Ctx = Context<HygieneLoaders>;

/**
 * This subgraph's items of the citizen's history, for the citizens subgraph to merge
 * (see subgraphs/kit/history.ts): hidden from the public API, read on the caller's behalf.
 */
@Resolver(() => Citizen)
export class CitizenHistoryResolver {
  @Directive('@inaccessible')
  // A page and one more (the merge's look-ahead), at most: HistorySliceArgs.limit.
  @Directive('@listSize(assumedSize: 101)')
  @FieldResolver(() => [HistoryItem], {
    description:
      "The requests the citizen filed with the hygiene office, newest first, after the history's cursor (group HISTORY; for Citizen.history).",
  })
  async hygieneHistory(
    @Root() citizen: Citizen,
    @Args(() => HistorySliceArgs) args: HistorySliceArgs,
    @Ctx() ctx: Ctx,
  ) {
    const slice = readHistorySlice(args, citizen.nin);
    return historyOf(ctx.db, citizen.nin, slice.position, slice.limit);
  }
}
