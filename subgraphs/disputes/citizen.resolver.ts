import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { CaseConnection } from './case.type.js';
import { Citizen } from './citizen.reference.js';
import type { DisputesLoaders } from './loaders.js';
import { caseScope } from './scope.js';

@Resolver(() => Citizen)
export class CitizenCasesResolver {
  @FieldResolver(() => CaseConnection, {
    description: 'Cases in which the citizen is the opposing party of a commune (group CASES).',
  })
  async cases(
    @Root() c: Citizen,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context<DisputesLoaders>,
  ) {
    const page = readPage(args, { list: 'Citizen.cases', scope: { nin: c.nin } });
    const rows = await ctx.loaders.casesByParty.load({ parent: c.nin, page });
    for (const row of rows) ctx.loaders.caseByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (x) => x.number),
      caseScope,
    );
  }
}
