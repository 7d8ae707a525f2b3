import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { decideForGroup, policyOf } from '../../schema/access-decision.js';
import {
  accessDenied,
  assertGroupsAllowed,
  selectedFields,
  selectedNodeFields,
  visibleOrNull,
  visibleConnection,
  visibleRows,
} from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput, forbidden } from '../kit/errors.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import {
  CitizenConnection,
  CitizenFilter,
  RegisterBirthInput,
  RegisterBirthPayload,
} from './citizen.input.js';
import { Citizen, type CitizenRecord } from './citizen.type.js';
import { Commune } from './commune.type.js';
import type { CitizensLoaders } from './loaders.js';
import { CITIZEN_FIELD_GROUPS } from './citizen.groups.js';
import {
  ConsultationConnection,
  ConsultationCount,
  WilayaConsultationCount,
} from './consultation.type.js';
import {
  consultationStatistics,
  consultationsByWilaya,
  consultationsOf,
  listCitizens,
  registerBirth,
  replayedBirth,
} from './queries.js';
import { assertCommuneCode, assertNin } from '../kit/identifiers.js';
import { assertName, assertPastDate } from './validate.js';
import { citizenScope } from './scope.js';

type Ctx = Context<CitizensLoaders>;

/** The most NINs one `citizensByNin` call takes: a bulk enrolment's rows. */
const MAX_CITIZENS_BY_NIN = 500;

const today = () => new Date().toISOString().slice(0, 10);

