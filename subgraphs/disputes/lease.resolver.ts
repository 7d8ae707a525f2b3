import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { Case } from './case.type.js';
import { LeaseContract } from './lease.reference.js';
import type { DisputesLoaders } from './loaders.js';
import { caseScope } from './scope.js';

@Resolver(() => LeaseContract)
export class LeaseCasesResolver {
  // A lease leads to a case or two (arrears, eviction), not more.
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [Case], {
    description: 'Cases about this lease (disputes subgraph); those you may not read are left out.',
  })
  async cases(@Root() l: LeaseContract, @Ctx() ctx: Context<DisputesLoaders>) {
    return visibleRows(ctx, await ctx.loaders.casesByLease.load(l.number), caseScope);
  }
}
