import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { grantReach } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { enrolPupils } from './bulk-enrolment.js';
import { Citizen } from './citizen.type.js';
import { EnrolPupilsInput, RecordResultInput, TransferPupilInput } from './enrolment.input.js';
import { transferOne } from './transfer.js';
import {
  EnrolPupilsPayload,
  Enrolment,
  EnrolmentResult,
  TransferPayload,
  type EnrolmentRecord,
} from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { recordResult } from './queries.js';
import { assertSchoolReach } from './school-access.js';
import { AcademicYear, School } from './school.type.js';

type Ctx = Context<EducationLoaders>;

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Mutation(() => EnrolPupilsPayload, {
    description:
      'Enrols up to 500 pupils in one school for one year. Each pupil is checked in the civil registry on your behalf (exists, alive, age fits the grade); the answer has one result per row, and refused rows write nothing. Safe to retry with the same idempotencyKey.',
  })
  async enrolPupils(
    @Arg('input', () => EnrolPupilsInput) input: EnrolPupilsInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() ctx: Ctx,
  ): Promise<EnrolPupilsPayload> {
    const { results, replayed } = await enrolPupils(ctx, input, idempotencyKey);
    const enrolled = results.filter((r) => r.outcome === 'ENROLLED').length;
    return { replayed, enrolled, refused: results.length - enrolled, results };
  }

  @Mutation(() => TransferPayload, {
    description:
      "Moves a pupil's open enrolment of a year to another school: closes it (TRANSFERRED) and opens the next, in one step. Safe to retry with the same idempotencyKey.",
  })
  transferPupil(
    @Arg('input', () => TransferPupilInput) input: TransferPupilInput,
    @Ctx() ctx: Ctx,
  ): Promise<TransferPayload> {
    return transferOne(ctx, input);
  }

  @Mutation(() => Enrolment, {
    description: "Records a pupil's end-of-year result; the enrolment becomes COMPLETED.",
  })
  async recordResult(
    @Arg('input', () => RecordResultInput) input: RecordResultInput,
    @Ctx() ctx: Ctx,
  ): Promise<EnrolmentRecord> {
    const id = Number(input.enrolmentId);
    const found = Number.isSafeInteger(id) ? await ctx.loaders.enrolmentById.load(id) : null;
    if (!found)
      throw appError(ErrorCode.ENROLMENT_NOT_FOUND, `no enrolment ${input.enrolmentId}`, {
        field: 'input.enrolmentId',
      });
    assertSchoolReach(ctx, found.schoolCode, 'input.enrolmentId');
    if (!(input.average >= 0 && input.average <= 20))
      throw badInput(ErrorCode.BAD_USER_INPUT, 'average must be between 0 and 20', 'input.average');
    const year = (await ctx.loaders.yearByCode.load(found.year))!;
    if (
      !(await recordResult(ctx.db, {
        id,
        average: input.average,
        decision: input.decision,
        endDate: year.endDate,
      }))
    )
      throw appError(ErrorCode.CONFLICT, `enrolment ${id} is not open (it is ${found.status})`);
    ctx.loaders.enrolmentById.clear(id);
    return (await ctx.loaders.enrolmentById.load(id))!;
  }

  @FieldResolver(() => ID)
  id(@Root() e: EnrolmentRecord): string {
    return String(e.id);
  }

  @FieldResolver(() => Citizen, { description: 'The pupil.' })
  pupil(@Root() e: EnrolmentRecord, @Ctx() ctx: Ctx): Citizen {
    // Shown only when the enrolment was: its pupil is within the caller's reach in the registry too.
    grantReach(ctx, e.nin);
    return { nin: e.nin, schools: [e.schoolCode] };
  }

  @FieldResolver(() => School)
  school(@Root() e: EnrolmentRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.schoolByCode.load(e.schoolCode);
  }

  @FieldResolver(() => AcademicYear)
  academicYear(@Root() e: EnrolmentRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.yearByCode.load(e.year);
  }

  @FieldResolver(() => EnrolmentResult, {
    nullable: true,
    description: 'The end-of-year result, once recorded.',
  })
  result(@Root() e: EnrolmentRecord): EnrolmentResult | null {
    return e.decision && e.average !== null
      ? { average: Number(e.average), decision: e.decision as EnrolmentResult['decision'] }
      : null;
  }
}

@Resolver(() => TransferPayload)
export class TransferPayloadResolver {
  @FieldResolver(() => Enrolment, { description: 'The enrolment opened at the new school.' })
  enrolment(@Root() t: TransferPayload, @Ctx() ctx: Ctx) {
    return ctx.loaders.enrolmentById.load(t.enrolmentId);
  }

  @FieldResolver(() => School, { description: 'The school the pupil left.' })
  previousSchool(@Root() t: TransferPayload, @Ctx() ctx: Ctx) {
    return ctx.loaders.schoolByCode.load(t.previousSchoolCode);
  }
}
