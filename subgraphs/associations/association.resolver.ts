import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { grantReach, visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError } from '../kit/errors.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { registryFactsOfMany } from '../kit/registry-check.js';
import { mayReadFilesOf, registryAgent } from './access.js';
import {
  AssociationFilter,
  DecideAssociationInput,
  DeclareAssociationInput,
} from './association.input.js';
import { assertFounders, assertLivingAdults, assertText } from './association.rules.js';
import {
  Association,
  AssociationConnection,
  AssociationEvent,
  AssociationPayload,
  BoardMember,
  Founder,
  type AssociationRecord,
} from './association.type.js';
import { Commune } from './commune.type.js';
import type { AssociationsLoaders } from './loaders.js';
import {
  NameTaken,
  changeStatus,
  communeAssociations,
  declare,
  nameInUse,
  replayed,
} from './queries.js';
import { founderScope, seatScope } from './scope.js';
import { MAX_BOARD, MAX_FOUNDERS, moveProblem } from './workflow.js';

type Ctx = Context<AssociationsLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

const nameTaken = (name: string) =>
  appError(
    ErrorCode.ASSOCIATION_NAME_TAKEN,
    `an association named "${name}" already exists in this commune`,
    {
      field: 'name',
    },
  );

@Resolver(() => Association)
export class AssociationResolver {
  @Mutation(() => AssociationPayload, {
    description:
      "Records an association's declaration at the agent's commune: its founders (at least 10, each checked in the civil registry on the agent's behalf: alive and adult), names, domain, seat and statutes. The legal delay to decide starts. Safe to retry with the same idempotencyKey.",
  })
  async declareAssociation(
    @Arg('input', () => DeclareAssociationInput) input: DeclareAssociationInput,
    @Ctx() ctx: Ctx,
  ): Promise<AssociationPayload> {
    const agent = registryAgent(ctx);
    const declaration = {
      communeCode: agent.communeCode,
      name: assertText(input.name, 'name', 150),
      nameAr: assertText(input.nameAr, 'nameAr', 150),
      domain: input.domain,
      seat: assertText(input.seat, 'seat', 200),
      statutes: assertText(input.statutes, 'statutes', 20_000),
      founders: assertFounders(input.founders),
    };
    const request = {
      clientId: agent.sub,
      key: input.idempotencyKey,
      operation: 'declareAssociation',
      input: declaration,
    };
    const earlier = await replayed(ctx.db, request);
    if (earlier)
      return { association: (await ctx.loaders.associationById.load(earlier.id))!, replayed: true };
    if (await nameInUse(ctx.db, agent.communeCode, declaration.name, declaration.nameAr))
      throw nameTaken(declaration.name);
    const facts = await registryFactsOfMany(ctx, declaration.founders);
    assertLivingAdults(facts, declaration.founders, (i) => `founders[${i}]`, today());
    try {
      const { result, replayed: again } = await declare(ctx.db, declaration, agent.sub, request);
      return { association: (await ctx.loaders.associationById.load(result.id))!, replayed: again };
    } catch (error) {
      if (error instanceof NameTaken) throw nameTaken(declaration.name);
      throw error;
    }
  }

  @Mutation(() => Association, {
    description:
      'Registers a declaration (issuing the numbered receipt) or refuses it with a reason; later suspends, reinstates or dissolves a registered association (with a reason). Name the version you read: CONFLICT if it changed.',
  })
  async decideAssociation(
    @Arg('input', () => DecideAssociationInput) input: DecideAssociationInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = registryAgent(ctx);
    const a = await ctx.loaders.associationById.load(input.id.trim().toUpperCase());
    if (!a || a.communeCode !== agent.communeCode)
      throw appError(
        ErrorCode.ASSOCIATION_NOT_FOUND,
        `no association ${input.id.slice(0, 40)} in commune ${agent.communeCode}`,
        {
          field: 'id',
        },
      );
    if (a.version !== input.expectedVersion)
      throw appError(
        ErrorCode.CONFLICT,
        `association ${a.id} is at version ${a.version}, not ${input.expectedVersion}: reload it`,
      );
    const reason = input.reason?.trim() || null;
    const problem = moveProblem(a.status, input.status, reason);
    if (problem)
      throw appError(ErrorCode[problem.code], problem.message, {
        field: problem.code === 'ILLEGAL_TRANSITION' ? 'status' : 'reason',
      });
    const changed = await changeStatus(ctx.db, {
      id: a.id,
      from: a.status,
      to: input.status,
      expectedVersion: input.expectedVersion,
      reason,
      actor: agent.sub,
    });
    if (!changed)
      throw appError(
        ErrorCode.CONFLICT,
        `association ${a.id} was changed by someone else just now: reload it`,
      );
    ctx.loaders.associationById.clear(a.id);
    return ctx.loaders.associationById.load(a.id);
  }

  @Query(() => Association, {
    nullable: true,
    description:
      'An association’s file, for the ASSOCIATIONS service of its commune; null otherwise.',
  })
  async association(@Arg('id', () => String) id: string, @Ctx() ctx: Ctx) {
    const a = await ctx.loaders.associationById.load(id.trim().toUpperCase());
    return a && mayReadFilesOf(ctx, a.communeCode) ? a : null;
  }

  @Query(() => AssociationConnection, {
    description:
      "The ASSOCIATIONS service's files: its commune's associations in id order, by status or past the legal delay.",
  })
  async associations(
    @Arg('filter', () => AssociationFilter, { nullable: true }) filter: AssociationFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const agent = registryAgent(ctx);
    const page = readPage(args, {
      list: 'Query.associations',
      scope: { communeCode: agent.communeCode, filter },
    });
    const rows = await communeAssociations(ctx.db, agent.communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.associationById.prime(row.id, row);
    return toConnection(rows, page, (a) => a.id);
  }

  @FieldResolver(() => Boolean, { description: 'Still undecided past the legal delay.' })
  decisionOverdue(@Root() a: AssociationRecord): boolean {
    return a.status === 'DECLARED' && a.decisionDue < today();
  }

  @FieldResolver(() => Commune)
  commune(@Root() a: AssociationRecord): Commune {
    return { code: a.communeCode };
  }

  @Directive(`@listSize(assumedSize: ${MAX_FOUNDERS})`)
  @FieldResolver(() => [Founder], { description: 'The founders (a declaration holds at most 50).' })
  async founders(@Root() a: AssociationRecord, @Ctx() ctx: Ctx) {
    const rows = visibleRows(ctx, await ctx.loaders.foundersByAssociation.load(a.id), founderScope);
    // The service reached them through its own commune's file: within its reach downstream.
    for (const f of rows) grantReach(ctx, f.nin);
    return rows;
  }

  @Directive(`@listSize(assumedSize: ${MAX_BOARD})`)
  @FieldResolver(() => [BoardMember], { description: 'The sitting board (at most 15 seats).' })
  async board(@Root() a: AssociationRecord, @Ctx() ctx: Ctx) {
    const rows = visibleRows(ctx, await ctx.loaders.boardByAssociation.load(a.id), seatScope);
    // Only the seats the decision let through put their holders within reach downstream.
    for (const m of rows) grantReach(ctx, m.nin);
    return rows;
  }

  // Decisions, suspensions and reinstatements: bounded by the workflow in practice, not in theory.
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [AssociationEvent], { description: 'Every decision so far, oldest first.' })
  async history(@Root() a: AssociationRecord, @Ctx() ctx: Ctx) {
    const events = await ctx.loaders.eventsByAssociation.load(a.id);
    return events.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  }
}
