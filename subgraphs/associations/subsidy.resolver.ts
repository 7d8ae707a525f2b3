import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { registryAgent } from './access.js';
import { AnnualReportInput, GrantSubsidyInput } from './association.input.js';
import { assertText } from './association.rules.js';
import {
  AnnualReport,
  AnnualReportConnection,
  Association,
  Subsidy,
  SubsidyConnection,
  type AssociationRecord,
} from './association.type.js';
import type { AssociationsLoaders } from './loaders.js';
import { fileReport, grantSubsidy, replayedSubsidy } from './queries.js';

type Ctx = Context<AssociationsLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

/** A registered association of the agent's commune, for a year it existed in. */
async function registeredFor(ctx: Ctx, id: string, year: number, field = 'associationId') {
  const agent = registryAgent(ctx);
  const a = await ctx.loaders.associationById.load(id.trim().toUpperCase());
  if (!a || a.communeCode !== agent.communeCode)
    throw appError(
      ErrorCode.ASSOCIATION_NOT_FOUND,
      `no association ${id.slice(0, 40)} in commune ${agent.communeCode}`,
      {
        field,
      },
    );
  if (a.status !== 'REGISTERED')
    throw appError(
      ErrorCode.ILLEGAL_TRANSITION,
      `an association ${a.status} receives no subsidy and files no report`,
      {
        field,
      },
    );
  const thisYear = Number(today().slice(0, 4));
  if (!Number.isInteger(year) || year < Number(a.declaredOn.slice(0, 4)) || year > thisYear + 1)
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `year must be between the declaration's year and ${thisYear + 1}`,
      'year',
    );
  return { agent, association: a };
}

@Resolver(() => Association)
export class SubsidyResolver {
  @Mutation(() => Subsidy, {
    description:
      'A subsidy the commune grants one of its registered associations for a year. Safe to retry with the same idempotencyKey.',
  })
  async grantAssociationSubsidy(
    @Arg('input', () => GrantSubsidyInput) input: GrantSubsidyInput,
    @Ctx() ctx: Ctx,
  ) {
    const { agent, association } = await registeredFor(ctx, input.associationId, input.year);
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 1_000_000_000)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'amount is in dinars, 1 to 1,000,000,000', 'amount');
    const row = {
      associationId: association.id,
      year: input.year,
      amount: input.amount,
      grantedOn: today(),
    };
    const request = {
      clientId: agent.sub,
      key: input.idempotencyKey,
      operation: 'grantAssociationSubsidy',
      input: row,
    };
    const earlier = await replayedSubsidy(ctx.db, request);
    if (!earlier) await grantSubsidy(ctx.db, row, request);
    return row;
  }

  @Mutation(() => AnnualReport, {
    description:
      "Files a registered association's report for a year (one per year: CONFLICT for a second).",
  })
  async recordAnnualReport(
    @Arg('input', () => AnnualReportInput) input: AnnualReportInput,
    @Ctx() ctx: Ctx,
  ) {
    const { association } = await registeredFor(ctx, input.associationId, input.year);
    const row = {
      associationId: association.id,
      year: input.year,
      submittedOn: today(),
      summary: assertText(input.summary, 'summary', 20_000),
    };
    if (!(await fileReport(ctx.db, row)))
      throw appError(ErrorCode.CONFLICT, `the report of ${input.year} is already filed`, {
        field: 'year',
      });
    return row;
  }

  @FieldResolver(() => SubsidyConnection, {
    description: 'Subsidies granted by the commune, newest year first.',
  })
  async subsidies(
    @Root() a: AssociationRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Association.subsidies', scope: { id: a.id } });
    const rows = await ctx.loaders.subsidiesByAssociation.load({ parent: a.id, page });
    return toConnection(rows, page, (s) => compositeKey(String(s.year), String(s.id)));
  }

  @FieldResolver(() => AnnualReportConnection, {
    description: 'Annual reports filed, newest first.',
  })
  async annualReports(
    @Root() a: AssociationRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Association.annualReports', scope: { id: a.id } });
    const rows = await ctx.loaders.reportsByAssociation.load({ parent: a.id, page });
    return toConnection(rows, page, (r) => String(r.year));
  }
}
