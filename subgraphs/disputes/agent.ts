import { decideForGroup } from '../../schema/access-decision.js';
import { LITIGATION_WRITE_PURPOSES } from '../../schema/access-policy.js';
import type { Principal } from '../../schema/principal.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, forbidden } from '../kit/errors.js';
import { CaseRefused } from './queries.js';

/** The commune's legal-affairs service, stating its purpose: the only one that conducts its cases. */
export function litigationAgent(ctx: Context): Extract<Principal, { kind: 'agent' }> {
  const p = ctx.principal;
  if (p.kind !== 'agent')
    throw forbidden("only an agent of the commune's legal affairs conducts its cases");
  const basis = decideForGroup(p, ctx.purpose, 'CASES');
  if (!basis.allowed) throw accessDenied(basis, 'CASES', ctx.purpose);
  if (!(LITIGATION_WRITE_PURPOSES as readonly string[]).includes(basis.purpose))
    throw forbidden(`purpose ${basis.purpose} reads cases but does not conduct them`, {
      reason: 'PURPOSE_NOT_ALLOWED',
    });
  return p;
}

export function refusal(error: unknown): never {
  if (error instanceof CaseRefused)
    throw appError(ErrorCode[error.code], error.message, error.field ? { field: error.field } : {});
  throw error;
}
