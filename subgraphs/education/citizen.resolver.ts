import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { assertNin } from '../kit/identifiers.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { Citizen } from './citizen.type.js';
import { EnrolmentConnection, type EnrolmentRecord } from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { enrolmentScope } from './scope.js';

type Ctx = Context<EducationLoaders>;

async function schoolingPage(ctx: Ctx, nin: string, args: PageArgs, list: string) {
  const page = readPage(args, { list, scope: { nin } });
  const rows: EnrolmentRecord[] = await ctx.loaders.enrolmentsByPupil.load({ parent: nin, page });
  for (const row of rows) ctx.loaders.enrolmentById.prime(row.id, row);
  // Each enrolment meets the decision on its own: an integrator sees those at its schools.
  return visibleConnection(
    ctx,
    toConnection(rows, page, (e) => String(e.id)),
    enrolmentScope,
    'SCHOOLING',
  );
}

@Resolver(() => Citizen)
export class CitizenSchoolingResolver {
  @FieldResolver(() => EnrolmentConnection, {
    description: "The pupil's enrolments, oldest first, a page at a time (group SCHOOLING).",
  })
  schooling(@Root() c: Citizen, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return schoolingPage(ctx, c.nin, args, 'Citizen.schooling');
  }

  @Query(() => EnrolmentConnection, {
    description:
      "A pupil's enrolments by NIN, oldest first: for a parent (citizen token), their child's; for the Education ministry, anyone's; for an integrator, those at its schools. Others are left out, as if absent.",
  })
  schoolingOf(
    @Arg('nin', () => String) nin: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    return schoolingPage(ctx, assertNin(nin, 'nin'), args, 'Query.schoolingOf');
  }
}