async function visible(ctx: Ctx, nin: string | null): Promise<CitizenRecord | null> {
  if (!nin) return null;
  return visibleOrNull(ctx, await ctx.loaders.citizenByNin.load(nin), citizenScope);
}

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    nullable: true,
    description: 'One citizen by NIN; null when there is none or the caller may not see it.',
  })
  async citizen(
    @Arg('nin', () => String) nin: string,
    @Ctx() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CitizenRecord | null> {
    assertNin(nin);
    // Refuse before looking the NIN up: a refusal must not tell whether it exists.
    assertGroupsAllowed(ctx, CITIZEN_FIELD_GROUPS, selectedFields(info));
    return visible(ctx, nin);
  }

  @Directive(`@listSize(assumedSize: ${MAX_CITIZENS_BY_NIN})`)
  @Query(() => [Citizen], {
    nullable: 'items',
    description: `Several citizens by NIN in one call (at most ${MAX_CITIZENS_BY_NIN}), in the order given; null for a NIN there is none of or the caller may not see. For programs that check many people at once (a bulk enrolment, the founders of an association): each NIN is a consultation like \`citizen\`.`,
  })
  async citizensByNin(
    @Arg('nins', () => [String]) nins: string[],
    @Ctx() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(CitizenRecord | null)[]> {
    if (nins.length > MAX_CITIZENS_BY_NIN)
      throw badInput(
        ErrorCode.TOO_MANY_ROWS,
        `citizensByNin takes at most ${MAX_CITIZENS_BY_NIN} NINs (got ${nins.length}); split the list`,
        'nins',
      );
    nins.forEach((nin, i) => assertNin(nin, `nins[${i}]`));
    assertGroupsAllowed(ctx, CITIZEN_FIELD_GROUPS, selectedFields(info));
    const found = await ctx.loaders.citizenByNin.loadMany(nins);
    return found.map((row) => {
      if (row instanceof Error) throw row;
      return visibleOrNull(ctx, row, citizenScope);
    });
  }

  @Query(() => Citizen, { nullable: true, description: "The calling citizen's own record." })
  async me(@Ctx() ctx: Ctx): Promise<CitizenRecord | null> {
    return ctx.principal.kind === 'citizen' ? visible(ctx, ctx.principal.nin) : null;
  }

  @Query(() => CitizenConnection, {
    description: 'Citizens matching a filter, in NIN order, a page at a time.',
  })
  async citizens(
    @Arg('filter', () => CitizenFilter, { nullable: true }) filter: CitizenFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = { ...(filter ?? {}) };
    assertGroupsAllowed(ctx, CITIZEN_FIELD_GROUPS, selectedNodeFields(info));
    if (ctx.principal.kind === 'agent') {
      // Agents list only the registry of their own commune.
      f.birthCommuneCode ??= ctx.principal.communeCode;
      if (f.birthCommuneCode !== ctx.principal.communeCode) {
        throw forbidden(
          `an agent of commune ${ctx.principal.communeCode} may list only the citizens born there`,
          {
            field: 'filter.birthCommuneCode',
          },
        );
      }
    }
    if (f.name != null && f.name.trim().length < 2) {
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'filter.name needs at least 2 characters',
        'filter.name',
      );
    }
    if (f.birthCommuneCode != null)
      assertCommuneCode(f.birthCommuneCode, 'filter.birthCommuneCode');
    const applied = { ...f, name: f.name?.trim() ?? null };
    // The cursor is bound to the filter as applied (an agent's default commune included).
    const page = readPage(args, { list: 'Query.citizens', scope: applied });
    const rows = await listCitizens(ctx.db, applied, page);
    for (const row of rows) ctx.loaders.citizenByNin.prime(row.nin, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.nin),
      citizenScope,
    );
  }

  @Mutation(() => RegisterBirthPayload, {
    description:
      "Registers a newborn at the agent's commune and assigns a NIN. Safe to retry with the same idempotencyKey.",
  })
  async registerBirth(
    @Arg('input', () => RegisterBirthInput) input: RegisterBirthInput,
    @Ctx() ctx: Ctx,
  ): Promise<RegisterBirthPayload> {
    const principal = ctx.principal;
    if (principal.kind !== 'agent')
      throw forbidden('only a civil-status agent of a commune may register a birth');
    const basis = decideForGroup(principal, ctx.purpose, 'FILIATION');
    if (!basis.allowed) throw accessDenied(basis, 'FILIATION', ctx.purpose);

    const birthCommuneCode = assertCommuneCode(
      input.birthCommuneCode ?? principal.communeCode,
      'birthCommuneCode',
    );
    if (birthCommuneCode !== principal.communeCode) {
      throw forbidden(
        `an agent of commune ${principal.communeCode} may register births only there`,
        {
          field: 'birthCommuneCode',
        },
      );
    }
    const motherNin = assertNin(input.motherNin, 'motherNin');
    const fatherNin = input.fatherNin ? assertNin(input.fatherNin, 'fatherNin') : null;
    const birthDate = assertPastDate(input.birthDate, 'birthDate', today());
    const givenNameAr = assertName(input.givenNameAr, 'Arabic', 'givenNameAr');
    const givenNameLat = assertName(input.givenNameLat, 'Latin', 'givenNameLat');

    // The request as the caller sent it: a retry is answered from the first result before
    // the parents are read (and their consultation recorded) again.
    const request = {
      clientId: principal.clientId,
      key: input.idempotencyKey,
      operation: 'registerBirth',
      input: { ...input, idempotencyKey: undefined, birthCommuneCode },
    };
    const earlier = await replayedBirth(ctx.db, request);
    if (earlier) return { citizen: (await visible(ctx, earlier.nin)) as Citizen, replayed: true };

    const [mother, father] = await Promise.all([
      ctx.loaders.citizenByNin.load(motherNin),
      fatherNin ? ctx.loaders.citizenByNin.load(fatherNin) : Promise.resolve(null),
    ]);
    if (!mother)
      throw badInput(
        ErrorCode.PARENT_NOT_FOUND,
        `no citizen has the NIN given as motherNin (${motherNin})`,
        'motherNin',
      );
    if (fatherNin && !father) {
      throw badInput(
        ErrorCode.PARENT_NOT_FOUND,
        `no citizen has the NIN given as fatherNin (${fatherNin})`,
        'fatherNin',
      );
    }
    // Reading the parents' records is a consultation like any other.
    for (const parent of [mother, father]) {
      if (parent)
        for (const group of ['IDENTITY', 'DEATH'] as const)
          ctx.consultations.record(parent.nin, group, basis.purpose);
    }
    checkParent(mother, 'FEMALE', 'motherNin', birthDate);
    if (father) checkParent(father, 'MALE', 'fatherNin', birthDate);

    const familyNameAr = assertName(
      input.familyNameAr ?? father?.familyNameAr ?? '',
      'Arabic',
      'familyNameAr',
    );
    const familyNameLat = assertName(
      input.familyNameLat ?? father?.familyNameLat ?? '',
      'Latin',
      'familyNameLat',
    );

    const { nin, replayed } = await registerBirth(
      ctx.db,
      {
        givenNameAr,
        givenNameLat,
        familyNameAr,
        familyNameLat,
        sex: input.sex,
        birthDate,
        birthCommuneCode,
        fatherNin,
        motherNin,
      },
      request,
      principal.sub,
    );
    ctx.loaders.citizenByNin.clear(nin);
    const citizen = await ctx.loaders.citizenByNin.load(nin);
    return { citizen: citizen as Citizen, replayed };
  }

  @FieldResolver(() => Commune, {
    nullable: true,
    description:
      'Commune of birth. Null only when the communes service cannot answer (the error says so).',
  })
  birthCommune(@Root() citizen: CitizenRecord): Commune {
    return { code: citizen.birthCommuneCode };
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'The father, when filiation is established and visible to the caller.',
  })
  father(@Root() citizen: CitizenRecord, @Ctx() ctx: Ctx) {
    return visible(ctx, citizen.fatherNin);
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'The mother, when visible to the caller.',
  })
  mother(@Root() citizen: CitizenRecord, @Ctx() ctx: Ctx) {
    return visible(ctx, citizen.motherNin);
  }

  // Not paginated: a person's children are few by nature. The gateway's cost limit counts
  // the list as its assumed size.
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [Citizen], {
    description:
      'Children whose filiation names this citizen, oldest first. A plain list: a person has few children.',
  })
  async children(@Root() citizen: CitizenRecord, @Ctx() ctx: Ctx) {
    const rows = await ctx.loaders.childrenByParentNin.load(citizen.nin);
    return visibleRows(ctx, rows, citizenScope);
  }

  @FieldResolver(() => ConsultationConnection, {
    description:
      'Who consulted this record (ministries and agents), newest first. Only the citizen may read it.',
  })
  async consultations(
    @Root() citizen: CitizenRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Citizen.consultations', scope: { nin: citizen.nin } });
    const rows = await consultationsOf(ctx.db, citizen.nin, page);
    const shown = rows.map((r) => ({
      ...r,
      principalKind: r.principalKind.toUpperCase(),
      at: new Date(r.at).toISOString(),
    }));
    return toConnection(shown, page, (r) => String(r.id));
  }

  @Directive('@listSize(assumedSize: 20)') // one row per kind of caller and ministry
  @Query(() => [ConsultationCount], {
    description:
      'How many consultations of the registry each kind of caller made in [from, to). A ministry sees its own line; a supervising ministry sees all.',
  })
  async consultationStatistics(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: Ctx,
  ) {
    const principal = ctx.principal;
    if (principal.kind !== 'ministry')
      throw forbidden('consultation statistics are for ministries');
    if (from >= to) throw badInput(ErrorCode.INVALID_DATE, 'from must be before to', 'from');
    const all = policyOf(principal)?.readsAllStatistics === true;
    return consultationStatistics(ctx.db, from, to, all ? null : principal.ministry);
  }

  @Directive('@listSize(assumedSize: 58)') // one row per wilaya at most
  @Query(() => [WilayaConsultationCount], {
    description:
      "Allowed consultations of the registry in [from, to) by the consulted citizens' wilaya of birth. A ministry sees its own; a supervising ministry sees all.",
  })
  async consultationsByWilaya(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: Ctx,
  ) {
    const principal = ctx.principal;
    if (principal.kind !== 'ministry')
      throw forbidden('consultation statistics are for ministries');
    if (from >= to) throw badInput(ErrorCode.INVALID_DATE, 'from must be before to', 'from');
    const all = policyOf(principal)?.readsAllStatistics === true;
    return consultationsByWilaya(ctx.db, from, to, all ? null : principal.ministry);
  }
}

function checkParent(
  parent: CitizenRecord,
  sex: 'MALE' | 'FEMALE',
  field: string,
  birthDate: string,
): void {
  const role = field === 'motherNin' ? 'mother' : 'father';
  if (parent.sex !== sex) {
    throw badInput(
      ErrorCode.PARENT_INELIGIBLE,
      `the citizen given as ${role} (${field}) is not recorded as ${sex.toLowerCase()}`,
      field,
    );
  }
  const parentYear = Number(parent.birthDate.slice(0, 4));
  if (parent.birthDate >= birthDate || Number(birthDate.slice(0, 4)) - parentYear < 12) {
    throw badInput(
      ErrorCode.PARENT_INELIGIBLE,
      `the ${role} (${field}) was born too late to be a parent of a child born on ${birthDate}`,
      field,
    );
  }
  // A father may die before the birth (up to ~10 months); a mother cannot.
  const limit = role === 'father' ? addDays(birthDate, -310) : birthDate;
  if (parent.deathDate && parent.deathDate < limit) {
    throw badInput(
      ErrorCode.PARENT_INELIGIBLE,
      `the ${role} (${field}) is recorded as dead on ${parent.deathDate}, before this birth`,
      field,
    );
  }
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}
