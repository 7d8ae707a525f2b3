import { decideCommuneRecord } from '../../schema/access-decision.js';
import { ASSOCIATIONS_FIGURES_PURPOSES } from '../../schema/access-policy.js';
import { communeRecordDenied } from '../kit/access.js';
import type { Context } from '../kit/context.js';

/** Purposes under which the service's files (declarations, decisions) are read: its own. */
export const FILE_PURPOSES = ['ASSOCIATIONS_REGISTRY'] as const;

export function mayReadFilesOf(ctx: Context, communeCode: string): boolean {
  return decideCommuneRecord(ctx.principal, ctx.purpose, FILE_PURPOSES, communeCode).allowed;
}

/** The ASSOCIATIONS service agent acting for its commune, or FORBIDDEN saying why. */
export function registryAgent(ctx: Context): { sub: string; communeCode: string } {
  const p = ctx.principal;
  const decision = decideCommuneRecord(
    p,
    ctx.purpose,
    FILE_PURPOSES,
    p.kind === 'agent' ? p.communeCode : '',
  );
  if (!decision.allowed) throw communeRecordDenied(decision);
  if (p.kind !== 'agent')
    throw communeRecordDenied({
      allowed: false,
      reason: 'PURPOSE_NOT_ALLOWED',
      message: 'only the associations service of a commune acts on declarations',
    });
  return { sub: p.sub, communeCode: p.communeCode };
}

export function assertFiguresOf(ctx: Context, communeCode: string): void {
  const decision = decideCommuneRecord(
    ctx.principal,
    ctx.purpose,
    ASSOCIATIONS_FIGURES_PURPOSES,
    communeCode,
  );
  if (!decision.allowed) throw communeRecordDenied(decision);
}
