import { decideForGroup } from '../../schema/access-decision.js';
import { PATRIMONY_WRITE_PURPOSES } from '../../schema/access-policy.js';
import type { Principal } from '../../schema/principal.js';
import { accessDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, forbidden } from '../kit/errors.js';
import { PatrimonyRefused } from './queries.js';

export type Agent = Extract<Principal, { kind: 'agent' }>;

/**
 * The commune's patrimony service, stating its purpose: the only one that changes assets,
 * leases, payments and notices, and only in its own commune (each write checks the
 * record's commune against the agent's).
 */
export function patrimonyAgent(ctx: Context): Agent {
  const p = ctx.principal;
  if (p.kind !== 'agent')
    throw forbidden("only an agent of the commune's patrimony service changes its patrimony");
  const basis = decideForGroup(p, ctx.purpose, 'LEASES');
  if (!basis.allowed) throw accessDenied(basis, 'LEASES', ctx.purpose);
  if (!(PATRIMONY_WRITE_PURPOSES as readonly string[]).includes(basis.purpose))
    throw forbidden(
      `purpose ${basis.purpose} reads leases but does not change them (that takes ${PATRIMONY_WRITE_PURPOSES.join(', ')})`,
      { reason: 'PURPOSE_NOT_ALLOWED' },
    );
  return p;
}

/** A refusal from a write transaction, as the client sees it. */
export function refusal(error: unknown): never {
  if (error instanceof PatrimonyRefused)
    throw appError(ErrorCode[error.code], error.message, error.field ? { field: error.field } : {});
  throw error;
}
