import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { registryFactsOfMany } from '../kit/registry-check.js';
import { registryAgent } from './access.js';
import { RenewBoardInput } from './association.input.js';
import { assertBoard, assertLivingAdults } from './association.rules.js';
import {
  Association,
  BoardMember,
  BoardMemberConnection,
  Founder,
  PublicAssociation,
  type BoardMemberRecord,
  type FounderRecord,
} from './association.type.js';
import { Citizen } from './citizen.type.js';
import type { AssociationsLoaders } from './loaders.js';
import { renewBoard, replayed } from './queries.js';
import { seatScope } from './scope.js';

type Ctx = Context<AssociationsLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  @Mutation(() => Association, {
    description:
      "Records the board an elective general assembly chose: the sitting board ends that day. Each member once, checked in the civil registry on the agent's behalf (alive, adult); exactly one PRESIDENT, SECRETARY_GENERAL and TREASURER. For registered associations of the agent's commune.",
  })
  async renewAssociationBoard(
    @Arg('input', () => RenewBoardInput) input: RenewBoardInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = registryAgent(ctx);
    const a = await ctx.loaders.associationById.load(input.associationId.trim().toUpperCase());
    if (!a || a.communeCode !== agent.communeCode)
      throw appError(
        ErrorCode.ASSOCIATION_NOT_FOUND,
        `no association ${input.associationId.slice(0, 40)} in commune ${agent.communeCode}`,
        {
          field: 'associationId',
        },
      );
    if (a.status !== 'REGISTERED')
      throw appError(
        ErrorCode.ILLEGAL_TRANSITION,
        `an association ${a.status} cannot renew its board; it must be REGISTERED`,
        {
          field: 'associationId',
        },
      );
    if (input.electedOn > today() || (a.registeredOn && input.electedOn < a.declaredOn))
      throw badInput(
        ErrorCode.INVALID_DATE,
        'electedOn is the day of the assembly: not in the future, not before the declaration',
        'electedOn',
      );
    const members = assertBoard(input.members);
    const renewal = { associationId: a.id, electedOn: input.electedOn, members };
    const request = {
      clientId: agent.sub,
      key: input.idempotencyKey,
      operation: 'renewAssociationBoard',
      input: renewal,
    };
    if (!(await replayed(ctx.db, request))) {
      const facts = await registryFactsOfMany(
        ctx,
        members.map((m) => m.nin),
      );
      assertLivingAdults(
        facts,
        members.map((m) => m.nin),
        (i) => `members[${i}]`,
        input.electedOn,
      );
      await renewBoard(ctx.db, renewal, request);
    }
    ctx.loaders.associationById.clear(a.id);
    return ctx.loaders.associationById.load(a.id);
  }

  @FieldResolver(() => Citizen, { description: 'Who sits in the seat.' })
  person(@Root() m: BoardMemberRecord): Citizen {
    return { nin: m.nin };
  }

  @FieldResolver(() => PublicAssociation, { description: 'The association (its public record).' })
  association(@Root() m: BoardMemberRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.associationById.load(m.associationId);
  }
}

@Resolver(() => Founder)
export class FounderResolver {
  @FieldResolver(() => Citizen)
  person(@Root() f: FounderRecord): Citizen {
    return { nin: f.nin };
  }
}

@Resolver(() => Citizen)
export class CitizenAssociationsResolver {
  @FieldResolver(() => BoardMemberConnection, {
    description:
      'Board seats the citizen holds or held, newest first (group ASSOCIATIONS: the person, and purposes that cover the group).',
  })
  async associations(@Root() c: Citizen, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Citizen.associations', scope: { nin: c.nin } });
    const seats = await ctx.loaders.seatsByPerson.load({ parent: c.nin, page });
    // A seat is its association's commune's file (seatScope): the access decision needs
    // that commune, read through the per-request loader (one statement per page).
    const files = await ctx.loaders.associationById.loadMany(seats.map((s) => s.associationId));
    const rows: BoardMemberRecord[] = seats.map((s, i) => {
      const file = files[i];
      return { ...s, communeCode: file && !(file instanceof Error) ? file.communeCode : '' };
    });
    return visibleConnection(
      ctx,
      toConnection(rows, page, (s) => compositeKey(s.fromDate, s.associationId)),
      seatScope,
    );
  }
}
