import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { assertNin } from '../kit/identifiers.js';
import { SECTION_PATTERN, isGrade, judgeRow } from './enrolment.rules.js';
import type { TransferPupilInput } from './enrolment.input.js';
import type { TransferPayload } from './enrolment.type.js';
import type { EducationLoaders } from './loaders.js';
import { EnrolmentRefused, openEnrolment, replayedEnrolment, transferPupil } from './queries.js';
import { registryPupils } from './registry-check.js';
import { assertSchoolCode, assertSchoolReach, knownYear, openSchool } from './school-access.js';

type Ctx = Context<EducationLoaders>;
type Done = { enrolmentId: number; previousSchoolCode: string };

/**
 * A transfer, as the receiving school asks for it: the destination must be in the caller's
 * scope and teach the grade, the pupil alive and of an age for it. The closing and the
 * opening happen in one transaction (queries.transferPupil).
 */
export async function transferOne(ctx: Ctx, input: TransferPupilInput): Promise<TransferPayload> {
  const nin = assertNin(input.nin, 'input.nin');
  const toSchoolCode = assertSchoolCode(input.toSchoolCode, 'input.toSchoolCode');
  assertSchoolReach(ctx, toSchoolCode, 'input.toSchoolCode');
  const section = input.section.trim().toUpperCase();
  if (!SECTION_PATTERN.test(section))
    throw badInput(
      ErrorCode.INVALID_SECTION,
      'section must be 1 to 3 letters or digits',
      'input.section',
    );
  const school = await openSchool(ctx, toSchoolCode, 'input.toSchoolCode');
  const year = await knownYear(ctx, input.year, 'input.year');
  if (input.date < year.startDate || input.date > year.endDate)
    throw badInput(ErrorCode.INVALID_DATE, `the date must fall within ${year.code}`, 'input.date');
  const request = {
    clientId: 'clientId' in ctx.principal ? ctx.principal.clientId : 'anonymous',
    key: input.idempotencyKey,
    operation: 'transferPupil',
    input: {
      nin,
      year: year.code,
      toSchoolCode,
      grade: input.grade ?? null,
      section,
      date: input.date,
    },
  };
  const earlier = await replayedEnrolment<Done>(ctx.db, request);
  if (earlier) return { replayed: true, ...earlier };
  const open = await openEnrolment(ctx.db, nin, year.code);
  if (!open)
    throw appError(
      ErrorCode.ENROLMENT_NOT_FOUND,
      `this pupil has no open enrolment in ${year.code}`,
      {
        field: 'input.nin',
      },
    );
  const grade = input.grade ?? open.grade;
  if (!isGrade(grade))
    throw badInput(
      ErrorCode.INVALID_GRADE,
      'grade must be one of 1AP–5AP, 1AM–4AM, 1AS–3AS',
      'input.grade',
    );
  const pupil = (await registryPupils(ctx, [nin])).get(nin) ?? null;
  const verdict = judgeRow({ nin, grade }, school, year.code, pupil);
  if (!verdict.ok) throw appError(ErrorCode[verdict.code], verdict.message, { field: 'input.nin' });
  try {
    const { result, replayed } = await transferPupil(
      ctx.db,
      { nin, year: year.code, toSchoolCode, grade, section, date: input.date },
      request,
    );
    return { replayed, ...result };
  } catch (error) {
    if (error instanceof EnrolmentRefused)
      throw appError(ErrorCode[error.code], error.message, { field: 'input.nin' });
    throw error;
  }
}
