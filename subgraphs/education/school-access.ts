import { decide } from '../../schema/access-decision.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput, forbidden } from '../kit/errors.js';
import { SCHOOL_CODE_PATTERN, isYearCode } from './enrolment.rules.js';
import type { EducationLoaders } from './loaders.js';
import { schoolRecordScope } from './scope.js';
import type { SchoolRecord } from './school.type.js';

type Ctx = Context<EducationLoaders>;

export function assertSchoolCode(value: string, field: string): string {
  if (!SCHOOL_CODE_PATTERN.test(value))
    throw badInput(
      ErrorCode.INVALID_SCHOOL_CODE,
      `${field} must be a school code of 6 digits, such as "160101" (got "${value.slice(0, 40)}")`,
      field,
    );
  return value;
}

/**
 * The access decision for a school's pupil records as a whole (its roster, enrolling in
 * it): the Education ministry stating its purpose, or an integrator whose token names the
 * school (or its wilaya). Decided before the school is looked up, so a refusal says
 * nothing of whether it exists.
 */
export function assertSchoolReach(ctx: Ctx, schoolCode: string, field: string): void {
  const p = ctx.principal;
  if (p.kind !== 'ministry' && p.kind !== 'integrator')
    throw forbidden('pupil records are kept by the Education ministry and school integrators');
  const decision = decide(p, ctx.purpose, 'SCHOOLING', schoolRecordScope(schoolCode, ctx));
  if (decision.allowed) return;
  if (decision.reason === 'OUTSIDE_SCHOOLS')
    throw appError(
      ErrorCode.SCHOOL_OUTSIDE_SCOPE,
      `school ${schoolCode} is not among the schools your client's token covers`,
      { field },
    );
  throw accessDenied(decision, 'SCHOOLING', ctx.purpose);
}

/** An open school, or SCHOOL_NOT_FOUND / SCHOOL_CLOSED. */
export async function openSchool(ctx: Ctx, code: string, field: string): Promise<SchoolRecord> {
  const school = await ctx.loaders.schoolByCode.load(code);
  if (!school) throw appError(ErrorCode.SCHOOL_NOT_FOUND, `no school with code ${code}`, { field });
  if (school.status !== 'OPEN')
    throw appError(ErrorCode.SCHOOL_CLOSED, `school ${code} is closed`, { field });
  return school;
}

/** A known school year, or INVALID / ACADEMIC_YEAR_NOT_FOUND. */
export async function knownYear(ctx: Ctx, year: string, field = 'year') {
  if (!isYearCode(year))
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be a school year such as "2026-2027" (got "${year.slice(0, 20)}")`,
      field,
    );
  const found = await ctx.loaders.yearByCode.load(year);
  if (!found)
    throw appError(ErrorCode.ACADEMIC_YEAR_NOT_FOUND, `no school year ${year} is open`, { field });
  return found;
}
