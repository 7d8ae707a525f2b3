import { maySeeRecord } from '../../schema/access-decision.js';
import { personScope } from './access.js';
import { ninProblem } from '../../schema/nin.js';
import type { Context } from './context.js';
import { ErrorCode, badInput } from './errors.js';

/** A NIN argument, or INVALID_NIN saying what is wrong with it and which field it was. */
export function assertNin(value: string, field = 'nin'): string {
  const problem = ninProblem(value);
  if (problem) {
    throw badInput(
      ErrorCode.INVALID_NIN,
      `${field} "${value.slice(0, 40)}" is not a valid NIN: ${problem}`,
      field,
    );
  }
  return value;
}

/**
 * `__resolveReference` for a subgraph that knows a Citizen only by NIN: a citizen the
 * caller may not see comes back null, exactly as one that does not exist.
 */
export function visibleCitizenReference(
  ref: { nin: string },
  ctx: Context,
): { nin: string } | null {
  return typeof ref.nin === 'string' &&
    !ninProblem(ref.nin) &&
    maySeeRecord(ctx.principal, ctx.purpose, personScope(ref, ctx))
    ? { nin: ref.nin }
    : null;
}

/** An official commune code (4 digits), or INVALID_COMMUNE_CODE. */
export function assertCommuneCode(value: string, field: string): string {
  if (!/^\d{4}$/.test(value)) {
    throw badInput(
      ErrorCode.INVALID_COMMUNE_CODE,
      `${field} must be an official commune code of 4 digits, such as "1601" (got "${value.slice(0, 40)}")`,
      field,
    );
  }
  return value;
}

/** An official wilaya code (2 digits), or INVALID_WILAYA_CODE. */
export function assertWilayaCode(value: string, field: string): string {
  if (!/^\d{2}$/.test(value)) {
    throw badInput(
      ErrorCode.INVALID_WILAYA_CODE,
      `${field} must be a wilaya code of 2 digits, such as "16" (got "${value.slice(0, 40)}")`,
      field,
    );
  }
  return value;
}

const MOBILE_PHONE = /^0[567]\d{8}$/;

/** An Algerian mobile number (05, 06 or 07 and 8 digits), for SMS; or INVALID_PHONE. */
export function assertMobilePhone(value: string, field: string): string {
  if (!MOBILE_PHONE.test(value)) {
    throw badInput(
      ErrorCode.INVALID_PHONE,
      `${field} must be a mobile number: 05, 06 or 07 followed by 8 digits`,
      field,
    );
  }
  return value;
}

/** A tax identification number (NIF) of a company: 15 digits; or INVALID_NIF. */
export function assertNif(value: string, field: string): string {
  if (!/^\d{15}$/.test(value)) {
    throw badInput(
      ErrorCode.INVALID_NIF,
      `${field} must be a tax identification number (NIF) of 15 digits (got "${value.slice(0, 40)}")`,
      field,
    );
  }
  return value;
}
