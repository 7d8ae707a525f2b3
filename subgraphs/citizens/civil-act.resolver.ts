import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import { CIVIL_ACT_SERVICES, type AgentService } from '../../schema/access-policy.js';
import { accessDenied, visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput, forbidden } from '../kit/errors.js';
import { assertCommuneCode, assertNin } from '../kit/identifiers.js';
import { Citizen, type CitizenRecord } from './citizen.type.js';
import { CivilActPayload, RegisterDeathInput, RegisterMarriageInput } from './civil-act.input.js';
import { registerDeath, registerMarriage } from './civil-act.queries.js';
import {
  ACT_NUMBER,
  assertEventDate,
  checkCorrection,
  checkDeath,
  checkMarriage,
  notes,
} from './civil-act.rules.js';
import { CivilAct, MarginalNote, type CivilActRecord } from './civil-act.type.js';
import { Commune } from './commune.type.js';
import type { CitizensLoaders } from './loaders.js';
import { citizenScope } from './scope.js';

type Ctx = Context<CitizensLoaders>;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Only an agent of the civil-status office, stating a purpose that covers civil acts,
 * draws acts up; at their own office. Returns the agent and the purpose to audit under.
 */
function civilStatusOfficer(ctx: Ctx) {
  const p = ctx.principal;
  if (p.kind !== 'agent' || !CIVIL_ACT_SERVICES.includes(p.service as AgentService))
    throw forbidden(
      'only an agent of a commune civil-status office (service CIVIL_STATUS) may draw up civil acts',
    );
  const basis = decideForGroup(p, ctx.purpose, 'CIVIL_ACTS');
  if (!basis.allowed) throw accessDenied(basis, 'CIVIL_ACTS', ctx.purpose);
  return { agent: p, purpose: basis.purpose };
}

function correctsArg(value: string | null | undefined): string | null {
  if (value == null) return null;
  const n = value.trim();
  if (!ACT_NUMBER.test(n))
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      'corrects is an act number: CCCC-YYYY-K-NNNNNN',
      'corrects',
    );
  return n;
}

/** Reading the persons' records to check the act is a consultation like any other. */
function audit(ctx: Ctx, persons: Map<string, CitizenRecord>, purpose: string) {
  for (const nin of persons.keys())
    for (const group of ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'DEATH'] as const)
      ctx.consultations.record(nin, group, purpose);
}

@Resolver(() => CivilAct)
export class CivilActResolver {
  @Mutation(() => CivilActPayload, {
    description:
      "Draws up a marriage act at the agent's civil-status office: both spouses become MARRIED and the marriage is noted on each birth act. With `corrects`, a new act replaces an earlier one. Safe to retry with the same idempotencyKey.",
  })
  async registerMarriage(
    @Arg('input', () => RegisterMarriageInput) input: RegisterMarriageInput,
    @Ctx() ctx: Ctx,
  ): Promise<CivilActPayload> {
    const { agent, purpose } = civilStatusOfficer(ctx);
    const husbandNin = assertNin(input.husbandNin, 'husbandNin');
    const wifeNin = assertNin(input.wifeNin, 'wifeNin');
    const corrects = correctsArg(input.corrects);
    const now = today();
    assertEventDate(input.marriageDate, 'marriageDate', now);
    const { result, replayed } = await registerMarriage(
      ctx.db,
      {
        husbandNin,
        wifeNin,
        marriageDate: input.marriageDate,
        communeCode: agent.communeCode,
        corrects,
        today: now,
      },
      {
        clientId: agent.clientId,
        key: input.idempotencyKey,
        operation: 'registerMarriage',
        input: { ...input, idempotencyKey: undefined, communeCode: agent.communeCode },
      },
      agent.sub,
      {
        check: (persons, correcting, correctedBy) => {
          audit(ctx, persons, purpose);
          const act = corrects
            ? checkCorrection(
                correcting,
                corrects,
                'MARRIAGE',
                { subjectNin: husbandNin, partnerNin: wifeNin },
                correctedBy,
              )
            : null;
          return checkMarriage(
            persons.get(husbandNin) ?? null,
            persons.get(wifeNin) ?? null,
            { husbandNin, wifeNin },
            input.marriageDate,
            act,
          );
        },
      },
      {
        marriage: (spouse, number) =>
          notes.marriage(spouse, input.marriageDate, agent.communeCode, number),
        corrected: notes.corrected,
      },
    );
    return { act: (await ctx.loaders.actByNumber.load(result.number)) as CivilAct, replayed };
  }

