import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { grantReach } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { assertCommuneCode, assertNin } from '../kit/identifiers.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { registryFacts } from '../kit/registry-check.js';
import { assertRecordsOf, maySeeEstablishment, officeAgent } from './access.js';
import { standingOf } from './checklists.js';
import { Citizen } from './citizen.type.js';
import { Commune } from './commune.type.js';
import { EstablishmentFilter, RegisterEstablishmentInput } from './establishment.input.js';
import {
  communeEstablishments,
  registerEstablishment,
  replayedEstablishment,
} from './establishment.queries.js';
import {
  Establishment,
  EstablishmentConnection,
  EstablishmentStanding,
  InspectionConnection,
  type EstablishmentRecord,
} from './establishment.type.js';
import type { HygieneLoaders } from './loaders.js';

type Ctx = Context<HygieneLoaders>;

function assertLabel(value: string, field: string, max: number): string {
  const v = value.trim();
  if (v.length < 1 || v.length > max)
    throw badInput(ErrorCode.BAD_USER_INPUT, `${field} must be 1 to ${max} characters`, field);
  return v;
}

@Resolver(() => Establishment)
export class EstablishmentResolver {
  @Mutation(() => Establishment, {
    description:
      "Puts an establishment of the agent's commune on the hygiene office's register. Its operator is a person by NIN (checked in the civil registry on the agent's behalf: known and alive) or a company by NIF.",
  })
  async registerEstablishment(
    @Arg('input', () => RegisterEstablishmentInput) input: RegisterEstablishmentInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = officeAgent(ctx);
    const name = assertLabel(input.name, 'name', 120);
    const address = assertLabel(input.address, 'address', 200);
    const nin = input.operatorNin?.trim() || null;
    const nif = input.operatorNif?.trim() || null;
    if ((nin === null) === (nif === null) || (nif !== null && !/^\d{15}$/.test(nif))) {
      throw badInput(
        ErrorCode.INVALID_OPERATOR,
        'give the operator as exactly one of operatorNin (a person) or operatorNif (a company, 15 digits)',
        nin ? 'operatorNif' : 'operatorNin',
      );
    }
    if (nin) assertNin(nin, 'operatorNin');
    const row = {
      name,
      category: input.category,
      address,
      operatorNin: nin,
      operatorNif: nif,
      communeCode: agent.communeCode,
    };
    const request = {
      clientId: agent.sub,
      key: input.idempotencyKey,
      operation: 'registerEstablishment',
      input: row,
    };
    const earlier = await replayedEstablishment(ctx.db, request);
    if (!earlier && nin) {
      const facts = await registryFacts(ctx, nin);
      if (!facts)
        throw appError(
          ErrorCode.CITIZEN_NOT_FOUND,
          `no citizen with NIN ${nin} in the civil registry`,
          {
            field: 'operatorNin',
          },
        );
      if (facts.deathDate)
        throw appError(
          ErrorCode.CITIZEN_DECEASED,
          `the civil registry records the operator as deceased (${facts.deathDate})`,
          {
            field: 'operatorNin',
          },
        );
    }
    const { result } = earlier
      ? { result: earlier }
      : await registerEstablishment(ctx.db, row, request);
    return ctx.loaders.establishmentById.load(result.id);
  }

  @Query(() => Establishment, {
    nullable: true,
    description:
      'An establishment by id: for the hygiene office of its commune, Health (PUBLIC_HEALTH_SURVEILLANCE) and its operator; null for others, as for an unknown id.',
  })
  async establishment(@Arg('id', () => String) id: string, @Ctx() ctx: Ctx) {
    const e = await ctx.loaders.establishmentById.load(id.trim().toUpperCase());
    return e && maySeeEstablishment(ctx, e) ? e : null;
  }

  @Query(() => EstablishmentConnection, {
    description: "A commune's establishments in id order: for its hygiene office and for Health.",
  })
  async establishments(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('filter', () => EstablishmentFilter, { nullable: true })
    filter: EstablishmentFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    assertRecordsOf(ctx, communeCode);
    const page = readPage(args, { list: 'Query.establishments', scope: { communeCode, filter } });
    const rows = await communeEstablishments(ctx.db, communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.establishmentById.prime(row.id, row);
    return toConnection(rows, page, (e) => e.id);
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description:
      'The operator, when a person (group HYGIENE); null for a company (see operatorNif).',
  })
  operator(@Root() e: EstablishmentRecord, @Ctx() ctx: Ctx): Citizen | null {
    if (!e.operatorNin) return null;
    // The shield let this establishment's operator through: within the office's reach.
    grantReach(ctx, e.operatorNin);
    return { nin: e.operatorNin };
  }

  @FieldResolver(() => Commune)
  commune(@Root() e: EstablishmentRecord): Commune {
    return { code: e.communeCode };
  }

  @FieldResolver(() => EstablishmentStanding, {
    description: 'Its current standing, from the last score.',
  })
  standing(@Root() e: EstablishmentRecord) {
    return standingOf(e.lastScore);
  }

  @FieldResolver(() => InspectionConnection, {
    description: 'Its inspections, newest first: its history.',
  })
  async inspections(
    @Root() e: EstablishmentRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Establishment.inspections', scope: { id: e.id } });
    const rows = await ctx.loaders.inspectionsByEstablishment.load({ parent: e.id, page });
    return toConnection(rows, page, (i) => compositeKey(i.date, i.id));
  }
}
