import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { Citizen } from './citizen.reference.js';
import { LeaseContractConnection } from './lease.type.js';
import type { PatrimonyLoaders } from './loaders.js';
import { leaseScope } from './scope.js';

@Resolver(() => Citizen)
export class CitizenLeasesResolver {
  @FieldResolver(() => LeaseContractConnection, {
    description:
      "Leases of communes' assets held by the citizen, in number order (group LEASES; an agent sees only its own commune's).",
  })
  async leases(
    @Root() c: Citizen,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context<PatrimonyLoaders>,
  ) {
    const page = readPage(args, { list: 'Citizen.leases', scope: { nin: c.nin } });
    const rows = await ctx.loaders.leasesByTenant.load({ parent: c.nin, page });
    for (const row of rows) ctx.loaders.leaseByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (l) => l.number),
      leaseScope,
    );
  }
}
