import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { decideForGroup, schoolReach } from '../../schema/access-decision.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { forbidden } from '../kit/errors.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import {
  Enrolment,
  EnrolmentChange,
  EnrolmentChangeConnection,
  type ChangeRecord,
} from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { changesAfter } from './queries.js';
import { School } from './school.type.js';

type Ctx = Context<EducationLoaders>;

@Resolver(() => EnrolmentChange)
export class EnrolmentFeedResolver {
  @Query(() => EnrolmentChangeConnection, {
    description:
      "Changes to enrolments in the order they were committed, within your schools: keep `endCursor` and ask again with `after` to get every later change exactly once. The cursor is bound to your client's scope.",
  })
  async enrolmentChanges(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const reach = schoolReach(ctx.principal);
    if (reach === 'NONE')
      throw forbidden('the change feed is for the Education ministry and school integrators');
    const basis = decideForGroup(ctx.principal, ctx.purpose, 'SCHOOLING');
    if (!basis.allowed) throw accessDenied(basis, 'SCHOOLING', ctx.purpose);
    // The scope comes from the access decision and filters in SQL: an integrator's pages
    // hold its schools' changes only, and its cursors fit no other client's feed.
    const page = readPage(args, { list: 'Query.enrolmentChanges', scope: { reach } });
    const rows = await changesAfter(ctx.db, reach, page);
    return toConnection(rows, page, (c) => String(c.seq));
  }

  @FieldResolver(() => String)
  seq(@Root() c: ChangeRecord): string {
    return String(c.seq);
  }

  @FieldResolver(() => String)
  at(@Root() c: ChangeRecord): string {
    return new Date(c.at).toISOString();
  }

  @FieldResolver(() => School, { description: 'The school where it happened.' })
  school(@Root() c: ChangeRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.schoolByCode.load(c.schoolCode);
  }

  @FieldResolver(() => Enrolment, {
    nullable: true,
    description: 'The enrolment as it is now.',
  })
  enrolment(@Root() c: ChangeRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.enrolmentById.load(c.enrolmentId);
  }
}
