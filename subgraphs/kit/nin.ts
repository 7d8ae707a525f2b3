import { maySeeRecord } from '../../schema/access-decision.js';
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
    maySeeRecord(ctx.principal, ctx.purpose, ref.nin)
    ? { nin: ref.nin }
    : null;
}
