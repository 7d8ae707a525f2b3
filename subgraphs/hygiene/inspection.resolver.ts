import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { mayReadRecordsOf, officeAgent } from './access.js';
import { MAX_CHECKLIST, scoreOf } from './checklists.js';
import { RecordInspectionInput } from './establishment.input.js';
import { recordInspection, replayedInspection } from './establishment.queries.js';
import {
  Establishment,
  Inspection,
  InspectionItem,
  type InspectionRecord,
} from './establishment.type.js';
import { assertChecklist, assertInspectionDates } from './inspection.rules.js';
import type { HygieneLoaders } from './loaders.js';

type Ctx = Context<HygieneLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => Inspection)
export class InspectionResolver {
  @Mutation(() => Inspection, {
    description:
      "Records an inspection of an establishment of the agent's commune: every checklist item of its category, the score they give, the findings and the measure (a FORMAL_NOTICE or CLOSURE_PROPOSED needs followUpDue). It becomes the establishment's standing.",
  })
  async recordInspection(
    @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = officeAgent(ctx);
    const e = await ctx.loaders.establishmentById.load(input.establishmentId.trim().toUpperCase());
    if (!e || e.communeCode !== agent.communeCode) {
      throw appError(
        ErrorCode.ESTABLISHMENT_NOT_FOUND,
        `no establishment ${input.establishmentId.slice(0, 40)} in commune ${agent.communeCode}`,
        { field: 'establishmentId' },
      );
    }
    assertInspectionDates(input.date, today(), input.measure, input.followUpDue ?? null);
    assertChecklist(e.category, input.items);
    const findings = input.findings.trim();
    if (findings.length > 4000)
      throw badInput(ErrorCode.TEXT_TOO_LONG, 'findings are at most 4000 characters', 'findings');
    const followUpOf = input.followUpOf?.trim().toUpperCase() || null;
    if (followUpOf) {
      const earlier = await ctx.loaders.inspectionById.load(followUpOf);
      if (!earlier || earlier.establishmentId !== e.id || earlier.date > input.date) {
        throw appError(
          ErrorCode.INSPECTION_NOT_FOUND,
          `no earlier inspection ${followUpOf.slice(0, 40)} of establishment ${e.id} to follow up`,
          { field: 'followUpOf' },
        );
      }
    }
    const items = input.items.map((i) => ({ code: i.code, result: i.result }));
    const row = {
      establishmentId: e.id,
      communeCode: e.communeCode,
      date: input.date,
      inspector: agent.sub,
      score: scoreOf(items),
      findings,
      measure: input.measure,
      followUpDue: input.followUpDue ?? null,
      followUpOf,
    };
    const request = {
      clientId: agent.sub,
      key: input.idempotencyKey,
      operation: 'recordInspection',
      input: { ...row, items },
    };
    const earlier = await replayedInspection(ctx.db, request);
    const { id } = earlier ?? (await recordInspection(ctx.db, row, items, request)).result;
    // The establishment was read before this inspection changed its standing.
    ctx.loaders.establishmentById.clear(e.id);
    return ctx.loaders.inspectionById.load(id);
  }

  @Query(() => Inspection, {
    nullable: true,
    description: 'An inspection by id: for the hygiene office of its commune and for Health.',
  })
  async inspection(@Arg('id', () => String) id: string, @Ctx() ctx: Ctx) {
    const i = await ctx.loaders.inspectionById.load(id.trim().toUpperCase());
    return i && mayReadRecordsOf(ctx, i.communeCode) ? i : null;
  }

  @FieldResolver(() => Establishment)
  establishment(@Root() i: InspectionRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.establishmentById.load(i.establishmentId);
  }

  @Directive(`@listSize(assumedSize: ${MAX_CHECKLIST})`)
  @FieldResolver(() => [InspectionItem], {
    description: 'The result of each checklist item (a plain list: one checklist long).',
  })
  items(@Root() i: InspectionRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.itemsByInspection.load(i.id);
  }

  @FieldResolver(() => Inspection, {
    nullable: true,
    description: 'The inspection this one follows up.',
  })
  followUpOf(@Root() i: InspectionRecord, @Ctx() ctx: Ctx) {
    return i.followUpOf ? ctx.loaders.inspectionById.load(i.followUpOf) : null;
  }

  @FieldResolver(() => Inspection, {
    nullable: true,
    description: 'The follow-up inspection that came after this one, once made.',
  })
  followUp(@Root() i: InspectionRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.followUpByInspection.load(i.id);
  }
}