  @Mutation(() => CivilActPayload, {
    description:
      "Draws up a death act at the agent's civil-status office: the death date is recorded at once for every purpose covering DEATH, a married spouse becomes WIDOWED, and the death is noted on the birth act. With `corrects`, a new act replaces an earlier one. Safe to retry with the same idempotencyKey.",
  })
  async registerDeath(
    @Arg('input', () => RegisterDeathInput) input: RegisterDeathInput,
    @Ctx() ctx: Ctx,
  ): Promise<CivilActPayload> {
    const { agent, purpose } = civilStatusOfficer(ctx);
    const deceasedNin = assertNin(input.deceasedNin, 'deceasedNin');
    const communeCode = assertCommuneCode(
      input.deathCommuneCode ?? agent.communeCode,
      'deathCommuneCode',
    );
    if (communeCode !== agent.communeCode)
      throw forbidden(
        `an agent of commune ${agent.communeCode} records only the deaths that occur there`,
        {
          field: 'deathCommuneCode',
        },
      );
    const corrects = correctsArg(input.corrects);
    const now = today();
    assertEventDate(input.deathDate, 'deathDate', now);
    const { result, replayed } = await registerDeath(
      ctx.db,
      { deceasedNin, deathDate: input.deathDate, communeCode, corrects, today: now },
      {
        clientId: agent.clientId,
        key: input.idempotencyKey,
        operation: 'registerDeath',
        input: { ...input, idempotencyKey: undefined, deathCommuneCode: communeCode },
      },
      agent.sub,
      {
        check: (persons, correcting, correctedBy) => {
          audit(ctx, persons, purpose);
          const act = corrects
            ? checkCorrection(
                correcting,
                corrects,
                'DEATH',
                { subjectNin: deceasedNin, partnerNin: null },
                correctedBy,
              )
            : null;
          return checkDeath(persons.get(deceasedNin) ?? null, deceasedNin, input.deathDate, act);
        },
      },
      {
        death: (number) => notes.death(input.deathDate, communeCode, number),
        dissolved: (number) => notes.dissolvedByDeath(input.deathDate, number),
        corrected: notes.corrected,
      },
    );
    ctx.loaders.citizenByNin.clear(deceasedNin);
    return { act: (await ctx.loaders.actByNumber.load(result.number)) as CivilAct, replayed };
  }

  @FieldResolver(() => Commune, { description: 'The civil-status office that drew the act up.' })
  office(@Root() act: CivilActRecord): Commune {
    return { code: act.communeCode };
  }

  @FieldResolver(() => Commune, { description: 'Where the birth, marriage or death took place.' })
  eventCommune(@Root() act: CivilActRecord): Commune {
    return { code: act.eventCommuneCode };
  }

  @Directive('@listSize(assumedSize: 2)')
  @FieldResolver(() => [Citizen], {
    description:
      'The persons the act concerns (the child, the spouses, the deceased), those the caller may see.',
  })
  async persons(@Root() act: CivilActRecord, @Ctx() ctx: Ctx) {
    const nins = [act.subjectNin, act.partnerNin].filter((n): n is string => !!n);
    const rows = await Promise.all(nins.map((n) => ctx.loaders.citizenByNin.load(n)));
    return visibleRows(
      ctx,
      rows.filter((r): r is CitizenRecord => !!r),
      citizenScope,
    );
  }

  // Bounded by the events of one life: a marriage or two, a death, a few corrections.
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [MarginalNote], {
    description: 'Notes later acts wrote in the margin of this one, oldest first.',
  })
  marginalNotes(@Root() act: CivilActRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.notesByAct.load(act.number);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The act that corrected this one; null while this act is in force.',
  })
  async correctedBy(@Root() act: CivilActRecord, @Ctx() ctx: Ctx) {
    return (await ctx.loaders.correctionOfAct.load(act.number))?.number ?? null;
  }
}
