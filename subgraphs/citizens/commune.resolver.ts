import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { citizenScope } from './scope.js';
import { CitizenConnection } from './citizen.input.js';
import { Commune } from './commune.type.js';
import type { CitizensLoaders } from './loaders.js';

@Resolver(() => Commune)
export class CommuneCitizensResolver {
  @FieldResolver(() => CitizenConnection, {
    description: 'Citizens born in this commune, in NIN order.',
  })
  async citizensBorn(
    @Root() commune: Commune,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context<CitizensLoaders>,
  ) {
    const page = readPage(args, { list: 'Commune.citizensBorn', scope: { code: commune.code } });
    const rows = await ctx.loaders.citizensBornInCommune.load({ communeCode: commune.code, page });
    for (const row of rows) ctx.loaders.citizenByNin.prime(row.nin, row);
    // An agent's reach stops at their commune: the decision leaves the others out.
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.nin),
      citizenScope,
    );
  }
}
